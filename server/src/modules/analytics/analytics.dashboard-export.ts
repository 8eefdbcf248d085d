import type { CompositionDimension, DashboardChart, Locale, dashboardExportQuery } from '@crm/contracts';
import type { FastifyReply } from 'fastify';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.js';
import { localDate } from '../../platform/company.js';
import type { AppContext } from '../../platform/context.js';
import { t } from '../../platform/i18n.js';
import { contentDisposition, contentTypes, customerFields, moneyCell, optionLabel, tableStream, dateCell, type Cell } from '../imports/index.js';
import { loggedRows } from '../exports/index.js';
import { readIndustries } from '../lists/index.js';
import { userNames } from '../users/index.js';
import { composition, quadrantChart, rangeInstants, revenueByMonth, rfmSegmentsChart, runResults, valuePyramid } from './analytics.dashboard.js';
import { finishedRun, runSettings } from './analytics.runs.js';

/**
 * GET /analytics/dashboard/:chart/export: the figures a chart shows, as a spreadsheet (.xlsx by
 * default, or CSV), with the same filters and data scope as the chart; money in yuan (a number
 * cell with the ¥ format). The ABC and churn sheets list every customer of the chart, page by page.
 */

const pageSize = 1000;

const dimensionFields: Partial<Record<CompositionDimension, string>> = { kind: 'kind', category: 'category', status: 'status', lifecycleStage: 'lifecycleStage' };
const dimensionLabel: Record<CompositionDimension, string> = {
  kind: 'analyticsDimKind', category: 'analyticsDimCategory', industry: 'analyticsDimIndustry', status: 'analyticsDimStatus',
  lifecycleStage: 'analyticsDimLifecycleStage', province: 'analyticsDimProvince', city: 'analyticsDimCity',
};

/** A slice's key as people read it: the option's or industry's label, or the text, or "(not set)". */
function sliceLabel(dimension: CompositionDimension, key: string, locale: Locale, industries: Map<string, { labelZh: string; labelEn: string }>): string {
  if (key === '') return t(locale, 'analyticsNotSet');
  const industry = dimension === 'industry' ? industries.get(key) : undefined;
  if (industry) return locale === 'en' ? industry.labelEn : industry.labelZh;
  const fieldKey = dimensionFields[dimension];
  const field = fieldKey ? customerFields.find((f) => f.key === fieldKey) : undefined;
  return field ? optionLabel(field, key, locale) : key;
}

async function* once(rows: Cell[][]): AsyncGenerator<Cell[]> {
  for (const row of rows) yield row;
}

export async function exportDashboard(ctx: AppContext, actor: Actor, chart: DashboardChart, query: z.output<typeof dashboardExportQuery>, locale: Locale, reply: FastifyReply) {
  const L = (key: string) => t(locale, key);
  let sheet: string;
  let header: string[];
  let rows: AsyncIterable<Cell[]>;
  switch (chart) {
    case 'composition': {
      const c = await composition(ctx, actor, query, locale);
      const industries = new Map((await readIndustries(ctx.db)).items.map((i) => [i.key, i]));
      sheet = L('analyticsSheetComposition');
      header = [L('analyticsColDimension'), L('analyticsColValue'), L('analyticsColCustomers')];
      const groups: Array<[CompositionDimension, typeof c.byKind]> = [
        ['kind', c.byKind], ['category', c.byCategory], ['industry', c.byIndustry], ['status', c.byStatus],
        ['lifecycleStage', c.byLifecycleStage], ['province', c.byProvince], ['city', c.byCity],
      ];
      rows = once(groups.flatMap(([dimension, buckets]) => buckets.map((b): Cell[] => [L(dimensionLabel[dimension]), sliceLabel(dimension, b.key, locale, industries), b.customers])));
      break;
    }
    case 'new-customers': {
      const c = await composition(ctx, actor, query, locale);
      sheet = L('analyticsSheetNewCustomers');
      header = [L('analyticsColMonth'), L('analyticsColCustomers')];
      rows = once(c.newByMonth.map((m) => [m.month, m.customers]));
      break;
    }
    case 'revenue': {
      const r = await revenueByMonth(ctx, actor, query, locale);
      sheet = L('analyticsSheetRevenue');
      header = [L('analyticsColMonth'), L('analyticsColRevenue'), L('analyticsColBuyers')];
      rows = once(r.months.map((m) => [m.month, moneyCell(m.revenue), m.customers]));
      break;
    }
    case 'value-pyramid': {
      const p = await valuePyramid(ctx, actor, query);
      sheet = L('analyticsSheetPyramid');
      header = [L('analyticsColValueClass'), L('analyticsColCustomers'), L('analyticsColRevenue'), L('analyticsColGrossProfit')];
      rows = once(p.rows.map((r) => [L(`analyticsValue_${r.valueClass}`), r.customers, moneyCell(r.revenue), moneyCell(r.grossProfit)]));
      break;
    }
    case 'quadrants': {
      const p = await quadrantChart(ctx, actor, query);
      sheet = L('analyticsSheetQuadrants');
      header = [L('analyticsColQuadrant'), L('analyticsColCustomers'), L('analyticsColCurrentValue'), L('analyticsColPotentialValue')];
      rows = once(p.rows.map((r) => [L(`analyticsQuadrant_${r.quadrant}`), r.customers, moneyCell(r.currentValue), moneyCell(r.potentialValue)]));
      break;
    }
    case 'rfm': {
      const p = await rfmSegmentsChart(ctx, actor, query);
      sheet = L('analyticsSheetRfm');
      header = [L('analyticsColSegment'), L('analyticsColCustomers'), L('analyticsColRevenue'), L('analyticsColGrossProfit'), L('analyticsColMonetary')];
      rows = once(p.rows.map((r) => [L(`analyticsSegment_${r.segment}`), r.customers, moneyCell(r.revenue), moneyCell(r.grossProfit), moneyCell(r.monetary)]));
      break;
    }
    case 'abc': {
      const run = await finishedRun(ctx.db);
      const basis = run && runSettings(run).abcBasis === 'gross_profit' ? 'analyticsColBasisProfit' : 'analyticsColBasisRevenue';
      sheet = L('analyticsSheetAbc');
      header = [L('analyticsColRank'), L('analyticsColCustomer'), L(basis), L('analyticsColCumulative'), L('analyticsColAbc'), L('analyticsColValueClass')];
      rows = (async function* () {
        if (!run) return;
        const total = Number((await runResults(ctx, actor, run, query).select(sql<number>`coalesce(sum(ar.abc_value), 0)`.as('v')).executeTakeFirstOrThrow()).v);
        // Keyset pages in rank order (basis high to low, ties by customer id), the running sum carried over.
        let after: { v: number; id: number } | null = null;
        let rank = 0;
        let cumulative = 0;
        for (;;) {
          let q = runResults(ctx, actor, run, query);
          if (after) {
            const { v, id } = after;
            q = q.where((eb) => eb.or([eb('ar.abc_value', '<', v), eb.and([eb('ar.abc_value', '=', v), eb('ar.customer_id', '>', id)])]));
          }
          const page = await q.select(['ar.customer_id', 'c.name', 'ar.abc_value', 'ar.abc_class', 'ar.value_class']).orderBy('ar.abc_value', 'desc').orderBy('ar.customer_id').limit(pageSize).execute();
          for (const r of page) {
            rank += 1;
            cumulative += Number(r.abc_value);
            yield [rank, r.name, moneyCell(Number(r.abc_value)), total > 0 ? Math.floor((cumulative * 10000) / total) / 100 : 100, r.abc_class, L(`analyticsValue_${r.value_class}`)];
          }
          const last = page[page.length - 1];
          if (page.length < pageSize || !last) return;
          after = { v: Number(last.abc_value), id: last.customer_id };
        }
      })();
      break;
    }
    case 'churn': {
      const run = await finishedRun(ctx.db);
      sheet = L('analyticsSheetChurn');
      header = [L('analyticsColCustomer'), L('analyticsColOwner'), L('analyticsColInterval'), L('analyticsColSilence'), L('analyticsColLastOn'), L('analyticsColRevenue'), L('analyticsColMonetary'), L('analyticsColPrevious')];
      rows = (async function* () {
        if (!run) return;
        for (let offset = 0; ; offset += pageSize) {
          const page = await runResults(ctx, actor, run, query)
            .where('ar.churn_risk', '=', 1)
            .select(['ar.customer_id', 'c.name', 'c.owner_id', 'ar.average_interval_days', 'ar.recency_days', 'ar.last_on', 'ar.revenue', 'ar.monetary', 'ar.previous_monetary'])
            .orderBy('ar.recency_days', 'desc')
            .orderBy('ar.customer_id')
            .limit(pageSize)
            .offset(offset)
            .execute();
          const names = await userNames(ctx, page.map((r) => r.owner_id));
          for (const r of page) {
            yield [
              r.name, r.owner_id === null ? null : (names.get(r.owner_id) ?? null), r.average_interval_days === null ? null : Number(r.average_interval_days),
              Number(r.recency_days), dateCell(r.last_on), moneyCell(Number(r.revenue)), moneyCell(Number(r.monetary)), moneyCell(Number(r.previous_monetary)),
            ];
          }
          if (page.length < pageSize) return;
        }
      })();
      break;
    }
    default:
      throw new Error(`unknown chart ${String(chart satisfies never)}`);
  }
  const { timeZone } = await rangeInstants(ctx, {});
  // In the export log beside the list exports: who downloaded which chart, with which filters, how many rows.
  const { format, ...filter } = query;
  const logged = await loggedRows(ctx, actor, { entity: 'analytics', format, filter: { chart, ...filter }, columns: header }, rows);
  reply.header('content-type', contentTypes[query.format]);
  reply.header('content-disposition', contentDisposition(`${sheet}-${localDate(ctx.clock.now(), timeZone).replace(/-/g, '')}.${query.format}`));
  return tableStream(query.format, sheet, header, logged, { timeZone });
}
