import { type Scope } from '../../platform/auth/scope.js';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { filtered } from './opportunities.repository.js';

type Db = Kysely<DB> | Transaction<DB>;

/** Which stage entries the report reads: one pipeline, a window on `entered_at`, the list's deal filters. */
export interface StageStatsFilter {
  scope: Scope;
  /** UTC date: unused by these queries, but the list's filter needs it. */
  today: string;
  pipelineId: number;
  /** ISO instants, both included. */
  from: string;
  until: string;
  ownerId?: number;
  departmentId?: number;
}

/**
 * Stage entries of live deals in the window, as `h` joined to its deal `o`: the deal filters are
 * the list's own (`filtered`), so the data scope, owner and department rules cannot drift.
 */
function entries(db: Db, f: StageStatsFilter) {
  return filtered(db, { scope: f.scope, today: f.today, ownerId: f.ownerId, departmentId: f.departmentId })
    .innerJoin('opportunity_stage_history as h', 'h.opportunity_id', 'o.id')
    .where('h.pipeline_id', '=', f.pipelineId)
    .where('h.entered_at', '>=', f.from)
    .where('h.entered_at', '<=', f.until);
}

/**
 * Per stage: how many deals entered it in the window and what became of each, in one grouped
 * query. A deal that entered a stage more than once counts once, from its first entry in the
 * window; "later" is a higher history id, since a deal's history rows are written in the order
 * of its moves. Outcomes are exclusive, in this order: advanced (a later entry into an open stage
 * at a higher position of the same pipeline, or into its won stage; open stages only), still
 * there (the deal's current stage), lost (a later entry into a lost stage).
 */
export function stageOutcomesQuery(db: Db, f: StageStatsFilter) {
  const firsts = entries(db, f)
    .select((eb) => ['h.opportunity_id', 'h.stage_id', 'o.stage_id as current_stage_id', eb.fn.min<number>('h.id').as('first_id')])
    .groupBy(['h.opportunity_id', 'h.stage_id', 'o.stage_id']);

  const outcomes = db
    .selectFrom(firsts.as('f'))
    .innerJoin('pipeline_stages as s', 's.id', 'f.stage_id')
    .select((eb) => {
      const later = () =>
        eb
          .selectFrom('opportunity_stage_history as l')
          .innerJoin('pipeline_stages as ls', 'ls.id', 'l.stage_id')
          .select(sql<number>`1`.as('one'))
          .whereRef('l.opportunity_id', '=', 'f.opportunity_id')
          .whereRef('l.id', '>', 'f.first_id');
      const further = later()
        .whereRef('ls.pipeline_id', '=', 's.pipeline_id')
        .where((w) => w.or([w('ls.kind', '=', 'won'), w.and([w('ls.kind', '=', 'open'), w('ls.position', '>', w.ref('s.position'))])]));
      const lost = later().where('ls.kind', '=', 'lost');
      return [
        'f.stage_id',
        eb.case().when(eb.and([eb('s.kind', '=', 'open'), eb.exists(further)])).then(1).else(0).end().as('advanced'),
        eb.case().when('f.current_stage_id', '=', eb.ref('f.stage_id')).then(1).else(0).end().as('here'),
        eb.case().when(eb.exists(lost)).then(1).else(0).end().as('lost'),
      ];
    });

  return db
    .selectFrom(outcomes.as('x'))
    .select((eb) => [
      'x.stage_id',
      eb.fn.countAll<number>().as('entered'),
      eb.fn.sum<number>('x.advanced').as('advanced'),
      eb.fn.sum<number>(eb.case().when(eb.and([eb('x.advanced', '=', 0), eb('x.here', '=', 1)])).then(1).else(0).end()).as('still_there'),
      eb.fn.sum<number>(eb.case().when(eb.and([eb('x.advanced', '=', 0), eb('x.here', '=', 0), eb('x.lost', '=', 1)])).then(1).else(0).end()).as('lost'),
    ])
    .groupBy('x.stage_id');
}

export interface StageOutcome {
  stageId: number;
  entered: number;
  advanced: number;
  stillThere: number;
  lost: number;
}

export async function stageOutcomes(db: Db, f: StageStatsFilter): Promise<StageOutcome[]> {
  const rows = await stageOutcomesQuery(db, f).execute();
  // PostgreSQL's count and sum arrive as text (bigint, numeric).
  return rows.map((r) => ({
    stageId: r.stage_id,
    entered: Number(r.entered),
    advanced: Number(r.advanced ?? 0),
    stillThere: Number(r.still_there ?? 0),
    lost: Number(r.lost ?? 0),
  }));
}

/**
 * The stays in the window that ended, as instants: durations are worked out by the caller, so
 * that no engine-specific date arithmetic is needed (and the median needs every value anyway).
 */
export function endedStaysQuery(db: Db, f: StageStatsFilter) {
  return entries(db, f).where('h.left_at', 'is not', null).select(['h.stage_id', 'h.entered_at', 'h.left_at']);
}

export async function endedStays(db: Db, f: StageStatsFilter): Promise<Array<{ stageId: number; enteredAt: string; leftAt: string }>> {
  const rows = await endedStaysQuery(db, f).execute();
  return rows.flatMap((r) => (r.left_at === null ? [] : [{ stageId: r.stage_id, enteredAt: r.entered_at, leftAt: r.left_at }]));
}
