import {
  formatMoney,
  reportPeriod,
  shiftDate,
  workReportFigureLines,
  type FollowUpKind,
  type Locale,
  type WorkReportFigures,
  type WorkReportKind,
} from '@crm/contracts';
import { companyTimeZone, localDate, startOfLocalDay } from '../../platform/company.js';
import type { AppContext } from '../../platform/context.js';
import { t, type MessageKey } from '../../platform/i18n.js';
import { followUpsByAuthor, openTasksDue, tasksDoneBy, type TaskLine } from '../activities/index.js';
import { newCustomersOf } from '../customers/index.js';
import { dealFiguresOf, readSalesSettings } from '../opportunities/index.js';

type Db = AppContext['db'];

/** A report's period as calendar days and as the instants that bound it in the company's time zone. */
export interface PeriodSpan {
  kind: WorkReportKind;
  period: string;
  periodEnd: string;
  /** [fromIso, toIso): the period's first moment and the next period's. */
  fromIso: string;
  toIso: string;
}

/** Today in the company's time zone. */
export async function companyToday(ctx: AppContext): Promise<string> {
  return localDate(ctx.clock.now(), await companyTimeZone(ctx.db));
}

/** The period of a kind of report that holds `day`. */
export async function periodSpan(db: Db, kind: WorkReportKind, day: string): Promise<PeriodSpan> {
  const zone = await companyTimeZone(db);
  const { period, periodEnd } = reportPeriod(kind, day);
  return { kind, period, periodEnd, fromIso: startOfLocalDay(period, zone).toISOString(), toIso: startOfLocalDay(shiftDate(periodEnd, 1), zone).toISOString() };
}

const excerptLength = 60;
/** The first words of a text on one line. */
export function excerpt(text: string, length = excerptLength): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length)}…` : flat;
}

/** What the author did in the period, as the CRM recorded it (the snapshot a report keeps). */
export async function takeFigures(ctx: AppContext, authorId: number, span: PeriodSpan): Promise<WorkReportFigures> {
  const limit = workReportFigureLines;
  const [followUps, customers, deals, tasks, sales] = await Promise.all([
    followUpsByAuthor(ctx.db, authorId, span.fromIso, span.toIso, limit),
    newCustomersOf(ctx.db, authorId, span.fromIso, span.toIso, limit),
    dealFiguresOf(ctx.db, authorId, span.fromIso, span.toIso, limit),
    tasksDoneBy(ctx.db, authorId, span.fromIso, span.toIso, limit),
    readSalesSettings(ctx.db),
  ]);
  return {
    from: span.period,
    to: span.periodEnd,
    currency: sales.value.baseCurrency,
    followUps: {
      count: followUps.count,
      items: followUps.rows.map((f) => ({ id: f.id, customerId: f.customerId, customerName: f.customerName, kind: f.kind as FollowUpKind, occurredAt: f.occurredAt, excerpt: excerpt(f.content) })),
    },
    newCustomers: { count: customers.count, items: customers.rows },
    dealsCreated: { count: deals.created.count, amount: deals.created.amount, items: deals.created.rows },
    dealsWon: { count: deals.won.count, amount: deals.won.amount, items: deals.won.rows },
    tasksDone: { count: tasks.count, items: tasks.rows.map((r) => ({ id: r.id, title: r.title, customerName: r.customerName })) },
  };
}

/** The author's open tasks due in the period after this one: the plan's starting point. */
export function nextPeriodTasks(db: Db, authorId: number, span: PeriodSpan): Promise<TaskLine[]> {
  const next = reportPeriod(span.kind, shiftDate(span.periodEnd, 1));
  return openTasksDue(db, authorId, next.period, next.periodEnd, 20);
}

const textLimit = 4000;
const summaryLines = 30;

/** Lines joined, dropping whole lines from the end so that the text fits its field. */
function fit(lines: string[]): string {
  const kept = [...lines];
  while (kept.join('\n').length > textLimit) kept.pop();
  return kept.join('\n');
}

/** The draft's summary in the reader's language: a line per follow-up, then the other figures. */
export function summaryText(figures: WorkReportFigures, locale: Locale): string {
  const say = (key: MessageKey, params: Record<string, string | number> = {}) => t(locale, key, params);
  const money = (fen: number) => formatMoney(fen, figures.currency, locale);
  const lines: string[] = [];
  const { followUps, newCustomers, dealsCreated, dealsWon, tasksDone } = figures;
  if (followUps.count > 0) {
    lines.push(say('workReportFollowUpsHead', { count: followUps.count }));
    followUps.items.slice(0, summaryLines).forEach((f, i) => {
      lines.push(say('workReportFollowUpLine', { n: i + 1, kind: say(`workReportFollowUp_${f.kind}`), customer: f.customerName, excerpt: f.excerpt }));
    });
    const shown = Math.min(followUps.items.length, summaryLines);
    if (followUps.count > shown) lines.push(say('workReportMoreLines', { count: followUps.count - shown }));
  }
  if (newCustomers.count > 0) {
    const names = newCustomers.items.slice(0, 5).map((c) => c.name);
    const more = newCustomers.count > names.length ? '…' : '';
    lines.push(say('workReportNewCustomers', { count: newCustomers.count, names: names.join(locale === 'zh-CN' ? '、' : ', ') + more }));
  }
  if (dealsCreated.count > 0) lines.push(say('workReportDealsCreated', { count: dealsCreated.count, amount: money(dealsCreated.amount) }));
  if (dealsWon.count > 0) lines.push(say('workReportDealsWon', { count: dealsWon.count, amount: money(dealsWon.amount) }));
  if (tasksDone.count > 0) lines.push(say('workReportTasksDone', { count: tasksDone.count }));
  return fit(lines);
}

/** The draft's plan: one line per task due in the next period. */
export function planText(tasks: TaskLine[], locale: Locale): string {
  return fit(
    tasks.map((task, i) =>
      task.customerName === null
        ? t(locale, 'workReportPlanLine', { n: i + 1, title: task.title })
        : t(locale, 'workReportPlanLineCustomer', { n: i + 1, title: task.title, customer: task.customerName }),
    ),
  );
}
