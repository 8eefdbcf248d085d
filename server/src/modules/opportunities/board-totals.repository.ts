import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

/**
 * The board's column figures per stage and owner (count, sum of base amounts, sum of base amount
 * × probability), kept up to date by every write of a deal through this module's repository, so
 * that a board over a million deals adds up a few hundred rows instead of a million.
 *
 * Deals that arrive another way (a bulk load into the table) are noticed by their ids:
 * `counters.opportunity_totals_seen` is the highest deal id the figures have seen; a higher id in
 * the table means the figures are rebuilt from the deals before they are read.
 */
type Db = Kysely<DB> | Transaction<DB>;
export type TotalsFields = Pick<DB['opportunities'], 'pipeline_id' | 'stage_id' | 'owner_id' | 'amount_base' | 'probability' | 'deleted_at'>;
export const totalsColumns = ['pipeline_id', 'stage_id', 'owner_id', 'amount_base', 'probability', 'deleted_at'] as const;
const seenCounter = 'opportunity_totals_seen';

async function adjust(db: Db, row: TotalsFields, sign: 1 | -1): Promise<void> {
  if (row.deleted_at !== null) return; // deleted deals are not on the board
  const amount = sign * Number(row.amount_base);
  await db
    .insertInto('opportunity_board_totals')
    .values({ stage_id: row.stage_id, owner_id: row.owner_id, pipeline_id: row.pipeline_id, n: sign, amount, weighted: amount * row.probability })
    .onConflict((oc) =>
      oc.columns(['stage_id', 'owner_id']).doUpdateSet((eb) => ({
        n: eb('opportunity_board_totals.n', '+', eb.ref('excluded.n')),
        amount: eb('opportunity_board_totals.amount', '+', eb.ref('excluded.amount')),
        weighted: eb('opportunity_board_totals.weighted', '+', eb.ref('excluded.weighted')),
      })),
    )
    .execute();
}

/** A deal's board figures went from `before` (null: it is new) to `after` (null: it is gone). */
export async function moveTotals(db: Db, before: TotalsFields | null, after: TotalsFields | null): Promise<void> {
  if (before && after && totalsColumns.every((c) => String(before[c]) === String(after[c]))) return;
  if (before) await adjust(db, before, -1);
  if (after) await adjust(db, after, 1);
}

async function maxDealId(db: Db): Promise<number> {
  const row = await db.selectFrom('opportunities').select((eb) => eb.fn.max<number | null>('id').as('m')).executeTakeFirst();
  return Number(row?.m ?? 0);
}

/** Before inserting a deal: the highest id so far. */
export const lastDealId = maxDealId;

/**
 * After inserting deal `id` (its figures added): the figures have seen it too, provided they had
 * seen every deal before it (otherwise they wait for their rebuild).
 */
export async function markSeen(db: Db, id: number, previousMax: number): Promise<void> {
  await db.updateTable('counters').set({ value: id }).where('name', '=', seenCounter).where('value', '>=', previousMax).where('value', '<', id).execute();
}

/** Rebuild the figures from the deals when some arrived without them. */
export async function ensureTotals(db: Kysely<DB>): Promise<void> {
  const [max, seen] = await Promise.all([
    maxDealId(db),
    db.selectFrom('counters').select('value').where('name', '=', seenCounter).executeTakeFirst(),
  ]);
  if (seen && max <= seen.value) return;
  await db.transaction().execute(async (trx) => {
    const upTo = await maxDealId(trx);
    await trx.deleteFrom('opportunity_board_totals').execute();
    await trx
      .insertInto('opportunity_board_totals')
      .columns(['stage_id', 'owner_id', 'pipeline_id', 'n', 'amount', 'weighted'])
      .expression(
        trx
          .selectFrom('opportunities')
          .select((eb) => [
            'stage_id',
            'owner_id',
            eb.fn.max('pipeline_id').as('pipeline_id'),
            eb.fn.countAll<number>().as('n'),
            eb.fn.sum<number>('amount_base').as('amount'),
            eb.fn.sum<number>(sql`amount_base * probability`).as('weighted'),
          ])
          .where('deleted_at', 'is', null)
          .groupBy(['stage_id', 'owner_id']),
      )
      // Two first readers rebuilding at once add up the same figures: the second one's are kept out.
      .onConflict((oc) => oc.columns(['stage_id', 'owner_id']).doNothing())
      .execute();
    await trx
      .insertInto('counters')
      .values({ name: seenCounter, value: upTo })
      .onConflict((oc) => oc.column('name').doUpdateSet({ value: upTo }))
      .execute();
  });
}
