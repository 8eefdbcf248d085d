import type { ExportLogEntity, Locale, stageStatsExportQuery } from '@crm/contracts';
import type { FastifyReply } from 'fastify';
import type { Readable } from 'node:stream';
import type { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.js';
import { companyTimeZone, localDate } from '../../platform/company.js';
import type { AppContext } from '../../platform/context.js';
import { t } from '../../platform/i18n.js';
import { getStageStats } from './stage-stats.js';

/**
 * What the export takes from the imports module (the table writer) and the exports module (the
 * export log): the same functions as the analytics dashboards' sheets use. This module cannot
 * import either (imports -> leads -> opportunities would be a loop), so app.ts hands them in at
 * start-up, as it does the pool's condition to the customers module.
 */
export interface StageStatsFile {
  tableStream: (format: 'csv' | 'xlsx', sheetName: string, header: string[], rows: AsyncIterable<Array<string | number>>, options: { timeZone: string }) => Readable;
  contentDisposition: (fileName: string) => string;
  contentTypes: Readonly<Record<'csv' | 'xlsx', string>>;
  loggedRows: <T>(
    ctx: AppContext,
    actor: Actor,
    entry: { entity: ExportLogEntity; format: 'csv' | 'xlsx'; filter: Record<string, unknown>; columns: string[] },
    rows: AsyncIterable<T>,
  ) => Promise<AsyncGenerator<T>>;
}
let file: StageStatsFile | null = null;

export function setStageStatsFile(tools: StageStatsFile): void {
  file = tools;
}

/**
 * GET /opportunities/stage-stats/export: the stage conversion report as a spreadsheet (.xlsx by
 * default, or CSV), one row per step of the funnel in pipeline order, with every figure the JSON
 * report has. Same filters and data scope: the rows are the report's own (getStageStats), not a
 * second query. The report has no amounts, so there is no money column.
 */
export async function exportStageStats(ctx: AppContext, actor: Actor, query: z.output<typeof stageStatsExportQuery>, locale: Locale, reply: FastifyReply) {
  if (!file) throw new Error('stage-stats export: setStageStatsFile was not called (app.ts)');
  const L = (key: string) => t(locale, key);
  const { format, ...filter } = query;
  const report = await getStageStats(ctx, actor, filter);
  const sheet = L('stageStatsSheet');
  const header = [
    L('stageStatsColStage'), L('stageStatsColEntered'), L('stageStatsColAdvanced'), L('stageStatsColLost'), L('stageStatsColStillThere'),
    L('stageStatsColConversion'), L('stageStatsColEnded'), L('stageStatsColAvgHours'), L('stageStatsColMedianHours'),
  ];
  const rows = (async function* (): AsyncGenerator<Array<string | number>> {
    for (const s of report.stages) {
      yield [locale === 'en' ? s.stage.nameEn : s.stage.nameZh, s.entered, s.advanced, s.lost, s.stillThere, s.conversion, s.ended, s.avgHours, s.medianHours];
    }
  })();
  const timeZone = await companyTimeZone(ctx.db);
  // In the export log beside the dashboards' sheets: the filters as asked, and the pipeline and days the report resolved them to.
  const logged = await file.loggedRows(
    ctx,
    actor,
    { entity: 'analytics', format, filter: { chart: 'stage-stats', ...filter, pipelineId: report.pipelineId, from: report.from, to: report.to }, columns: header },
    rows,
  );
  reply.header('content-type', file.contentTypes[format]);
  reply.header('content-disposition', file.contentDisposition(`${sheet}-${localDate(ctx.clock.now(), timeZone).replace(/-/g, '')}.${format}`));
  return file.tableStream(format, sheet, header, logged, { timeZone });
}
