import { buildCustomer, type Org } from './fixtures.js';
import type { TestClock } from './harness.js';

const hour = 3_600_000;

/** The figures of one stage in the stage conversion report. */
export interface StageFigures {
  entered: number;
  advanced: number;
  lost: number;
  stillThere: number;
  conversion: number;
  ended: number;
  avgHours: number;
  medianHours: number;
}

export interface DealRef {
  id: number;
  version: number;
}

/** Deals of the default pipeline moved at known hours, as the administrator, for the stage conversion tests. */
export interface StageTimeline {
  /** The default pipeline's stage ids by key. */
  stageIds: Record<string, number>;
  adminId: number;
  /** A new deal (on a new customer) of this owner, in its pipeline's first stage unless `extra` says otherwise. */
  deal(ownerId: number, extra?: Record<string, unknown>): Promise<DealRef>;
  /** Wait `hours` on the clock, then move the deal; returns it with its new version. */
  move(d: DealRef, hours: number, stageId: number | undefined, extra?: Record<string, unknown>): Promise<DealRef>;
}

/**
 * The timeline both stage conversion tests start from (the clock moves 78 hours on from its start):
 * - A (east1): explore 10 h -> contact 20 h -> prepare 30 h -> won
 * - B (east1): explore 4 h -> contact 6 h -> lost
 * - C (east2): explore, still there
 * - D (north1): explore 2 h -> contact 2 h -> back to explore, still there
 * - E (admin, no department): explore, still there
 */
export async function stageTimeline(org: Org, clock: TestClock, dealName: string): Promise<StageTimeline> {
  const adminId = (await org.admin.get('/api/v1/auth/me')).body.user.id as number;
  const pipelines = (await org.admin.get('/api/v1/pipelines')).body.items as Array<{ id: number; isDefault: boolean; stages: Array<{ id: number; key: string }> }>;
  const stageIds = Object.fromEntries((pipelines.find((p) => p.isDefault)?.stages ?? []).map((s) => [s.key, s.id]));

  const deal = async (ownerId: number, extra: Record<string, unknown> = {}): Promise<DealRef> => {
    const customerId = (await org.admin.post('/api/v1/customers', buildCustomer({ ownerId }))).body.id;
    const res = await org.admin.post('/api/v1/opportunities', { name: dealName, customerId, ownerId, amount: 10_000_00, expectedCloseDate: '2026-12-15', ...extra });
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    return res.body as DealRef;
  };
  const move = async (d: DealRef, hours: number, stageId: number | undefined, extra: Record<string, unknown> = {}): Promise<DealRef> => {
    clock.advance(hours * hour);
    const res = await org.admin.post(`/api/v1/opportunities/${d.id}/move`, { stageId, version: d.version, ...extra });
    if (res.status !== 200) throw new Error(JSON.stringify(res.body));
    return res.body as DealRef;
  };

  let a = await deal(org.ids.east1);
  a = await move(a, 10, stageIds.contact);
  a = await move(a, 20, stageIds.prepare);
  await move(a, 30, stageIds.won, { wonAmount: 9_000_00 });

  let b = await deal(org.ids.east1);
  b = await move(b, 4, stageIds.contact);
  await move(b, 6, stageIds.lost, { lostReason: 'price' });

  await deal(org.ids.east2);

  let d = await deal(org.ids.north1);
  d = await move(d, 2, stageIds.contact);
  await move(d, 2, stageIds.explore);

  await deal(adminId);
  return { stageIds, adminId, deal, move };
}
