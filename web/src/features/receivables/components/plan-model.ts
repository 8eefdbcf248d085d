import { yuanToFen, type ContractReceivables, type InstalmentWrite, type PaymentPlanWrite } from '@crm/contracts';
import dayjs from 'dayjs';

/** One row of the plan form: the due date as YYYY-MM-DD and the amount in yuan, as typed. */
export interface PlanRow {
  dueOn: string | null;
  amount: number | null;
  note?: string;
}

export interface PlanFormValues {
  instalments: PlanRow[];
}

/**
 * `totalFen` in `count` instalments that add up to it exactly, in fen: every instalment gets the
 * same whole number of fen and the last one takes what the division leaves (the 尾款), so
 * ¥100,000.00 in three is 33,333.33 + 33,333.33 + 33,333.34. Due monthly from `firstDueOn`; a
 * day the month lacks becomes its last day (31 January, then 28 February, then 31 March).
 */
export function splitEvenly(totalFen: number, count: number, firstDueOn: string): Array<{ dueOn: string; amount: number }> {
  if (!Number.isInteger(totalFen) || totalFen <= 0 || !Number.isInteger(count) || count < 1) return [];
  // Never an instalment of nothing: at most as many as there are fen.
  const n = Math.min(count, totalFen);
  const each = Math.floor(totalFen / n);
  const first = dayjs(firstDueOn);
  return Array.from({ length: n }, (_, i) => ({
    dueOn: first.add(i, 'month').format('YYYY-MM-DD'),
    amount: i === n - 1 ? totalFen - each * (n - 1) : each,
  }));
}

/** The split as the form's rows (yuan). */
export function splitRows(totalFen: number, count: number, firstDueOn: string): PlanRow[] {
  return splitEvenly(totalFen, count, firstDueOn).map((r) => ({ dueOn: r.dueOn, amount: r.amount / 100, note: '' }));
}

/** The rows' sum in fen: each row rounded to the fen first, so 0.1 + 0.2 is 30 fen, not 30.000000000000004. */
export function rowsTotalFen(rows: readonly (PlanRow | undefined)[]): number {
  return rows.reduce((sum, row) => sum + (yuanToFen(row?.amount) ?? 0), 0);
}

/** The plan as the form starts with it: the saved instalments, or one empty row for a contract without a plan. */
export function planRows(state: Pick<ContractReceivables, 'instalments'>): PlanRow[] {
  if (state.instalments.length === 0) return [{ dueOn: null, amount: null, note: '' }];
  return state.instalments.map((i) => ({ dueOn: i.dueOn, amount: i.amount / 100, note: i.note ?? '' }));
}

/** The form's rows as PUT /contracts/:id/payment-plan wants them; wholly empty rows are dropped. */
export function planPayload(rows: readonly PlanRow[], planVersion: number): PaymentPlanWrite {
  const instalments: InstalmentWrite[] = rows
    .filter((r) => r.dueOn !== null || r.amount !== null)
    .map((r) => {
      const note = r.note?.trim();
      return { dueOn: r.dueOn ?? '', amount: yuanToFen(r.amount) ?? 0, ...(note ? { note } : {}) };
    });
  return { instalments, planVersion };
}

/**
 * What a new payment most likely settles: the outstanding part of the first instalment not paid in
 * full; without a plan (or with everything planned paid), what is left of the contract.
 */
export function suggestedPayment(state: Pick<ContractReceivables, 'instalments' | 'outstanding'>): number {
  const next = state.instalments.find((i) => i.outstanding > 0);
  return Math.min(next ? next.outstanding : state.outstanding, state.outstanding);
}

/** What is left to invoice: what was received and not invoiced yet, else the amount not invoiced. */
export function suggestedInvoice(state: Pick<ContractReceivables, 'amount' | 'received' | 'invoiced'>): number {
  const receivedNotInvoiced = state.received - state.invoiced;
  return receivedNotInvoiced > 0 ? receivedNotInvoiced : Math.max(0, state.amount - state.invoiced);
}
