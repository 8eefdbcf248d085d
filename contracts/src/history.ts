import { z } from 'zod';
import { listOf, pageQuery } from './common.js';

export const historyActions = ['create', 'update', 'delete', 'restore'] as const;
export const historyEntityTypes = ['customer', 'contact', 'user', 'department', 'role'] as const;
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
