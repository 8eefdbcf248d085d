import { monthsOf, type Permission, type TargetMetric } from '@crm/contracts';

/**
 * How closely a drill-down list matches the figure it opens from:
 * - exact: the same records (the owner's customers created in the period; their active or completed contracts signed in the period);
 * - paymentsInScope: the payments received in the period under the person (owner at the time of receipt), as the figure counts them,
 *   but only on contracts you may see: a payment on a contract since handed to someone outside your data scope is counted, not listed.
 */
export type DrillScope = 'exact' | 'paymentsInScope';

export interface DrillDown {
  href: string;
  scope: DrillScope;
  /** The period's days, both inclusive (YYYY-MM-DD). */
  from: string;
  to: string;
}

/** The period's first and last days (both inclusive): 2026-05 → 2026-05-01…2026-05-31, 2026-Q2 → 2026-04-01…2026-06-30, 2026 → 2026-01-01…2026-12-31. */
export function periodDays(period: string): { from: string; to: string } {
  const months = monthsOf(period);
  const first = months[0] as string;
  const last = months[months.length - 1] as string;
  const [y, m] = last.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${first}-01`, to: `${last}-${String(lastDay).padStart(2, '0')}` };
}

/** Permissions each list needs, by metric. */
export const drillPermission: Record<TargetMetric, Permission> = {
  contract_amount: 'contracts.view',
  amount_collected: 'receivables.view',
  new_customers: 'customers.view',
};

/**
 * The list behind an attainment row's actual figure, using only the URL parameters those lists read;
 * null where no list shows the records honestly (department rows of lists without a department filter).
 */
export function attainmentDrillDown(metric: TargetMetric, row: { subjectType: 'user' | 'department'; subjectId: number }, period: string): DrillDown | null {
  const { from, to } = periodDays(period);
  switch (metric) {
    case 'new_customers':
      // newCustomersByOwner: live customers created in the period (company time zone), by their owner.
      if (row.subjectType !== 'user') return null;
      return { href: `/customers?${new URLSearchParams({ ownerId: String(row.subjectId), createdFrom: from, createdTo: to })}`, scope: 'exact', from, to };
    case 'contract_amount':
      // signedAmountByOwner: live contracts, active or completed, signed in the period (both days included), by their owner.
      if (row.subjectType !== 'user') return null;
      return { href: `/contracts?${new URLSearchParams({ ownerId: String(row.subjectId), signedFrom: from, signedTo: to, status: 'active,completed' })}`, scope: 'exact', from, to };
    case 'amount_collected':
      // collectedAmountByOwner: payments on live contracts received in the period, by their owner at the time of receipt (the payment list's ownerId).
      // The payment list has no department filter, so department rows have no link.
      if (row.subjectType !== 'user') return null;
      return { href: `/receivables?${new URLSearchParams({ tab: 'payments', from, to, ownerId: String(row.subjectId) })}`, scope: 'paymentsInScope', from, to };
  }
}
