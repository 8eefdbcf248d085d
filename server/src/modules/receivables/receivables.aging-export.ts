import { agingBuckets, type AgingGroup, type Locale, type agingExportQuery } from '@crm/contracts';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { authorize, type Actor } from '../../platform/auth/actor.js';
import { companyTimeZone } from '../../platform/company.js';
import type { AppContext } from '../../platform/context.js';
import { t } from '../../platform/i18n.js';
import { contentDisposition, contentTypes, moneyCell, tableStream, type Cell } from '../imports/index.js';
import { loggedRows } from '../exports/index.js';
import { getAging } from './receivables.aging.js';

/**
 * GET /receivables/aging/export: the receivables aging as a spreadsheet (.xlsx by default, or
 * CSV), with the report's filters and data scope (read through the report itself, page by page,
 * so every row of it): the customer's, owner's or department's name, each bucket and the total in
 * yuan (number cells with the ¥ format), and the DSO in a last line of text (so that it never
 * adds to a column's sum).
 */

const pageSize = 1000;

const groupColumn: Record<AgingGroup, string> = { customer: 'receivablesAgingColCustomer', owner: 'receivablesAgingColOwner', department: 'receivablesAgingColDepartment' };

export async function exportAging(ctx: AppContext, actor: Actor, query: z.output<typeof agingExportQuery>, locale: Locale, reply: FastifyReply) {
  authorize(actor, 'receivables.view');
  const L = (key: string, params?: Record<string, string | number>) => t(locale, key, params);
  const { format, ...filter } = query;
  const read = (page: number) => getAging(ctx, actor, { ...filter, page, pageSize });
  // The first page is read before the answer starts, so that the DSO and the date are the report's.
  const first = await read(1);
  const noName = L(query.groupBy === 'department' ? 'receivablesAgingNoDepartment' : 'receivablesAgingNoOwner');
  const sheet = L('receivablesAgingSheet');
  const header = [L(groupColumn[query.groupBy]), ...agingBuckets.map((b) => L(`receivablesAging_${b}`)), L('receivablesAgingColTotal')];
  const rows = (async function* (): AsyncGenerator<Cell[]> {
    let aging = first;
    for (let page = 1; ; ) {
      for (const r of aging.rows) yield [r.name ?? (query.groupBy === 'customer' ? String(r.id ?? '') : noName), ...agingBuckets.map((b) => moneyCell(r[b])), moneyCell(r.total)];
      if (aging.rows.length < pageSize || page * pageSize >= aging.total) return;
      page += 1;
      aging = await read(page);
    }
  })();
  // In the export log beside the list exports: who downloaded the aging, with which filters, how many rows.
  const logged = await loggedRows(ctx, actor, { entity: 'receivables', format, filter: { report: 'aging', ...filter }, columns: header }, rows);
  const { dso } = first;
  const dsoLine = dso.days === null ? L('receivablesAgingDsoNone', { period: dso.periodDays }) : L('receivablesAgingDso', { days: dso.days, period: dso.periodDays });
  const withDso = (async function* (): AsyncGenerator<Cell[]> {
    yield* logged;
    yield [dsoLine];
  })();
  const timeZone = await companyTimeZone(ctx.db);
  reply.header('content-type', contentTypes[format]);
  reply.header('content-disposition', contentDisposition(`${sheet}-${first.asOf.replace(/-/g, '')}.${format}`));
  return tableStream(format, sheet, header, withDso, { timeZone });
}
