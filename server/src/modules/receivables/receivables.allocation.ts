/**
 * How payments settle a plan: in the order they came (by date, then as recorded), each fills the
 * instalments in due-date order (then position), first due first paid. An instalment is settled on
 * the date of the payment that fills it. What the payments bring beyond the plan settles nothing
 * (it pays the part of the contract without a due date).
 */
export interface PlanItem {
  id: number;
  dueOn: string;
  position: number;
  amount: number;
}
export interface PaymentItem {
  id: number;
  receivedOn: string;
  amount: number;
}
export interface Allocation {
  id: number;
  paid: number;
  settledOn: string | null;
}

export function allocatePayments(plan: readonly PlanItem[], payments: readonly PaymentItem[]): Allocation[] {
  const instalments = [...plan].sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.position - b.position));
  const received = [...payments].sort((a, b) => (a.receivedOn < b.receivedOn ? -1 : a.receivedOn > b.receivedOn ? 1 : a.id - b.id));
  const result = instalments.map((i) => ({ id: i.id, paid: 0, settledOn: null as string | null }));
  let next = 0;
  for (const payment of received) {
    let left = payment.amount;
    while (left > 0 && next < instalments.length) {
      const target = instalments[next];
      const slot = result[next];
      if (!target || !slot) break;
      const take = Math.min(left, target.amount - slot.paid);
      slot.paid += take;
      left -= take;
      if (slot.paid === target.amount) {
        slot.settledOn = payment.receivedOn;
        next += 1;
      }
    }
  }
  return result;
}

const dayMs = 24 * 60 * 60 * 1000;

/** Whole days from one calendar date (YYYY-MM-DD) to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);
}

/** The calendar date `days` before a date. */
export function daysBefore(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - days * dayMs).toISOString().slice(0, 10);
}
