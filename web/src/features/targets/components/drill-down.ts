import { monthsOf, type Permission, type TargetMetric } from '@crm/contracts';

/**
 * How closely a drill-down list matches the figure it opens from:
 * - exact: the same records (the owner's customers created in the period);
 * - ownerAnyDate: the owner's records, but any date and status (the contract list filters neither signing date nor status);
 * - periodAnyOwner: the period's records, but everyone's in your data scope (the payment list filters no owner or department).
 */
export type DrillScope = 'exact' | 'ownerAnyDate' | 'periodAnyOwner';

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
      // signedAmountByOwner counts active or completed contracts signed in the period; the list reads neither dates nor several statuses.
      if (row.subjectType !== 'user') return null;
      return { href: `/contracts?${new URLSearchParams({ ownerId: String(row.subjectId) })}`, scope: 'ownerAnyDate', from, to };
    case 'amount_collected':
      // collectedAmountByOwner: payments received in the period, by owner; the payment list reads only the dates.
      return { href: `/receivables?${new URLSearchParams({ tab: 'payments', from, to })}`, scope: 'periodAnyOwner', from, to };
  }
}
