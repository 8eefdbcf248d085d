import { z } from 'zod';
import { followUpKinds } from './activities.js';
import { id, isoDate, listOf, pageQuery, recordMeta, versionField } from './common.js';
import { multiline, multilineString } from './text.js';

/**
 * Work reports (工作日报 / 周报): what a salesperson did in a day or a week, what comes next and
 * what stands in the way, with the period's figures taken from the CRM itself (follow-ups, new
 * customers, deals created and won, tasks done), so that writing one takes a minute. One report
 * per author, kind and period; managers read and comment on their team's.
 */

export const workReportKinds = ['daily', 'weekly'] as const;
export type WorkReportKind = (typeof workReportKinds)[number];

/** A calendar day (YYYY-MM-DD) within reason: a report's period lies between 2000 and 2099. */
export const workReportDate = isoDate.refine((v) => v >= '2000-01-01' && v <= '2099-12-31', { message: 'YYYY-MM-DD' });

/** The most lines of each kind a figures snapshot keeps (its counts and sums cover every record). */
export const workReportFigureLines = 50;

const line = { id: z.number().int() };
/** The period's activity, as the CRM recorded it: counts and sums over all, lines for the first ones. */
export const workReportFigures = z.object({
  /** The period's first and last day (the same day for a daily report). */
  from: z.string(),
  to: z.string(),
  /** The currency of the amounts (the base currency of the sales settings). */
  currency: z.string(),
  followUps: z.object({
    count: z.number().int(),
    items: z.array(z.object({ ...line, customerId: z.number().int(), customerName: z.string(), kind: z.enum(followUpKinds), occurredAt: z.string(), excerpt: z.string() })),
  }),
  /** Customers created in the period that the author created or owns. */
  newCustomers: z.object({ count: z.number().int(), items: z.array(z.object({ ...line, name: z.string() })) }),
  /** Deals the author owns created in the period; amount: their sum in fen (base currency). */
  dealsCreated: z.object({ count: z.number().int(), amount: z.number().int(), items: z.array(z.object({ ...line, name: z.string(), customerName: z.string(), amount: z.number().int() })) }),
  /** Deals the author owns won in the period; amount: the won amounts' sum in fen (base currency). */
  dealsWon: z.object({ count: z.number().int(), amount: z.number().int(), items: z.array(z.object({ ...line, name: z.string(), customerName: z.string(), amount: z.number().int() })) }),
  /** Tasks of the author marked done in the period. */
  tasksDone: z.object({ count: z.number().int(), items: z.array(z.object({ ...line, title: z.string(), customerName: z.string().nullable() })) }),
});
export type WorkReportFigures = z.infer<typeof workReportFigures>;

/** GET /work-reports/draft: the form of your report for that day (today by default) or that day's week. */
export const workReportDraftQuery = z
  .object({ kind: z.enum(workReportKinds).default('daily'), date: workReportDate.optional() })
  .strict();
export type WorkReportDraftQuery = z.input<typeof workReportDraftQuery>;

export const workReportDraft = z.object({
  kind: z.enum(workReportKinds),
  /** The day, or the Monday of the week. */
  period: z.string(),
  /** The period's last day. */
  periodEnd: z.string(),
  /** Pre-filled in the reader's language: one line per follow-up, then what else was done. */
  summary: z.string(),
  /** Pre-filled with your open tasks due in the next day or week. */
  plan: z.string(),
  problems: z.string(),
  figures: workReportFigures,
  /** Your report of this period, when you wrote it already (open it instead). */
  existing: z.object({ id: z.number().int(), version: z.number().int() }).nullable(),
});
export type WorkReportDraft = z.infer<typeof workReportDraft>;

const textFields = {
  /** What was done (总结). */
  summary: multilineString(4000).min(1),
  /** The next day's or week's plan (计划). */
  plan: multiline(4000),
  /** Problems and help needed (问题与需要的支持). */
  problems: multiline(4000),
};

/** POST /work-reports: `date` is any day of the period (today by default); the figures are taken by the server. */
export const workReportCreate = z
  .object({ kind: z.enum(workReportKinds), date: workReportDate, ...textFields })
  .partial({ date: true, plan: true, problems: true })
  .strict();
export type WorkReportCreate = z.input<typeof workReportCreate>;

/** PATCH /work-reports/:id (its author only): the texts; `refreshFigures` takes the figures again. */
export const workReportUpdate = z
  .object({ ...textFields, refreshFigures: z.boolean() })
  .partial()
  .extend(versionField)
  .strict();
export type WorkReportUpdate = z.input<typeof workReportUpdate>;

export const workReportComment = z.object({
  id: z.number().int(),
  authorId: z.number().int(),
  authorName: z.string().nullable(),
  content: z.string(),
  createdAt: z.string(),
  version: z.number().int(),
  /** Null until its author edits it; then when last edited (shown as "edited"). */
  updatedAt: z.string().nullable(),
  /** Its author alone may edit or delete it. */
  can: z.object({ edit: z.boolean(), delete: z.boolean() }),
});
export type WorkReportComment = z.infer<typeof workReportComment>;

/** POST /work-reports/:id/comments: anyone who may read the report. */
export const workReportCommentCreate = z.object({ content: multilineString(2000).min(1) }).strict();
export type WorkReportCommentCreate = z.input<typeof workReportCommentCreate>;

/** PATCH /work-reports/:id/comments/:commentId: its author only; 409 with the current comment when stale. */
export const workReportCommentUpdate = z.object({ content: multilineString(2000).min(1) }).extend(versionField).strict();
export type WorkReportCommentUpdate = z.input<typeof workReportCommentUpdate>;
export const workReportCommentParams = z.object({ id, commentId: id }).strict();

const reportHead = {
  ...recordMeta,
  kind: z.enum(workReportKinds),
  period: z.string(),
  periodEnd: z.string(),
  authorId: z.number().int(),
  authorName: z.string().nullable(),
  commentCount: z.number().int(),
  /** Whether you opened it (always true for your own). */
  readByMe: z.boolean(),
  can: z.object({ edit: z.boolean(), delete: z.boolean(), comment: z.boolean() }),
};

export const workReport = z.object({
  ...reportHead,
  summary: z.string(),
  plan: z.string().nullable(),
  problems: z.string().nullable(),
  figures: workReportFigures,
  /** Oldest first. */
  comments: z.array(workReportComment),
  /** Who besides the author opened it, and when first. */
  readers: z.array(z.object({ userId: z.number().int(), userName: z.string().nullable(), readAt: z.string() })),
});
export type WorkReport = z.infer<typeof workReport>;

/** A line of the list: the head, the start of the summary and the figures' totals. */
export const workReportListItem = z.object({
  ...reportHead,
  summaryExcerpt: z.string(),
  totals: z.object({
    followUps: z.number().int(),
    newCustomers: z.number().int(),
    dealsCreated: z.number().int(),
    dealsWon: z.number().int(),
    wonAmount: z.number().int(),
    tasksDone: z.number().int(),
    currency: z.string(),
  }),
});
export type WorkReportListItem = z.infer<typeof workReportListItem>;
export const workReportList = listOf(workReportListItem);

/** GET /work-reports: yours and those of the authors in your data scope, latest period first. */
export const workReportListQuery = z
  .object({
    authorId: id.optional(),
    kind: z.enum(workReportKinds).optional(),
    /** Periods from / to these days (a weekly report by its Monday). */
    from: workReportDate.optional(),
    to: workReportDate.optional(),
    page: pageQuery.page,
    pageSize: pageQuery.pageSize,
  })
  .strict();
export type WorkReportListQuery = z.input<typeof workReportListQuery>;

/** The Monday of a day's week (weeks start on Monday, as in China), both YYYY-MM-DD. */
export function mondayOf(day: string): string {
  const [y = 2000, m = 1, d = 1] = day.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
}

/** A day moved by `days` (YYYY-MM-DD). */
export function shiftDate(day: string, days: number): string {
  const [y = 2000, m = 1, d = 1] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** A report's period: its first day (the day, or the Monday) and its last. */
export function reportPeriod(kind: WorkReportKind, day: string): { period: string; periodEnd: string } {
  if (kind === 'daily') return { period: day, periodEnd: day };
  const period = mondayOf(day);
  return { period, periodEnd: shiftDate(period, 6) };
}

