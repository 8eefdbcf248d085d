import {
  attainmentBp,
  monthsOf,
  periodKind,
  periodsOfYear,
  type Attainment,
  type AttainmentRow,
  type TargetMetric,
  type TargetSubject,
  type TargetYear,
  type attainmentQuery,
  type targetsWrite,
  type targetYearQuery,
} from '@crm/contracts';
import type { z } from 'zod';
import { authorize, can, type Actor } from '../../platform/auth/actor.js';
import { companyTimeZone, startOfLocalDay } from '../../platform/company.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, type ErrorDetail } from '../../platform/errors.js';
import { isoNow } from '../../platform/clock.js';
import { signedAmountByOwner } from '../contracts/index.js';
import { newCustomersByOwner } from '../customers/index.js';
import { collectedAmountByOwner } from '../receivables/index.js';
import { departmentTree } from '../departments/index.js';
import { usersInScope } from '../users/index.js';
import * as repo from './targets.repository.js';

type Db = AppContext['db'];

/** Per metric: what each owner achieved between two instants (ISO) / calendar days (YYYY-MM-DD, end exclusive). */
type Actuals = (db: Db, range: { fromIso: string; toIso: string; fromDate: string; toDate: string }) => Promise<Map<number, number>>;
const actuals: Record<TargetMetric, Actuals> = {
  contract_amount: (db, r) => signedAmountByOwner(db, r.fromDate, r.toDate),
  amount_collected: (db, r) => collectedAmountByOwner(db, r.fromDate, r.toDate),
  new_customers: (db, r) => newCustomersByOwner(db, r.fromIso, r.toIso),
};

interface Subjects {
  users: Array<{ id: number; name: string; departmentId: number | null; active: boolean }>;
  departments: Array<{ id: number; name: string; parentId: number | null; path: string }>;
  /** Every department's path by id (visible or not), to place users in the tree. */
  paths: Map<number, string>;
}

/** The users and departments whose targets the actor may see: users in their data scope; the departments of that scope. */
async function subjectsOf(ctx: AppContext, actor: Actor, db: Db = ctx.db): Promise<Subjects> {
  const [users, tree] = await Promise.all([usersInScope(db, actor), departmentTree(db)]);
  const paths = new Map(tree.map((d) => [d.id, d.path]));
  let departments: Subjects['departments'];
  switch (actor.dataScope) {
    case 'all':
      departments = tree;
      break;
    case 'department_tree':
      departments = actor.departmentPath === null ? [] : tree.filter((d) => d.path.startsWith(actor.departmentPath as string));
      break;
    case 'department':
      departments = tree.filter((d) => d.id === actor.departmentId);
      break;
    case 'own':
      departments = [];
      break;
  }
  return { users, departments, paths };
}

/**
 * Who sets whose targets: holders of targets.edit, for the users and departments of their scope;
 * their own target only with the data scope all (a target is set from above).
 */
function editable(actor: Actor, type: 'user' | 'department', id: number): boolean {
  if (!can(actor, 'targets.edit')) return false;
  return !(type === 'user' && id === actor.userId && actor.dataScope !== 'all');
}

function subjectList(actor: Actor, s: Subjects): TargetSubject[] {
  return [
    ...s.departments.map((d) => ({ type: 'department' as const, id: d.id, name: d.name, parentId: d.parentId, editable: editable(actor, 'department', d.id) })),
    ...s.users.filter((u) => u.active).map((u) => ({ type: 'user' as const, id: u.id, name: u.name, parentId: u.departmentId, editable: editable(actor, 'user', u.id) })),
  ];
}

const keyOf = (type: string, id: number) => `${type}:${id}`;

async function yearOf(ctx: AppContext, actor: Actor, year: number, metric: TargetMetric, db: Db): Promise<TargetYear> {
  const s = await subjectsOf(ctx, actor, db);
  const subjects = subjectList(actor, s);
  const visible = new Set(subjects.map((x) => keyOf(x.type, x.id)));
  const rows = await repo.inPeriods(db, metric, periodsOfYear(year));
  return {
    year,
    metric,
    subjects,
    items: rows.filter((r) => visible.has(keyOf(r.subjectType, r.subjectId))).map((r) => ({ subjectType: r.subjectType as 'user' | 'department', subjectId: r.subjectId, period: r.period, value: r.value })),
  };
}

export async function getTargets(ctx: AppContext, actor: Actor, query: z.output<typeof targetYearQuery>): Promise<TargetYear> {
  authorize(actor, 'targets.view');
  return yearOf(ctx, actor, query.year, query.metric, ctx.db);
}

/** Set or clear targets of one metric and year; every item is checked first, and nothing is saved when one is refused. */
export async function saveTargets(ctx: AppContext, actor: Actor, body: z.output<typeof targetsWrite>): Promise<TargetYear> {
  authorize(actor, 'targets.edit');
  const s = await subjectsOf(ctx, actor);
  const allowed = new Set(subjectList(actor, s).filter((x) => x.editable).map((x) => keyOf(x.type, x.id)));
  const details: ErrorDetail[] = [];
  const seen = new Set<string>();
  body.items.forEach((item, i) => {
    // The same answer whether the subject is hidden, missing or only not editable: nothing leaks.
    if (!allowed.has(keyOf(item.subjectType, item.subjectId))) details.push({ path: `items.${i}.subjectId`, message: 'targetSubjectOutOfScope' });
    if (item.period.slice(0, 4) !== String(body.year)) details.push({ path: `items.${i}.period`, message: 'targetPeriodYear' });
    const key = `${keyOf(item.subjectType, item.subjectId)}@${item.period}`;
    if (seen.has(key)) details.push({ path: `items.${i}`, message: 'targetDuplicate' });
    seen.add(key);
  });
  if (details.length > 0) throw new AppError('VALIDATION_FAILED', 'validationFailed', details);
  const by = { userId: actor.userId, at: isoNow(ctx.clock) };
  return ctx.db.transaction().execute(async (trx) => {
    const set = body.items.filter((i) => i.value !== null).map((i) => ({ subjectType: i.subjectType, subjectId: i.subjectId, period: i.period, value: i.value as number }));
    await repo.upsert(trx, body.metric, set, by);
    await repo.remove(trx, body.metric, body.items.filter((i) => i.value === null));
    return yearOf(ctx, actor, body.year, body.metric, trx);
  });
}

/** The first day of a month and the first day of the next one. */
function monthBounds(months: string[]): { fromDate: string; toDate: string } {
  const first = months[0] as string;
  const last = months[months.length - 1] as string;
  const [y, m] = last.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { fromDate: `${first}-01`, toDate: `${next}-01` };
}

/** Target against actual in a period for every user and department the actor may see; a department's figures roll up from its members. */
export async function getAttainment(ctx: AppContext, actor: Actor, query: z.output<typeof attainmentQuery>): Promise<Attainment> {
  authorize(actor, 'targets.view');
  const months = monthsOf(query.period);
  const { fromDate, toDate } = monthBounds(months);
  const tz = await companyTimeZone(ctx.db);
  const range = { fromDate, toDate, fromIso: startOfLocalDay(fromDate, tz).toISOString(), toIso: startOfLocalDay(toDate, tz).toISOString() };
  const [s, achieved, targets] = await Promise.all([
    subjectsOf(ctx, actor),
    actuals[query.metric](ctx.db, range),
    repo.inPeriods(ctx.db, query.metric, periodKind(query.period) === 'month' ? months : [query.period, ...months]),
  ]);

  // A target set for the period itself wins; a quarter or year without one sums its months' targets.
  const targetOf = (type: string, id: number): { target: number | null; from: AttainmentRow['targetFrom'] } => {
    const own = targets.find((t) => t.subjectType === type && t.subjectId === id && t.period === query.period);
    if (own) return { target: own.value, from: 'period' };
    const parts = targets.filter((t) => t.subjectType === type && t.subjectId === id && t.period !== query.period);
    return parts.length > 0 ? { target: parts.reduce((sum, t) => sum + t.value, 0), from: 'months' } : { target: null, from: null };
  };

  const userRows: AttainmentRow[] = s.users
    .map((u) => {
      const t = targetOf('user', u.id);
      const actual = achieved.get(u.id) ?? 0;
      return { user: u, row: { subjectType: 'user' as const, subjectId: u.id, name: u.name, parentId: u.departmentId, target: t.target, targetFrom: t.from, membersTarget: null, actual, attainmentBp: attainmentBp(actual, t.target) } };
    })
    // A former colleague (inactive) appears while they have a figure in the period.
    .filter(({ user, row }) => user.active || row.actual !== 0 || row.target !== null)
    .map(({ row }) => row);

  const pathOfUser = (u: Subjects['users'][number]) => (u.departmentId === null ? null : (s.paths.get(u.departmentId) ?? null));
  const departmentRows: AttainmentRow[] = s.departments.map((d) => {
    let actual = 0;
    let membersTarget: number | null = null;
    for (const u of s.users) {
      const path = pathOfUser(u);
      if (path === null || !path.startsWith(d.path)) continue;
      actual += achieved.get(u.id) ?? 0;
      const t = targetOf('user', u.id).target;
      if (t !== null) membersTarget = (membersTarget ?? 0) + t;
    }
    const t = targetOf('department', d.id);
    return { subjectType: 'department', subjectId: d.id, name: d.name, parentId: d.parentId, target: t.target, targetFrom: t.from, membersTarget, actual, attainmentBp: attainmentBp(actual, t.target) };
  });

  const userTargets = userRows.map((r) => r.target).filter((t): t is number => t !== null);
  return {
    period: query.period,
    metric: query.metric,
    from: fromDate,
    to: toDate,
    rows: [...departmentRows, ...userRows],
    total: { actual: s.users.reduce((sum, u) => sum + (achieved.get(u.id) ?? 0), 0), target: userTargets.length > 0 ? userTargets.reduce((a, b) => a + b, 0) : null },
  };
}
