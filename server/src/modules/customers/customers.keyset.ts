import { sql, type Expression, type SqlBool } from 'kysely';
import { nullsAs, sortColumns, type CustomerRow, type SortKey } from './customers.repository.js';

/** Where a page ended: the sort value (null for a customer without one) and id of its last row. */
export type ExportCursor = { value: string | null; id: number } | null;

/** A row's value of a sort key, as the cursor keeps it. */
export function sortValueOf(row: CustomerRow, key: SortKey): string | null {
  const values: Record<SortKey, string | null> = {
    updatedAt: row.updated_at,
    createdAt: row.created_at,
    name: row.name,
    archiveNo: row.archive_no,
    lastFollowUpAt: row.last_followup_at,
    nextFollowUpOn: row.next_followup_on,
  };
  return values[key];
}

/**
 * The rows after a cursor in the list's order (orderCustomers): the sort value, nulls where
 * `nullsAs` puts them, then the id, in one direction. Keyset paging for exports.
 */
export function afterCursor(sort: { key: SortKey; desc: boolean }, cursor: { value: string | null; id: number }): Expression<SqlBool> {
  const col = sql.ref(sortColumns[sort.key]);
  const op = sql.raw(sort.desc ? '<' : '>');
  const sameThenId = (same: Expression<SqlBool>) => sql<SqlBool>`(${same} and c.id ${op} ${cursor.id})`;
  const nulls = nullsAs[sort.key];
  // Whether nulls come before every value in this direction.
  const nullsFirst = nulls !== undefined && (nulls === 'smallest') !== sort.desc;
  if (cursor.value === null) {
    const tie = sameThenId(sql<SqlBool>`${col} is null`);
    return nullsFirst ? sql<SqlBool>`(${tie} or ${col} is not null)` : tie;
  }
  const after = sql<SqlBool>`(${col} ${op} ${cursor.value} or ${sameThenId(sql<SqlBool>`${col} = ${cursor.value}`)})`;
  return nulls !== undefined && !nullsFirst ? sql<SqlBool>`(${after} or ${col} is null)` : after;
}
