import fs from 'node:fs/promises';
import path from 'node:path';
import type { DuplicateMode, ImportEntity, ImportMapping, ImportValueMapping, Locale } from '@crm/contracts';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { ContactImport } from './contacts.import.js';
import { CustomerImport } from './customers.import.js';
import { fileRows, sniffEncoding, type FileLayout, type FileRow } from './file-reader.js';
import type { JobRow } from './imports.repository.js';
import { LeadImport } from './leads.import.js';
import { resolveMapping } from './mapping.js';
import { fieldsWithCustom, type ImportPlan, type RowProcessor } from './plan.js';
import { RowNotes } from './row-notes.js';
import { attachValues } from './values.js';

/** Uploaded files live in the data folder, one per job: `imports/<id>.<csv|xlsx>`. */
export function importsDir(ctx: AppContext): string {
  return path.join(ctx.config.dataDir, 'imports');
}

/** Store an upload durably: write a temporary file, flush it to disk, then rename it into place. */
export async function storeFile(ctx: AppContext, name: string, bytes: Buffer): Promise<void> {
  const dir = importsDir(ctx);
  await fs.mkdir(dir, { recursive: true });
  const temporary = path.join(dir, `.${name}.${process.pid}.${Date.now()}.tmp`);
  const handle = await fs.open(temporary, 'w');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rename(temporary, path.join(dir, name));
  // The rename itself survives a power cut once the folder is flushed (not possible on every platform).
  try {
    const folder = await fs.open(dir, 'r');
    await folder.sync().finally(() => folder.close());
  } catch {
    // best effort
  }
}

/** The job's stored file: its header row, and its data rows read again, streaming (the worker resumes after `skip` rows). */
export interface JobFile {
  headers: string[];
  rows(skip?: number): AsyncGenerator<FileRow>;
}

/** The job's stored file, as its upload found it (nothing is read until rows are asked for). */
export async function readJobFile(ctx: AppContext, job: Pick<JobRow, 'stored_name' | 'format' | 'encoding' | 'delimiter' | 'headers'>): Promise<JobFile> {
  const file = job.stored_name ? path.join(importsDir(ctx), job.stored_name) : null;
  if (!file || !(await fs.stat(file).then((s) => s.isFile(), () => false))) throw new AppError('CONFLICT', 'importFileMissing');
  const headers = JSON.parse(job.headers) as string[];
  const layout: FileLayout = { format: job.format === 'xlsx' ? 'xlsx' : 'csv', encoding: job.encoding, delimiter: job.delimiter, width: headers.length };
  // An upload of an older version may have no encoding stored: sniff it again.
  if (layout.format === 'csv' && !layout.encoding) layout.encoding = await sniffEncoding(file);
  return { headers, rows: (skip = 0) => fileRows(file, layout, skip) };
}

export async function buildPlan(
  ctx: AppContext,
  job: { id: number | null; entity: string; headers: string[] },
  actor: Actor,
  run: { mapping: ImportMapping; duplicateMode: DuplicateMode; values?: ImportValueMapping },
  locale: Locale,
): Promise<ImportPlan> {
  const entity = job.entity as ImportEntity;
  const { fields, custom } = await fieldsWithCustom(ctx.db, entity);
  const columns = attachValues(resolveMapping(entity, job.headers, run.mapping, fields), run.values ?? {});
  return { ctx, entity, jobId: job.id, actor, locale, mode: run.duplicateMode, columns, custom };
}

/** The entity's processor, with totals rows skipped and row warnings reported (row-notes.ts). */
export function processorFor(plan: ImportPlan): RowProcessor<unknown> {
  if (plan.entity === 'leads') return new RowNotes(plan, new LeadImport(plan)) as RowProcessor<unknown>;
  if (plan.entity === 'customers') return new RowNotes(plan, new CustomerImport(plan)) as RowProcessor<unknown>;
  return new RowNotes(plan, new ContactImport(plan)) as RowProcessor<unknown>;
}
