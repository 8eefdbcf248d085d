import { z } from 'zod';
import { id, listOf, pageQuery } from './common.js';

/**
 * What a timeline entry records. The customer timeline is the change log filtered by customer:
 * every module that does something to a customer (or to a record under it) writes one entry here
 * with `recordChange`, naming its action; later modules add their actions to this list.
 *
 * How a later module (activities, deals, tickets...) puts its events on the customer timeline:
 * 1. add its action(s) here (e.g. `'deal_won'`) and, when its records are a new kind of entity,
 *    the entity type to `historyEntityTypes`; the web timeline labels them by action;
 * 2. in the same transaction as the change, call the history module's
 *    `recordChange(trx, { entityType, entityId, customerId, action, actorId, at, label, changes })`
 *    with `customerId` set to the customer the record belongs to (that is what puts it on the
 *    customer's timeline; `label` names the record, `changes` lists `{field, old, new}`);
 * 3. nothing else: GET /customers/:id/history shows it, filterable by `actions` and `entityType`.
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
  'convert', // a lead converted (on the lead, and on the customer it became or joined)
  'disqualify', // a lead disqualified
  'stage_change', // an opportunity moved to another stage
  'won', // an opportunity won
  'lost', // an opportunity lost
  'reopen', // a won or lost opportunity moved back to an open stage
  'status_change', // a contract or order moved to another status (signed, completed, cancelled...)
  'approval_submit', // a record submitted for approval (the flow's name in changes)
  'approval_approve', // an approver approved a step (the last one approves the record)
  'approval_reject', // an approver rejected the record (with the comment)
  'approval_withdraw', // the request withdrawn (the record moved back to draft, or deleted)
  'keep_record', // the record's own lifecycle stage / status kept against the analytics' suggestion ("keep mine")
] as const;
export type HistoryAction = (typeof historyActions)[number];
export const historyEntityTypes = ['customer', 'contact', 'user', 'department', 'role', 'attachment', 'lead', 'opportunity', 'contract', 'quote'] as const;
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
const historyActionList = z
  .string()
  .max(500)
  .transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.enum(historyActions)));
export const historyQuery = z
  .object({
    page: pageQuery.page,
    pageSize: pageQuery.pageSize,
    /** Comma list of actions, e.g. `attach,detach`. */
    actions: historyActionList.optional(),
    entityType: z.enum(historyEntityTypes).optional(),
  })
  .strict();
export type HistoryQuery = z.input<typeof historyQuery>;

export const recycleBinTypes = ['customer', 'contact', 'lead', 'opportunity', 'contract'] as const;
export type RecycleBinType = (typeof recycleBinTypes)[number];
export const recycleBinItem = z.object({
  type: z.enum(recycleBinTypes),
  id: z.number().int(),
  name: z.string(),
  /** For a contact or an opportunity: the customer it belongs to. */
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
  .object({ type: z.enum(recycleBinTypes), id })
  .strict();
