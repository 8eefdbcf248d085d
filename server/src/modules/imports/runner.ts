import fs from 'node:fs/promises';
import path from 'node:path';
import type { DuplicateMode, ImportEntity, ImportMapping, Locale } from '@crm/contracts';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { ContactImport } from './contacts.import.js';
import { CustomerImport } from './customers.import.js';
import { readImportFile, type ParsedFile } from './file-reader.js';
import type { JobRow } from './imports.repository.js';
import { LeadImport } from './leads.import.js';
import { resolveMapping } from './mapping.js';
import { fieldsWithCustom, type ImportPlan, type RowProcessor } from './plan.js';

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

/** The job's stored file, read again (the worker does this when it starts or resumes a job). */
export async function readJobFile(ctx: AppContext, job: Pick<JobRow, 'stored_name'>): Promise<ParsedFile> {
  let bytes: Buffer;
  try {
    if (!job.stored_name) throw new Error('not stored');
    bytes = await fs.readFile(path.join(importsDir(ctx), job.stored_name));
  } catch {
    throw new AppError('CONFLICT', 'importFileMissing');
  }
  return readImportFile(bytes);
}

export async function buildPlan(
  ctx: AppContext,
  job: { id: number | null; entity: string; headers: string[] },
  actor: Actor,
  run: { mapping: ImportMapping; duplicateMode: DuplicateMode },
  locale: Locale,
): Promise<ImportPlan> {
  const entity = job.entity as ImportEntity;
  const { fields, custom } = await fieldsWithCustom(ctx.db, entity);
  const columns = resolveMapping(entity, job.headers, run.mapping, fields);
  return { ctx, entity, jobId: job.id, actor, locale, mode: run.duplicateMode, columns, custom };
}

export function processorFor(plan: ImportPlan): RowProcessor<unknown> {
  if (plan.entity === 'leads') return new LeadImport(plan) as RowProcessor<unknown>;
  return (plan.entity === 'customers' ? new CustomerImport(plan) : new ContactImport(plan)) as RowProcessor<unknown>;
}
