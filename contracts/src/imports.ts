import { z } from 'zod';
import { id, listOf, pageQuery } from './common.js';
import type { Permission } from './org.js';

/**
 * What can be imported: customers, contacts of existing organisation customers, leads, or the
 * purchase history of existing customers (a shop's or point-of-sale system's export, which
 * customer analytics reads).
 */
export const importEntities = ['customers', 'contacts', 'leads', 'purchases'] as const;
export type ImportEntity = (typeof importEntities)[number];
/** The right an import of each entity needs: a customer's purchases are part of its archive. */
export const importPermissions: Record<ImportEntity, Permission> = {
  customers: 'customers.import',
  contacts: 'contacts.import',
  leads: 'leads.import',
  purchases: 'customers.import',
};
/** The duplicate modes an entity offers: a purchase identical to a stored one has nothing to update. */
export function duplicateModesOf(entity: ImportEntity): readonly DuplicateMode[] {
  return entity === 'purchases' ? ['skip', 'create'] : duplicateModes;
}
/** What list views can be exported (and what the export log records). */
export const exportEntities = ['customers', 'contacts'] as const;
export type ExportEntity = (typeof exportEntities)[number];
/** What the export log lists: the list exports, the analytics dashboards' sheets (a chart's figures or customers) and the receivables aging. */
export const exportLogEntities = [...exportEntities, 'analytics', 'receivables'] as const;
export type ExportLogEntity = (typeof exportLogEntities)[number];
/** A row that looks like an existing customer (or contact): leave it, update the existing, or create anyway. */
export const duplicateModes = ['skip', 'update', 'create'] as const;
export type DuplicateMode = (typeof duplicateModes)[number];
/** uploaded (mapping not chosen yet) -> queued -> running -> finished | failed | cancelled. */
export const importStatuses = ['uploaded', 'queued', 'running', 'finished', 'failed', 'cancelled'] as const;
export type ImportStatus = (typeof importStatuses)[number];
export const importOutcomes = ['created', 'updated', 'skipped', 'rejected'] as const;
export type ImportOutcome = (typeof importOutcomes)[number];
export const importFormats = ['csv', 'xlsx'] as const;
export type ImportFormat = (typeof importFormats)[number];

/** Upload: the file is the raw request body; these travel in the query string. */
export const importUploadQuery = z
  .object({
    entity: z.enum(importEntities),
    fileName: z.string().trim().min(1).max(255),
  })
  .strict();
export type ImportUploadQuery = z.input<typeof importUploadQuery>;

/**
 * Column -> field. A key is a column's index ("0", "1", ...) or its header text; a value is a
 * field key (`name`, `person.birthday`, `custom.<key>`...) or null to leave the column out.
 */
export const importMapping = z.record(z.string().max(200), z.string().max(100).nullable());
export type ImportMapping = z.infer<typeof importMapping>;

/**
 * Field -> the cell text found in the file -> the option value it stands for, or null to leave
 * the field empty (with a warning on the row). Only enum fields (客户类别, 客户状态...) take one.
 */
export const importValueMapping = z.record(z.string().max(100), z.record(z.string().max(200), z.string().max(100).nullable()));
export type ImportValueMapping = z.infer<typeof importValueMapping>;

export const importRun = z
  .object({
    mapping: importMapping,
    duplicateMode: z.enum(duplicateModes).default('skip'),
    /** The value-mapping step's choices; a value it leaves out gets the suggestion (or stays empty with a warning). */
    values: importValueMapping.default({}),
  })
  .strict();
export type ImportRun = z.input<typeof importRun>;

/** A field a column can be mapped to, labelled in the caller's language. */
export const importField = z.object({ key: z.string(), label: z.string(), required: z.boolean() });
export type ImportField = z.infer<typeof importField>;

export const importJob = z.object({
  id: z.number().int(),
  entity: z.enum(importEntities),
  fileName: z.string(),
  status: z.enum(importStatuses),
  format: z.enum(importFormats),
  /** CSV only: utf-8, utf-8-bom or gb18030. */
  encoding: z.string().nullable(),
  /** CSV only: the column separator found in the header line. */
  delimiter: z.string().nullable(),
  headers: z.array(z.string()),
  /** The first rows of the file, as text. */
  sampleRows: z.array(z.array(z.string())),
  totalRows: z.number().int(),
  processed: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  rejected: z.number().int(),
  duplicateMode: z.enum(duplicateModes).nullable(),
  /** The mapping the job runs with (null until started). */
  mapping: importMapping.nullable(),
  /** The value mapping the job runs with (null until started). */
  valueMapping: importValueMapping.nullable(),
  /** Column index -> field: the caller's last mapping for these headers, else recognised headers. */
  suggestedMapping: importMapping,
  fields: z.array(importField),
  error: z.string().nullable(),
  createdBy: z.number().int(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type ImportJob = z.infer<typeof importJob>;
export const importJobList = listOf(importJob);

export const importListQuery = z
  .object({
    page: pageQuery.page,
    pageSize: pageQuery.pageSize,
    entity: z.enum(importEntities).optional(),
    status: z.enum(importStatuses).optional(),
  })
  .strict();
export type ImportListQuery = z.input<typeof importListQuery>;

/** `warning`: the row is still imported (a value left empty, an owner that names nobody...). */
export const importRowMessage = z.object({ field: z.string(), message: z.string(), warning: z.boolean().optional() });

/** Asking for the distinct values of the mapped enum columns (the value-mapping step). */
export const importValuesRequest = z.object({ mapping: importMapping }).strict();
export type ImportValuesRequest = z.input<typeof importValuesRequest>;

/** One distinct cell text of an enum column: how often it occurs, what it seems to mean, and what the user chose last time. */
export const importValueRow = z.object({
  text: z.string(),
  count: z.number().int(),
  /** The option the text names, the user's last choice for it, or the synonym table's guess; null: none. */
  suggested: z.string().nullable(),
  /** Whether the text is exactly an option (value or label): nothing to choose. */
  exact: z.boolean(),
});
export const importValueColumn = z.object({
  column: z.number().int(),
  field: z.string(),
  label: z.string(),
  required: z.boolean(),
  options: z.array(z.object({ value: z.string(), label: z.string() })),
  /** Most frequent first, at most 200. */
  values: z.array(importValueRow),
  /** More distinct values than listed. */
  truncated: z.boolean(),
});
export const importValues = z.object({ columns: z.array(importValueColumn) });
export type ImportValues = z.infer<typeof importValues>;
export const importPreviewRow = z.object({
  /** 1-based number of the data row (the header is not counted). */
  rowNo: z.number().int(),
  outcome: z.enum(importOutcomes),
  messages: z.array(importRowMessage),
  values: z.array(z.string()),
});
export const importPreview = z.object({ rows: z.array(importPreviewRow), totalRows: z.number().int() });
export type ImportPreview = z.infer<typeof importPreview>;

export const importReportQuery = z
  .object({
    format: z.enum(importFormats).default('csv'),
    /** `rejected`: only the rows that were refused, to fix and import again. */
    only: z.enum(importOutcomes).optional(),
  })
  .strict();
export type ImportReportQuery = z.input<typeof importReportQuery>;

/** Export of a list view: its filters (the list's own query parameters) plus these. */
export const exportFormats = importFormats;
export const exportParams = z.object({
  format: z.enum(exportFormats).default('csv'),
  /** Comma-separated column keys (as `fields` of the import, plus archiveNo, createdAt...); default: the usual list columns. */
  columns: z.string().max(2000).optional(),
});
export type ExportParams = z.input<typeof exportParams>;

export const exportLogEntry = z.object({
  id: z.number().int(),
  userId: z.number().int(),
  userName: z.string().nullable(),
  at: z.string(),
  entity: z.enum(exportLogEntities),
  filter: z.record(z.string(), z.unknown()),
  columns: z.array(z.string()),
  format: z.enum(exportFormats),
  rowCount: z.number().int(),
  /** Null while the file is still being written, or when the download was abandoned. */
  finishedAt: z.string().nullable(),
});
export type ExportLogEntry = z.infer<typeof exportLogEntry>;
export const exportLogList = listOf(exportLogEntry);
export const exportLogQuery = z
  .object({
    page: pageQuery.page,
    pageSize: pageQuery.pageSize,
    entity: z.enum(exportLogEntities).optional(),
    userId: id.optional(),
  })
  .strict();
export type ExportLogQuery = z.input<typeof exportLogQuery>;
