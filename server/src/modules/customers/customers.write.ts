import type { FieldChange, HistoryAction } from '@crm/contracts';
import type { AppContext } from '../../platform/context.js';
import { recordChanges } from '../history/index.js';
import { completenessOf, readQualitySettings } from './customers.completeness.js';
import { refreshCustomers } from './customers.derived.js';
import * as repo from './customers.repository.js';

type Db = AppContext['db'];

/** A timeline entry of a customer change (on the customer's own timeline unless `customerId` says whose). */
export interface TimelineNote {
  action: HistoryAction;
  label: string;
  changes?: FieldChange[];
  customerId?: number;
}

/** One change to a stored customer row. */
export interface CustomerWrite {
  /** The row as read in this transaction: an edit applies only while its version is still current. */
  row: repo.CustomerRow;
  /** The columns to change (derived ones, completeness and the search key, are computed here). */
  values: Partial<repo.CustomerRow>;
  timeline?: TimelineNote[];
}

export interface WriteBy {
  actorId: number;
  at: string;
  /**
   * An edit (the default): a new version, updated_at/by, applied only to rows whose version did
   * not move on. Not an edit (a confirmation, a delete): the row keeps its version and only the
   * values given change, on a row the caller has read (and locked) in this transaction.
   */
  edit?: boolean;
  /** Refresh search words, duplicate keys and contact summaries later: the caller adds the ids here and calls refreshCustomers once (a batch that also adds contacts). */
  later?: Set<number>;
}

const historyBatch = 500;

/**
 * The one write path of stored customer rows (create has its own: bulkCreateCustomers). Keeps
 * every piece derived from the record right in the caller's transaction: completeness (in the
 * same statement), the live count (a row deleted here), the search key and index, the duplicate
 * keys and contact summary (refreshCustomers), and the timeline entries. Returns the rows written,
 * by id, as now stored (derived search columns as read): an edit whose version moved on is left
 * out, for the caller to answer with a conflict or skip.
 */
export async function writeCustomers(db: Db, ctx: Pick<AppContext, 'engine'>, writes: CustomerWrite[], by: WriteBy): Promise<Map<number, repo.CustomerRow>> {
  if (writes.length === 0) return new Map();
  const { value: quality } = await readQualitySettings(db);
  const edit = by.edit ?? true;
  const valuesOf = (w: CustomerWrite): Partial<repo.CustomerRow> => {
    const stamped = edit ? { ...w.values, updated_at: by.at, updated_by: by.actorId } : w.values;
    return { ...stamped, completeness: completenessOf({ ...w.row, ...stamped }, quality) };
  };
  let written: Set<number>;
  if (edit) {
    written = await repo.updateMany(db, ctx.engine, writes.map((w) => ({ id: w.row.id, version: w.row.version, values: valuesOf(w) })));
  } else {
    for (const w of writes) await repo.setFields(db, w.row.id, valuesOf(w));
    written = new Set(writes.map((w) => w.row.id));
  }
  const done = writes.filter((w) => written.has(w.row.id));
  const rows = new Map(done.map((w) => [w.row.id, { ...w.row, ...valuesOf(w), version: edit ? w.row.version + 1 : w.row.version }]));
  const deleted = done.filter((w) => w.row.deleted_at === null && w.values.deleted_at).length;
  if (deleted > 0) await repo.adjustLiveCount(db, -deleted);
  if (by.later) for (const w of done) by.later.add(w.row.id);
  else await refreshCustomers(db, ctx, done.map((w) => w.row.id));
  const entries = done.flatMap((w) =>
    (w.timeline ?? []).map((note) => ({
      entityType: 'customer', entityId: w.row.id, customerId: note.customerId ?? w.row.id, action: note.action,
      actorId: by.actorId, at: by.at, label: note.label, changes: note.changes ?? [],
    })),
  );
  // Within both engines' bound-parameter limits however large the batch.
  for (let i = 0; i < entries.length; i += historyBatch) await recordChanges(db, entries.slice(i, i + historyBatch));
  return rows;
}
