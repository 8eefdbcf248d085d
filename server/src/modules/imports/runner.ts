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
import { PurchaseImport } from './purchases.import.js';
import { RowNotes } from './row-notes.js';
import { attachValues } from './values.js';

/** Uploaded files are kept in the storage, one per job: `imports/<id>.<csv|xlsx>`. */
function storedAt(name: string): string {
  return `imports/${name}`;
}

/** Store an upload (whole or not at all) where every server finds it. */
export async function storeFile(ctx: AppContext, name: string, bytes: Buffer): Promise<void> {
  await ctx.storage.put(storedAt(name), bytes);
}

/** The job's stored file: its header row, and its data rows read again, streaming (the worker resumes after `skip` rows). */
export interface JobFile {
  headers: string[];
  rows(skip?: number): AsyncGenerator<FileRow>;
}

/** The job's stored file, as its upload found it (nothing is read until rows are asked for). */
export async function readJobFile(ctx: AppContext, job: Pick<JobRow, 'stored_name' | 'format' | 'encoding' | 'delimiter' | 'headers'>): Promise<JobFile> {
  const key = job.stored_name ? storedAt(job.stored_name) : null;
  if (!key || !(await ctx.storage.exists(key))) throw new AppError('CONFLICT', 'importFileMissing');
  // Each pass over the rows opens the stored file anew, as a stream.
  const file = async () => {
    const stored = await ctx.storage.get(key);
    if (!stored) throw new AppError('CONFLICT', 'importFileMissing');
    return stored.stream;
  };
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
  switch (plan.entity) {
    case 'leads':
      return new RowNotes(plan, new LeadImport(plan)) as RowProcessor<unknown>;
    case 'customers':
      return new RowNotes(plan, new CustomerImport(plan)) as RowProcessor<unknown>;
    case 'contacts':
      return new RowNotes(plan, new ContactImport(plan)) as RowProcessor<unknown>;
    case 'purchases':
      return new RowNotes(plan, new PurchaseImport(plan)) as RowProcessor<unknown>;
  }
}
