import { sql, type Kysely, type Selectable, type SqlBool, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;
export type ListViewRow = Selectable<DB['list_views']>;

/** Who reads: their id and the ids of their department and the departments above it (from its path). */
export interface Reader {
  userId: number;
  departmentIds: number[];
}

/**
 * The views a reader may see, as a condition on `lv`: their own, those shared with everyone, and
 * those shared with their department or a department above it. Nothing else: a view shared with
 * another department stays unseen.
 */
function visibleTo(reader: Reader) {
  const department =
    reader.departmentIds.length > 0
      ? sql<SqlBool>`(lv.visibility = 'department' and lv.department_id in (${sql.join(reader.departmentIds)}))`
      : sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`(lv.owner_id = ${reader.userId} or lv.visibility = 'everyone' or ${department})`;
}

/** A list's views the reader may see: their own first, then by name. */
export async function visibleViews(db: Db, list: string, reader: Reader): Promise<ListViewRow[]> {
  return db
    .selectFrom('list_views as lv')
    .selectAll('lv')
    .where('lv.list', '=', list)
    .where(visibleTo(reader))
    .orderBy(sql`case when lv.owner_id = ${reader.userId} then 0 else 1 end`)
    .orderBy('lv.name')
    .orderBy('lv.id')
    .execute();
}

/** One view, if the reader may see it. */
export async function findVisible(db: Db, id: number, reader: Reader): Promise<ListViewRow | undefined> {
  return db.selectFrom('list_views as lv').selectAll('lv').where('lv.id', '=', id).where(visibleTo(reader)).executeTakeFirst();
}

export async function nameTaken(db: Db, ownerId: number, list: string, name: string, exceptId?: number): Promise<boolean> {
  let query = db.selectFrom('list_views').select('id').where('owner_id', '=', ownerId).where('list', '=', list).where('name', '=', name);
  if (exceptId !== undefined) query = query.where('id', '<>', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function insert(db: Db, values: Omit<ListViewRow, 'id'>): Promise<number> {
  return (await db.insertInto('list_views').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

/** Versioned update of the owner's view; false when the version moved on. */
export async function update(db: Db, id: number, version: number, values: Partial<ListViewRow>): Promise<boolean> {
  const r = await db.updateTable('list_views').set({ ...values, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Delete a view and every default that named it (anyone's: they open the list unfiltered again). */
export async function remove(db: Db, id: number): Promise<void> {
  await db.deleteFrom('list_view_defaults').where('view_id', '=', id).execute();
  await db.deleteFrom('list_views').where('id', '=', id).execute();
}

export async function findDefault(db: Db, userId: number, list: string): Promise<{ view_id: number | null; built_in: string | null } | undefined> {
  return db.selectFrom('list_view_defaults').select(['view_id', 'built_in']).where('user_id', '=', userId).where('list', '=', list).executeTakeFirst();
}

/** Set (or with neither, forget) a user's default view of a list. */
export async function setDefault(db: Db, userId: number, list: string, value: { viewId: number | null; builtIn: string | null }, at: string): Promise<void> {
  if (value.viewId === null && value.builtIn === null) {
    await db.deleteFrom('list_view_defaults').where('user_id', '=', userId).where('list', '=', list).execute();
    return;
  }
  await db
    .insertInto('list_view_defaults')
    .values({ user_id: userId, list, view_id: value.viewId, built_in: value.builtIn, updated_at: at })
    .onConflict((oc) => oc.columns(['user_id', 'list']).doUpdateSet({ view_id: value.viewId, built_in: value.builtIn, updated_at: at }))
    .execute();
}
