import type { ExportLogEntity } from '@crm/contracts';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import * as repo from './exports.repository.js';

/** What a download is, for the export log. */
export interface LoggedExport {
  entity: ExportLogEntity;
  format: 'csv' | 'xlsx';
  filter: Record<string, unknown>;
  columns: string[];
}

/**
 * Log a download and hand back its rows, counted: the log entry is written before the first row
 * (a download that is abandoned stays logged with the rows sent so far) and completed at the end.
 * Every file of records leaves here: list exports and the analytics dashboards' sheets.
 */
export async function loggedRows<T>(ctx: AppContext, actor: Actor, entry: LoggedExport, rows: AsyncIterable<T>): Promise<AsyncGenerator<T>> {
  const logId = await repo.insertLog(ctx.db, {
    user_id: actor.userId,
    at: ctx.clock.now().toISOString(),
    entity: entry.entity,
    filter: JSON.stringify(entry.filter),
    columns: JSON.stringify(entry.columns),
    format: entry.format,
    finished_at: null,
  });
  return (async function* counted() {
    let count = 0;
    let finished = false;
    try {
      for await (const row of rows) {
        yield row;
        count += 1;
      }
      finished = true;
    } finally {
      await repo.updateLog(ctx.db, logId, count, finished ? ctx.clock.now().toISOString() : null);
    }
  })();
}
