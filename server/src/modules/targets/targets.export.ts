import { moneyMetrics, type AttainmentRow, type Locale, type attainmentExportQuery } from '@crm/contracts';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.js';
import { companyTimeZone, localDate } from '../../platform/company.js';
import type { AppContext } from '../../platform/context.js';
import { t } from '../../platform/i18n.js';
import { loggedRows } from '../exports/index.js';
import { contentDisposition, contentTypes, moneyCell, tableStream, type Cell } from '../imports/index.js';
import { getAttainment } from './targets.service.js';

/**
 * GET /targets/attainment/export: the attainment report as a spreadsheet (.xlsx by default, or
 * CSV), with the same period, metric and data scope as the report (its rows, not a second query).
 * One row per department and user in the order the report's tree shows them: a department, then
 * its sub-departments and its users, each name indented two spaces a level. Money in yuan (a
 * number cell with the ¥ format), counts as numbers, attainment in per cent (empty without a target).
 */

/** The report's rows depth first as the page's tree shows them: departments under their parents, users under their department; a row whose parent is not visible stands at the top. */
export function attainmentOrder(rows: AttainmentRow[]): Array<{ row: AttainmentRow; depth: number }> {
  const visible = new Set(rows.filter((r) => r.subjectType === 'department').map((r) => r.subjectId));
  const children = new Map<number, AttainmentRow[]>();
  const top: AttainmentRow[] = [];
  for (const row of rows) {
    const underParent = row.parentId !== null && visible.has(row.parentId) && !(row.subjectType === 'department' && row.parentId === row.subjectId);
    if (underParent) {
      const list = children.get(row.parentId as number) ?? [];
      list.push(row);
      children.set(row.parentId as number, list);
    } else top.push(row);
  }
  const out: Array<{ row: AttainmentRow; depth: number }> = [];
  const walk = (list: AttainmentRow[], depth: number) => {
    for (const row of list) {
      out.push({ row, depth });
      if (row.subjectType === 'department') walk(children.get(row.subjectId) ?? [], depth + 1);
    }
  };
  walk(top, 0);
  return out;
}

async function* once(rows: Cell[][]): AsyncGenerator<Cell[]> {
  for (const row of rows) yield row;
}

export async function exportAttainment(ctx: AppContext, actor: Actor, query: z.output<typeof attainmentExportQuery>, locale: Locale, reply: FastifyReply) {
  const L = (key: string) => t(locale, key);
  const { format, ...filter } = query;
  const report = await getAttainment(ctx, actor, filter);
  const money = moneyMetrics.has(query.metric);
  const amount = (value: number | null): Cell => (value === null ? null : money ? moneyCell(value) : value);
  const sheet = `${L(`targetsMetric_${query.metric}`)} ${query.period}`;
  const header = [L('targetsColName'), L('targetsColKind'), L('targetsColTarget'), L('targetsColActual'), L('targetsColAttainment')];
  const rows = attainmentOrder(report.rows).map(({ row, depth }): Cell[] => [
    `${'  '.repeat(depth)}${row.name}`,
    L(row.subjectType === 'user' ? 'targetsKindUser' : 'targetsKindDepartment'),
    amount(row.target),
    amount(row.actual),
    row.attainmentBp === null ? null : row.attainmentBp / 100,
  ]);
  const timeZone = await companyTimeZone(ctx.db);
  // In the export log beside the dashboards' sheets: who downloaded which report, for which period and metric, how many rows.
  const logged = await loggedRows(ctx, actor, { entity: 'analytics', format, filter: { chart: 'targets-attainment', ...filter }, columns: header }, once(rows));
  reply.header('content-type', contentTypes[format]);
  reply.header('content-disposition', contentDisposition(`${L('targetsSheetAttainment')}-${sheet.replace(' ', '-')}-${localDate(ctx.clock.now(), timeZone).replace(/-/g, '')}.${format}`));
  return tableStream(format, sheet, header, logged, { timeZone });
}
