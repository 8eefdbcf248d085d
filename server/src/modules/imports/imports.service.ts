import {
  importEntities,
  type ImportEntity,
  type ImportJob,
  type importListQuery,
  type importReportQuery,
  type importRun,
  type ImportPreview,
  type importUploadQuery,
  type ImportValues,
  type importValuesRequest,
  type ListResponse,
  type Locale,
} from '@crm/contracts';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { authorize, can, type Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, forbidden, invalid, notFound } from '../../platform/errors.js';
import { t } from '../../platform/i18n.js';
import { userNames } from '../users/index.js';
import { describeImportFile, type FileRow } from './file-reader.js';
import * as repo from './imports.repository.js';
import { rememberMapping, suggestMapping } from './mapping.js';
import { fieldsWithCustom, importPermission } from './plan.js';
import { buildPlan, processorFor, readJobFile, storeFile } from './runner.js';
import { contentDisposition, contentTypes, tableStream, type Cell } from './table-file.js';
import { archiveNumbers, readableRecords, reviewsAllImports } from './report-scope.js';
import { distinctValues, rememberValues } from './values.js';
import { kickImportWorker } from './worker.js';
import type { FieldDef } from './fields.js';

export const uploadLimitBytes = 50 * 1024 * 1024;
const sampleSize = 5;
const previewSize = 20;

/** Whoever may import anything, or review every import (settings.view). */
function authorizeImports(actor: Actor): void {
  if (!importEntities.some((e) => can(actor, importPermission(e))) && !can(actor, 'settings.view')) throw forbidden();
}

/** A job (its sample rows, its report) is visible to its creator, and to reviewers of every import (see reviewsAllImports). */
async function visibleJob(ctx: AppContext, actor: Actor, id: number): Promise<repo.JobRow> {
  authorizeImports(actor);
  const job = await repo.findJob(ctx.db, id);
  if (!job || (job.created_by !== actor.userId && !reviewsAllImports(actor))) throw notFound();
  return job;
}

/** Only its creator maps, previews and starts a job (with the import right for its entity). */
async function ownJob(ctx: AppContext, actor: Actor, id: number): Promise<repo.JobRow> {
  authorizeImports(actor);
  const job = await repo.findJob(ctx.db, id);
  if (!job || job.created_by !== actor.userId) throw notFound();
  authorize(actor, importPermission(job.entity as ImportEntity));
  return job;
}

async function present(ctx: AppContext, rows: repo.JobRow[], locale: Locale, detail: boolean): Promise<ImportJob[]> {
  const names = await userNames(ctx, rows.map((r) => r.created_by));
  return Promise.all(
    rows.map(async (row) => {
      const entity = row.entity as ImportEntity;
      const headers = JSON.parse(row.headers) as string[];
      let fields: FieldDef[] = [];
      let suggestedMapping: Record<string, string | null> = {};
      if (detail) {
        fields = (await fieldsWithCustom(ctx.db, entity)).fields.filter((f) => !f.exportOnly);
        suggestedMapping = await suggestMapping(ctx.db, entity, row.created_by, headers, fields);
      }
      return {
        id: row.id,
        entity,
        fileName: row.file_name,
        status: row.status as ImportJob['status'],
        format: row.format as ImportJob['format'],
        encoding: row.encoding,
        delimiter: row.delimiter,
        headers,
        sampleRows: JSON.parse(row.sample) as string[][],
        totalRows: row.total_rows,
        processed: row.processed,
        created: row.created,
        updated: row.updated,
        skipped: row.skipped,
        rejected: row.rejected,
        duplicateMode: row.duplicate_mode as ImportJob['duplicateMode'],
        mapping: row.mapping ? (JSON.parse(row.mapping) as Record<string, string | null>) : null,
        valueMapping: row.value_mapping ? (JSON.parse(row.value_mapping) as ImportJob['valueMapping']) : null,
        suggestedMapping,
        fields: fields.map((f) => ({ key: f.key, label: f.labels[locale], required: f.required ?? false })),
        error: row.error ? t(locale, row.error) : null,
        createdBy: row.created_by,
        createdByName: names.get(row.created_by) ?? null,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
        startedAt: row.started_at,
        finishedAt: row.finished_at,
      };
    }),
  );
}

/** Store an uploaded file as a new job and describe it: headers, first rows, suggested mapping. */
export async function uploadImport(ctx: AppContext, actor: Actor, query: z.output<typeof importUploadQuery>, file: Buffer, locale: Locale): Promise<ImportJob> {
  authorize(actor, importPermission(query.entity));
  // One streaming pass: the header, the first rows and the count, never every row at once.
  const parsed = await describeImportFile(file, sampleSize);
  if (parsed.totalRows === 0) throw invalid('file', 'importNoRows');
  const now = ctx.clock.now().toISOString();
  const id = await repo.insertJob(ctx.db, {
    entity: query.entity,
    file_name: query.fileName,
    stored_name: '',
    format: parsed.format,
    encoding: parsed.encoding,
    delimiter: parsed.delimiter,
    headers: JSON.stringify(parsed.headers),
    sample: JSON.stringify(parsed.sample),
    total_rows: parsed.totalRows,
    status: 'uploaded',
    duplicate_mode: null,
    mapping: null,
    value_mapping: null,
    locale,
    lease_owner: null,
    lease_until: null,
    error: null,
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
    started_at: null,
    finished_at: null,
  });
  const storedName = `${id}.${parsed.format}`;
  try {
    await storeFile(ctx, storedName, file);
    await repo.setStoredName(ctx.db, id, storedName);
  } catch (error) {
    await repo.deleteJob(ctx.db, id);
    throw error;
  }
  return getImport(ctx, actor, id, locale);
}

export async function listImports(ctx: AppContext, actor: Actor, query: z.output<typeof importListQuery>, locale: Locale): Promise<ListResponse<ImportJob>> {
  authorizeImports(actor);
  const { rows, total } = await repo.listJobs(
    ctx.db,
    { createdBy: reviewsAllImports(actor) ? undefined : actor.userId, entity: query.entity, status: query.status },
    query.pageSize,
    (query.page - 1) * query.pageSize,
  );
  return { items: await present(ctx, rows, locale, false), total, page: query.page, pageSize: query.pageSize };
}

export async function getImport(ctx: AppContext, actor: Actor, id: number, locale: Locale): Promise<ImportJob> {
  const job = await visibleJob(ctx, actor, id);
  const [presented] = await present(ctx, [job], locale, true);
  if (!presented) throw notFound();
  return presented;
}

/** The value-mapping step: the distinct values of each mapped enum column, with suggestions. */
export async function importValuesOf(ctx: AppContext, actor: Actor, id: number, body: z.output<typeof importValuesRequest>, locale: Locale): Promise<ImportValues> {
  const job = await ownJob(ctx, actor, id);
  const plan = await buildPlan(ctx, { id: null, entity: job.entity, headers: JSON.parse(job.headers) as string[] }, actor, { mapping: body.mapping, duplicateMode: 'skip' }, locale);
  const file = await readJobFile(ctx, job);
  return distinctValues(ctx.db, plan.entity, actor.userId, plan.columns, file.rows(), locale);
}

/** What the first rows would become with this mapping; nothing is written. */
export async function previewImport(ctx: AppContext, actor: Actor, id: number, run: z.output<typeof importRun>, locale: Locale): Promise<ImportPreview> {
  const job = await ownJob(ctx, actor, id);
  const plan = await buildPlan(ctx, { id: null, entity: job.entity, headers: JSON.parse(job.headers) as string[] }, actor, run, locale);
  const file = await readJobFile(ctx, job);
  const rows: FileRow[] = [];
  for await (const row of file.rows()) {
    rows.push(row);
    if (rows.length >= previewSize) break;
  }
  const processor = processorFor(plan);
  const at = ctx.clock.now().toISOString();
  const results = await processor.decide(ctx.db, await processor.prepare(rows, { at }), { dry: true, at });
  return {
    rows: results.map((r) => ({ rowNo: r.rowNo, outcome: r.outcome, messages: r.messages, values: rows[r.rowNo - 1]?.cells ?? [] })),
    totalRows: job.total_rows,
  };
}

/** Queue the job with its mapping (remembered for the user's next file); the worker takes it from there. */
export async function startImport(ctx: AppContext, actor: Actor, id: number, run: z.output<typeof importRun>, locale: Locale): Promise<ImportJob> {
  const job = await ownJob(ctx, actor, id);
  const headers = JSON.parse(job.headers) as string[];
  const plan = await buildPlan(ctx, { id: job.id, entity: job.entity, headers }, actor, run, locale);
  const now = ctx.clock.now().toISOString();
  if (!(await repo.queueJob(ctx.db, id, { mapping: JSON.stringify(run.mapping), valueMapping: JSON.stringify(run.values), duplicateMode: run.duplicateMode, locale, at: now }))) {
    throw new AppError('CONFLICT', 'importAlreadyStarted');
  }
  await rememberMapping(ctx.db, job.entity as ImportEntity, actor.userId, headers, plan.columns, now);
  await rememberValues(ctx.db, job.entity as ImportEntity, actor.userId, run.values, now);
  kickImportWorker(ctx);
  return getImport(ctx, actor, id, locale);
}

/** Stop a job at its next batch; what was imported stays (the report lists it). */
export async function cancelImport(ctx: AppContext, actor: Actor, id: number, locale: Locale): Promise<ImportJob> {
  const job = await visibleJob(ctx, actor, id);
  if (job.created_by !== actor.userId && !can(actor, 'settings.edit')) throw notFound();
  if (!(await repo.cancelJob(ctx.db, id, ctx.clock.now().toISOString()))) throw new AppError('CONFLICT', 'importAlreadyEnded');
  return getImport(ctx, actor, id, locale);
}

/**
 * The processed rows: the file's own columns, then outcome, reason and (customers, purchases) the
 * archive number of the customer written or matched. A row whose record the reader may not read says only that it exists.
 */
export async function importReport(ctx: AppContext, actor: Actor, id: number, query: z.output<typeof importReportQuery>, locale: Locale, reply: FastifyReply) {
  const job = await visibleJob(ctx, actor, id);
  const file = await readJobFile(ctx, job);
  const entity = job.entity as ImportEntity;
  const { fields } = await fieldsWithCustom(ctx.db, entity);
  const labelOf = new Map(fields.map((f) => [f.key, f.labels[locale]]));
  // Customers: the record's archive number; purchases: their customer's.
  const withRecord = entity === 'customers' || entity === 'purchases';
  const recordLabel = t(locale, entity === 'purchases' ? 'importReportCustomer' : 'importReportRecord');
  const header = [t(locale, 'importReportRow'), ...file.headers, t(locale, 'importReportOutcome'), t(locale, 'importReportReason'), ...(withRecord ? [recordLabel] : [])];
  async function* rows(): AsyncGenerator<Cell[]> {
    let after = 0;
    // The file's rows stream beside the results (both in row order).
    const source = file.rows();
    let current: FileRow | null = null;
    const cellsOf = async (rowNo: number): Promise<string[]> => {
      while (!current || current.rowNo < rowNo) {
        const next = await source.next();
        if (next.done) return [];
        current = next.value;
      }
      return current.rowNo === rowNo ? current.cells : [];
    };
    try {
      for (;;) {
        const page = await repo.resultsAfter(ctx.db, job.id, after, 1000, query.only);
        if (page.length === 0) return;
        const ids = page.map((r) => r.entity_id).filter((v): v is number => v !== null);
        const records = (await archiveNumbers(ctx.db, entity, ids)) ?? new Map<number, string>();
        const readable = await readableRecords(ctx.db, actor, entity, ids);
        for (const r of page) {
          if (r.entity_id !== null && !readable.has(r.entity_id)) {
            yield [r.row_no, ...file.headers.map(() => ''), t(locale, `importOutcome_${r.outcome}`), t(locale, 'importReportHidden'), ...(withRecord ? [''] : [])];
            continue;
          }
          const messages = JSON.parse(r.messages) as Array<{ field: string; message: string }>;
          const reason = messages.map((m) => (m.field === 'duplicate' ? m.message : `${labelOf.get(m.field) ?? m.field}: ${m.message}`)).join('; ');
          const record = r.entity_id !== null ? (records.get(r.entity_id) ?? '') : '';
          yield [r.row_no, ...(await cellsOf(r.row_no)), t(locale, `importOutcome_${r.outcome}`), reason, ...(withRecord ? [record] : [])];
        }
        after = page[page.length - 1]?.row_no ?? after;
      }
    } finally {
      await source.return(undefined);
    }
  }
  const base = job.file_name.replace(/\.(csv|xlsx|txt)$/i, '');
  reply.header('content-type', contentTypes[query.format]);
  reply.header('content-disposition', contentDisposition(`${base}-${t(locale, 'importReportSheet')}.${query.format}`));
  return tableStream(query.format, t(locale, 'importReportSheet'), header, rows());
}
