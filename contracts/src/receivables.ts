import { z } from 'zod';
import { id, int4Max, isoDate, listOf, pageQuery, queryInt, text } from './common.js';

/**
 * Receivables (回款): a contract's payment plan (instalments with due dates), the payments
 * received against it and the invoices issued. Payments settle the plan's instalments in due-date
 * order (first due, first paid), so an instalment is paid, partly paid or open without anybody
 * assigning payments by hand. Money in fen.
 */

/** Contract statuses that take payments (signed ones). */
export const payableContractStatuses = ['active', 'completed'] as const;

export const paymentMethods = ['bank_transfer', 'acceptance_bill', 'cash', 'cheque', 'alipay', 'wechat_pay', 'other'] as const;
export type PaymentMethod = (typeof paymentMethods)[number];

export const invoiceKinds = ['vat_special', 'vat_normal', 'other'] as const;
export type InvoiceKind = (typeof invoiceKinds)[number];

/** The most instalments one plan may have. */
export const maxInstalments = 120;
const positiveFen = z.number().int().min(1).max(1e15);

export const instalmentWrite = z
  .object({ dueOn: isoDate, amount: positiveFen, note: text(200).optional() })
  .strict();
export type InstalmentWrite = z.input<typeof instalmentWrite>;

/**
 * PUT /contracts/:id/payment-plan: the whole plan (an empty list removes it). The instalments
 * together may not exceed the contract's amount. `planVersion` is the one the plan was read with.
 */
export const paymentPlanWrite = z
  .object({
    instalments: z.array(instalmentWrite).max(maxInstalments),
    planVersion: z.number().int().min(0).max(int4Max),
  })
  .strict();
export type PaymentPlanWrite = z.input<typeof paymentPlanWrite>;

export const instalmentStatuses = ['paid', 'partly_paid', 'open', 'overdue'] as const;
export type InstalmentStatus = (typeof instalmentStatuses)[number];

export const instalment = z.object({
  id: z.number().int(),
  /** 1, 2, 3… in due-date order, as the plan was saved. */
  position: z.number().int(),
  dueOn: z.string(),
  amount: z.number().int(),
  /** What the payments received so far settle of it (first due, first paid). */
  paid: z.number().int(),
  outstanding: z.number().int(),
  /** Overdue: due before today and not paid in full. */
  status: z.enum(instalmentStatuses),
  /** Days past its due date while it is not paid in full; 0 otherwise. */
  daysOverdue: z.number().int(),
  /** The date of the payment that settled it in full. */
  settledOn: z.string().nullable(),
  note: z.string().nullable(),
});
export type Instalment = z.infer<typeof instalment>;

export const paymentCreate = z
  .object({
    receivedOn: isoDate,
    amount: positiveFen,
    method: z.enum(paymentMethods).default('bank_transfer'),
    /** The bank's transaction number, the cheque number… */
    reference: text(80).optional(),
    note: text(500).optional(),
  })
  .strict();
export type PaymentCreate = z.input<typeof paymentCreate>;

export const payment = z.object({
  id: z.number().int(),
  contractId: z.number().int(),
  contractNumber: z.string(),
  contractTitle: z.string(),
  customerId: z.number().int(),
  customerName: z.string(),
  ownerId: z.number().int(),
  ownerName: z.string().nullable(),
  receivedOn: z.string(),
  amount: z.number().int(),
  currency: z.string(),
  method: z.enum(paymentMethods),
  reference: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
});
export type Payment = z.infer<typeof payment>;

export const paymentSorts = ['receivedOn', '-receivedOn', 'amount', '-amount'] as const;
/** GET /payments: payments received on contracts in your data scope. */
export const paymentListQuery = z
  .object({
    contractId: id.optional(),
    customerId: id.optional(),
    ownerId: id.optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    page: pageQuery.page,
    pageSize: pageQuery.pageSize,
    sort: z.enum(paymentSorts).default('-receivedOn'),
  })
  .strict();
export type PaymentListQuery = z.input<typeof paymentListQuery>;
/** The page of payments, with the sum of every payment the filter finds (not only this page). */
export const paymentList = listOf(payment).extend({ sum: z.number().int() });
export type PaymentList = z.infer<typeof paymentList>;

export const invoiceCreate = z
  .object({
    /** 发票号码 as printed. */
    number: z.string().trim().min(1).max(40),
    kind: z.enum(invoiceKinds).default('vat_special'),
    issuedOn: isoDate,
    amount: positiveFen,
    note: text(500).optional(),
  })
  .strict();
export type InvoiceCreate = z.input<typeof invoiceCreate>;

export const invoice = z.object({
  id: z.number().int(),
  contractId: z.number().int(),
  number: z.string(),
  kind: z.enum(invoiceKinds),
  issuedOn: z.string(),
  amount: z.number().int(),
  note: z.string().nullable(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
});
export type Invoice = z.infer<typeof invoice>;

/** GET /contracts/:id/receivables: the plan, payments and invoices of one contract, with its sums. */
export const contractReceivables = z.object({
  contractId: z.number().int(),
  currency: z.string(),
  amount: z.number().int(),
  /** The instalments' sum; below the amount, the rest has no due date yet. */
  planned: z.number().int(),
  received: z.number().int(),
  invoiced: z.number().int(),
  /** amount − received. */
  outstanding: z.number().int(),
  /** The unpaid part of instalments past their due date. */
  overdue: z.number().int(),
  planVersion: z.number().int(),
  instalments: z.array(instalment),
  payments: z.array(payment),
  invoices: z.array(invoice),
  /** Whether the contract takes payments now (signed), and what the caller may do. */
  payable: z.boolean(),
  can: z.object({ edit: z.boolean() }),
});
export type ContractReceivables = z.infer<typeof contractReceivables>;

/*
 * Aging (账龄). Every unpaid instalment of a signed contract falls in one bucket by the days
 * since its due date, counted in the company's time zone; what a contract's plan leaves without a
 * due date is "unplanned". DSO = receivables ÷ the amount signed in the last 90 days × 90.
 */
export const agingBuckets = ['notDue', 'days1to30', 'days31to60', 'days61to90', 'over90', 'unplanned'] as const;
export type AgingBucket = (typeof agingBuckets)[number];
export const agingGroups = ['customer', 'owner', 'department'] as const;
export type AgingGroup = (typeof agingGroups)[number];
export const dsoPeriodDays = 90;

/** The bucket of an instalment `daysPastDue` days after its due date (0 or less: not due). */
export function agingBucketOf(daysPastDue: number): Exclude<AgingBucket, 'unplanned'> {
  if (daysPastDue <= 0) return 'notDue';
  if (daysPastDue <= 30) return 'days1to30';
  if (daysPastDue <= 60) return 'days31to60';
  if (daysPastDue <= 90) return 'days61to90';
  return 'over90';
}

const bucketAmounts = z.object({
  notDue: z.number().int(),
  days1to30: z.number().int(),
  days31to60: z.number().int(),
  days61to90: z.number().int(),
  over90: z.number().int(),
  unplanned: z.number().int(),
  total: z.number().int(),
});
export type BucketAmounts = z.infer<typeof bucketAmounts>;

export const agingQuery = z
  .object({
    groupBy: z.enum(agingGroups).default('customer'),
    ownerId: id.optional(),
    departmentId: id.optional(),
    page: pageQuery.page,
    pageSize: queryInt(1, 200).default(50),
  })
  .strict();
export type AgingQuery = z.input<typeof agingQuery>;

/** GET /receivables/aging/export: every row of the aging (all pages) with the report's filters, as .xlsx (default) or CSV. */
export const agingExportQuery = z
  .object({
    groupBy: z.enum(agingGroups).default('customer'),
    ownerId: id.optional(),
    departmentId: id.optional(),
    format: z.enum(['xlsx', 'csv']).default('xlsx'),
  })
  .strict();
export type AgingExportQuery = z.input<typeof agingExportQuery>;

export const agingRow = bucketAmounts.extend({
  /** The customer's, owner's or department's id; null: contracts without a department. */
  id: z.number().int().nullable(),
  name: z.string().nullable(),
});
export type AgingRow = z.infer<typeof agingRow>;

export const aging = z.object({
  asOf: z.string(),
  groupBy: z.enum(agingGroups),
  /** Rows with something receivable, largest total first (a page of them). */
  rows: z.array(agingRow),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  totals: bucketAmounts,
  dso: z.object({
    /** Days; null when nothing was signed in the period. */
    days: z.number().nullable(),
    receivable: z.number().int(),
    sales: z.number().int(),
    periodDays: z.number().int(),
  }),
});
export type Aging = z.infer<typeof aging>;

/** GET /receivables/instalments: unpaid instalments of signed contracts in your scope, soonest due first. */
export const instalmentListQuery = z
  .object({
    status: z.enum(['overdue', 'open']).default('overdue'),
    customerId: id.optional(),
    ownerId: id.optional(),
    page: pageQuery.page,
    pageSize: pageQuery.pageSize,
  })
  .strict();
export type InstalmentListQuery = z.input<typeof instalmentListQuery>;

export const dueInstalment = instalment.extend({
  contractId: z.number().int(),
  contractNumber: z.string(),
  contractTitle: z.string(),
  customerId: z.number().int(),
  customerName: z.string(),
  ownerId: z.number().int(),
  ownerName: z.string().nullable(),
});
export type DueInstalment = z.infer<typeof dueInstalment>;
export const dueInstalmentList = listOf(dueInstalment);
