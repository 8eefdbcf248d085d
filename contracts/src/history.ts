import { z } from 'zod';
import { listOf, pageQuery } from './common.js';

/**
 * What a timeline entry records. The customer timeline is the change log filtered by customer:
 * every module that does something to a customer (or to a record under it) writes one entry here
 * with `recordChange`, naming its action; later modules add their actions to this list.
 */
export const historyActions = [
  'create',
  'update',
  'delete',
  'restore',
  'assign', // owner changed by a manager (transfer)
  'claim', // taken from the public pool
  'release', // put back in the pool by its owner
  'pool_return', // returned to the pool by a pool rule
  'merge', // other customers merged into this one
  'merged', // this customer merged into another
  'import', // created or updated by an import
  'follow_up', // a follow-up note
  'confirm', // the record was confirmed as accurate
  'attach', // a file attached
  'detach', // a file removed
] as const;
export type HistoryAction = (typeof historyActions)[number];
export const historyEntityTypes = ['customer', 'contact', 'user', 'department', 'role', 'attachment'] as const;
export type HistoryEntityType = (typeof historyEntityTypes)[number];

export const fieldChange = z.object({
  field: z.string(),
  old: z.unknown(),
  new: z.unknown(),
});
export type FieldChange = z.infer<typeof fieldChange>;

export const historyEntry = z.object({
  id: z.number().int(),
  entityType: z.enum(historyEntityTypes),
  entityId: z.number().int(),
  action: z.enum(historyActions),
  actorId: z.number().int().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
  /** For a contact's entry on its customer's history: the contact's name. */
  label: z.string().nullable(),
  changes: z.array(fieldChange),
});
export type HistoryEntry = z.infer<typeof historyEntry>;
export const historyList = listOf(historyEntry);
export const historyQuery = z.object({ page: pageQuery.page, pageSize: pageQuery.pageSize }).strict();

export const recycleBinTypes = ['customer', 'contact'] as const;
export type RecycleBinType = (typeof recycleBinTypes)[number];
export const recycleBinItem = z.object({
  type: z.enum(recycleBinTypes),
  id: z.number().int(),
  name: z.string(),
  /** For a contact: the customer it belongs to. */
  parentName: z.string().nullable(),
  deletedAt: z.string(),
  deletedBy: z.number().int().nullable(),
  deletedByName: z.string().nullable(),
});
export type RecycleBinItem = z.infer<typeof recycleBinItem>;
export const recycleBinList = listOf(recycleBinItem);
export const recycleBinQuery = z
  .object({ ...pageQuery, type: z.enum(recycleBinTypes).optional() })
  .strict();
export const recycleBinParams = z
  .object({ type: z.enum(recycleBinTypes), id: z.coerce.number().int().positive() })
  .strict();
