import { sql, type Kysely } from 'kysely';
import type { Engine, Migration } from './migration.js';

/**
 * Less written per imported row (issue 9: an update import at 1,000,000 customers wrote about 13
 * scattered pages per row):
 * - import_results_entity indexed every row's result by job and record, so each updated or skipped
 *   row of an import touched a page at a random place of it. It is read only to find the rows of
 *   a job that created given records: the index now holds only those (import_results_created).
 * - The update trigger of customer_field_deltas (migration 0040) wrote a -1 and a +1 row for each
 *   of the seven sliced fields whenever one of them changed: fourteen rows for a new industry.
 *   The pairs of the unchanged fields cancel out in every sum. It now writes the pairs of the
 *   fields that changed, and all seven only when the owner changed or the customer was deleted
 *   or restored, as before. The insert and delete triggers are left as they are.
 * Self-contained: the field list is written out here, as migration 0040 had it.
 */
const fields: Array<[string, string]> = [
  ['kind', "coalesce(R.kind, '')"],
  ['category', "coalesce(R.category, '')"],
  ['industry', "coalesce(R.industry, '')"],
  ['status', "coalesce(R.status, '')"],
  ['lifecycle_stage', "coalesce(R.lifecycle_stage, '')"],
  ['province', "coalesce(R.province, '')"],
  ['city', "coalesce(R.province, '') || '/' || coalesce(R.city, '')"],
];
const watched = ['owner_id', 'deleted_at', 'kind', 'category', 'industry', 'status', 'lifecycle_stage', 'province', 'city'];

/** (field, key before, key after) for each sliced field, as a VALUES list. */
const pairs = fields.map(([f, k]) => `('${f}', ${k.replaceAll('R.', 'old.')}, ${k.replaceAll('R.', 'new.')})`).join(', ');

export const importWriteTrim: Migration = {
  name: '20261208-0043-import-write-trim',
  async up(db: Kysely<unknown>, engine: Engine) {
    await sql`drop index if exists import_results_entity`.execute(db);
    await sql`create index import_results_created on import_results (job_id, entity_id) where outcome = 'created'`.execute(db);

    const changed = (distinct: string) =>
      watched.map((col) => (col === 'deleted_at' ? '(old.deleted_at is null) <> (new.deleted_at is null)' : `old.${col} ${distinct} new.${col}`)).join(' or ');
    if (engine === 'postgres') {
      await sql`drop trigger customer_field_deltas_update on customers`.execute(db);
      // v(f, before, after): the old record's -1 rows, then the new one's +1 rows.
      await sql`create function customer_field_deltas_change() returns trigger language plpgsql as $$
        declare
          everything boolean := old.owner_id is distinct from new.owner_id or (old.deleted_at is null) <> (new.deleted_at is null);
        begin
          if old.deleted_at is null then
            insert into customer_field_deltas (owner_id, field, key, delta)
            select coalesce(old.owner_id, 0), v.f, v.before, -1 from (values ${sql.raw(pairs)}) as v(f, before, after)
            where everything or v.before <> v.after;
          end if;
          if new.deleted_at is null then
            insert into customer_field_deltas (owner_id, field, key, delta)
            select coalesce(new.owner_id, 0), v.f, v.after, 1 from (values ${sql.raw(pairs)}) as v(f, before, after)
            where everything or v.before <> v.after;
          end if;
          return null;
        end $$`.execute(db);
      await sql`create trigger customer_field_deltas_update after update of ${sql.raw(watched.join(', '))} on customers
        for each row when (${sql.raw(changed('is distinct from'))}) execute function customer_field_deltas_change()`.execute(db);
      return;
    }
    const everything = '(old.owner_id is not new.owner_id or (old.deleted_at is null) <> (new.deleted_at is null))';
    await sql`drop trigger customer_field_deltas_update`.execute(db);
    await sql`create trigger customer_field_deltas_update after update of ${sql.raw(watched.join(', '))} on customers
      when ${sql.raw(changed('is not'))}
      begin
        insert into customer_field_deltas (owner_id, field, key, delta)
        select coalesce(old.owner_id, 0), v.column1, v.column2, -1 from (values ${sql.raw(pairs)}) as v
        where old.deleted_at is null and (${sql.raw(everything)} or v.column2 <> v.column3);
        insert into customer_field_deltas (owner_id, field, key, delta)
        select coalesce(new.owner_id, 0), v.column1, v.column3, 1 from (values ${sql.raw(pairs)}) as v
        where new.deleted_at is null and (${sql.raw(everything)} or v.column2 <> v.column3);
      end`.execute(db);
  },
};
