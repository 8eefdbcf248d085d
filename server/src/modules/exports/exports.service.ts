import {
  contactListQuery,
  customerListQuery,
  exportParams,
  type Customer,
  type ExportLogEntry,
  type exportLogQuery,
  type ExportEntity,
  type ExportLogEntity,
  type ListResponse,
  type Locale,
} from '@crm/contracts';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { authorize, type Actor } from '../../platform/auth/actor.js';
import { companyTimeZone, localDate } from '../../platform/company.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { t } from '../../platform/i18n.js';
import { parse } from '../../platform/validation.js';
import { contactExportPage, contactListFilter, type ContactExportRow } from '../contacts/index.js';
import type { CustomFieldDef } from '../custom-fields/index.js';
import { customerExportPage, customerListFilter, customerSortKey, presentCustomerRows, type ExportCursor } from '../customers/index.js';
import {
  codeCell,
  contactFields,
  contentDisposition,
  contentTypes,
  customerFields,
  dateCell,
  fieldsWithCustom,
  instantCell,
  moneyCell,
  optionLabel,
  tableStream,
  type Cell,
  type FieldDef,
} from '../imports/index.js';
import { userNames } from '../users/index.js';
import { loggedRows } from './exports.log.js';
import * as repo from './exports.repository.js';

const pageSize = 500;

const defaultColumns: Record<ExportEntity, string[]> = {
  customers: ['archiveNo', 'name', 'kind', 'category', 'status', 'owner', 'industry', 'province', 'city', 'district', 'phone', 'mobile', 'email', 'source', 'tags', 'updatedAt'],
  contacts: ['customerArchiveNo', 'customer', 'name', 'title', 'department', 'mobile', 'phone', 'email', 'wechat', 'isPrimary'],
};

/** Split a list-export query: the export's own parameters, and the list's filters (checked by the list's schema). */
function splitQuery(raw: unknown): { own: Record<string, unknown>; list: Record<string, unknown> } {
  const { format, columns, ...list } = (raw ?? {}) as Record<string, unknown>;
  const own: Record<string, unknown> = {};
  if (format !== undefined) own.format = format;
  if (columns !== undefined) own.columns = columns;
  return { own, list };
}

/** The requested columns (all valid, each once), else the list's usual columns. */
async function chooseColumns(ctx: AppContext, entity: ExportEntity, requested: string | undefined, locale: Locale): Promise<{ columns: FieldDef[]; custom: CustomFieldDef[] }> {
  const { fields, custom } = await fieldsWithCustom(ctx.db, entity);
  const base = entity === 'customers' ? customerFields : contactFields;
  const byKey = new Map([...base, ...fields].filter((f) => !f.importOnly).map((f) => [f.key, f]));
  const keys = requested ? [...new Set(requested.split(',').map((s) => s.trim()).filter(Boolean))] : defaultColumns[entity];
  const unknown = keys.filter((k) => !byKey.has(k));
  if (unknown.length > 0) {
    throw new AppError('VALIDATION_FAILED', 'validationFailed', unknown.map((column) => ({ path: 'columns', message: t(locale, 'exportUnknownColumn', { column }) })));
  }
  return { columns: keys.map((k) => byKey.get(k)).filter((f): f is FieldDef => f !== undefined), custom: custom.fields };
}

function valueAt(record: Record<string, unknown>, path: string): unknown {
  const dot = path.indexOf('.');
  if (dot < 0) return record[path];
  const nested = record[path.slice(0, dot)];
  return nested !== null && typeof nested === 'object' ? (nested as Record<string, unknown>)[path.slice(dot + 1)] : undefined;
}

/** A custom value as a person reads it: option labels, yes/no, yuan, user names. */
function customCell(def: CustomFieldDef | undefined, value: unknown, locale: Locale, users: Map<number, string>): Cell {
  if (value === null || value === undefined) return null;
  const label = (v: unknown) => {
    const option = def?.options.find((o) => o.value === v);
    return option ? (locale === 'en' ? option.labelEn : option.labelZh) : String(v);
  };
  switch (def?.type) {
    case 'single_select':
      return label(value);
    case 'multi_select':
      return Array.isArray(value) ? value.map(label).join(locale === 'en' ? ', ' : '、') : label(value);
    case 'boolean':
      return t(locale, value === true ? 'exportYes' : 'exportNo');
    case 'money':
      return typeof value === 'number' ? moneyCell(value) : String(value);
    case 'date':
      return typeof value === 'string' ? dateCell(value) : String(value);
    case 'user':
      return typeof value === 'number' ? (users.get(value) ?? String(value)) : String(value);
    case 'number':
      return typeof value === 'number' ? value : String(value);
    default:
      return Array.isArray(value) ? value.join(', ') : String(value);
  }
}

/** A field's value as a spreadsheet should hold it: labels, yuan, dates, times, identifiers as text. */
function cellOf(field: FieldDef, value: unknown, locale: Locale): Cell {
  if (value === null || value === undefined) return null;
  if (field.kind === 'enum' && typeof value === 'string') return optionLabel(field, value, locale);
  if (field.kind === 'bool') return t(locale, value ? 'exportYes' : 'exportNo');
  if (field.kind === 'money' && typeof value === 'number') return moneyCell(value);
  if (field.kind === 'date' && typeof value === 'string') return dateCell(value);
  if (field.kind === 'datetime' && typeof value === 'string') return instantCell(value);
  if (Array.isArray(value)) return value.join(locale === 'en' ? ', ' : '、');
  if (typeof value === 'number') return value;
  if (field.code) return codeCell(String(value));
  return String(value);
}

async function customUserNames(ctx: AppContext, custom: CustomFieldDef[], columns: FieldDef[], records: Array<{ custom: Record<string, unknown> }>): Promise<Map<number, string>> {
  const userKeys = custom.filter((f) => f.type === 'user' && columns.some((c) => c.key === `custom.${f.key}`)).map((f) => f.key);
  if (userKeys.length === 0) return new Map();
  const ids = records.flatMap((r) => userKeys.map((k) => r.custom[k])).filter((v): v is number => typeof v === 'number');
  return userNames(ctx, ids);
}

/** Today in the company's time zone, for the file name: 20261204. */
function today(ctx: AppContext, timeZone: string): string {
  return localDate(ctx.clock.now(), timeZone).replace(/-/g, '');
}

/**
 * Stream a list view to a file while logging it: the log entry is written first (a download
 * that is abandoned stays logged with the rows sent so far) and completed at the end.
 */
async function streamExport<T>(
  ctx: AppContext,
  actor: Actor,
  spec: {
    entity: ExportEntity;
    format: 'csv' | 'xlsx';
    columns: FieldDef[];
    filter: Record<string, unknown>;
    sheet: string;
    pages: () => AsyncGenerator<T[]>;
    cells: (items: T[]) => Promise<Cell[][]>;
  },
  locale: Locale,
  reply: FastifyReply,
) {
  async function* cells(): AsyncGenerator<Cell[]> {
    for await (const page of spec.pages()) {
      for (const row of await spec.cells(page)) yield row;
    }
  }
  const rows = await loggedRows(ctx, actor, { entity: spec.entity, format: spec.format, filter: spec.filter, columns: spec.columns.map((c) => c.key) }, cells());
  const timeZone = await companyTimeZone(ctx.db);
  reply.header('content-type', contentTypes[spec.format]);
  reply.header('content-disposition', contentDisposition(`${spec.sheet}-${today(ctx, timeZone)}.${spec.format}`));
  return tableStream(spec.format, spec.sheet, spec.columns.map((c) => c.labels[locale]), rows, { timeZone });
}

/** GET /customers/export: the customer list with the same filters and sort, in the actor's data scope. */
export async function exportCustomers(ctx: AppContext, actor: Actor, rawQuery: unknown, locale: Locale, reply: FastifyReply) {
  authorize(actor, 'customers.export');
  const { own, list } = splitQuery(rawQuery);
  const params = parse(exportParams, own, locale);
  const query = parse(customerListQuery, list, locale);
  const { columns, custom } = await chooseColumns(ctx, 'customers', params.columns, locale);
  const customByKey = new Map(custom.map((f) => [f.key, f]));
  const filter = await customerListFilter(ctx, actor, query);
  const sort = { key: customerSortKey(query.sort), desc: query.sort.startsWith('-') };
  const { page: _page, pageSize: _pageSize, ...logged } = query;
  return streamExport<Customer>(
    ctx,
    actor,
    {
      entity: 'customers',
      format: params.format,
      columns,
      filter: logged,
      sheet: t(locale, 'exportSheetCustomers'),
      async *pages() {
        let cursor: ExportCursor = null;
        do {
          const page = await customerExportPage(ctx.db, ctx, filter, sort, cursor, pageSize);
          if (page.rows.length > 0) yield await presentCustomerRows(ctx, actor, page.rows);
          cursor = page.next;
        } while (cursor);
      },
      async cells(items) {
        const users = await customUserNames(ctx, custom, columns, items);
        return items.map((c) =>
          columns.map((field) => {
            if (field.key === 'owner') return c.ownerName;
            if (field.key.startsWith('custom.')) return customCell(customByKey.get(field.key.slice(7)), c.custom[field.key.slice(7)], locale, users);
            return cellOf(field, valueAt(c as unknown as Record<string, unknown>, field.key), locale);
          }),
        );
      },
    },
    locale,
    reply,
  );
}

/** GET /contacts/export: contacts of the customers in the actor's data scope, with the list's filters. */
export async function exportContacts(ctx: AppContext, actor: Actor, rawQuery: unknown, locale: Locale, reply: FastifyReply) {
  authorize(actor, 'contacts.export');
  const { own, list } = splitQuery(rawQuery);
  const params = parse(exportParams, own, locale);
  const query = parse(contactListQuery, list, locale);
  const { columns, custom } = await chooseColumns(ctx, 'contacts', params.columns, locale);
  const customByKey = new Map(custom.map((f) => [f.key, f]));
  const filter = await contactListFilter(ctx, actor, query);
  const { page: _page, pageSize: _pageSize, ...logged } = query;
  return streamExport<ContactExportRow>(
    ctx,
    actor,
    {
      entity: 'contacts',
      format: params.format,
      columns,
      filter: logged,
      sheet: t(locale, 'exportSheetContacts'),
      async *pages() {
        let after = 0;
        for (;;) {
          const rows = await contactExportPage(ctx.db, filter, after, pageSize);
          if (rows.length > 0) yield rows;
          const last = rows[rows.length - 1];
          if (rows.length < pageSize || !last) return;
          after = last.id;
        }
      },
      async cells(items) {
        const records = items.map((k) => ({
          customerArchiveNo: k.customer_archive_no, customer: k.customer_name, name: k.name, title: k.title, department: k.department,
          mobile: k.mobile, phone: k.phone, email: k.email, wechat: k.wechat, birthday: k.birthday, isPrimary: k.is_primary === 1,
          notes: k.notes, createdAt: k.created_at, updatedAt: k.updated_at, custom: JSON.parse(k.custom) as Record<string, unknown>,
        }));
        const users = await customUserNames(ctx, custom, columns, records);
        return records.map((r) =>
          columns.map((field) =>
            field.key.startsWith('custom.')
              ? customCell(customByKey.get(field.key.slice(7)), r.custom[field.key.slice(7)], locale, users)
              : cellOf(field, valueAt(r, field.key), locale),
          ),
        );
      },
    },
    locale,
    reply,
  );
}

/** Who exported what, when, with which filter and how many rows (settings.view). */
export async function listExports(ctx: AppContext, actor: Actor, query: z.output<typeof exportLogQuery>): Promise<ListResponse<ExportLogEntry>> {
  authorize(actor, 'settings.view');
  const { rows, total } = await repo.listLog(ctx.db, { entity: query.entity, userId: query.userId }, query.pageSize, (query.page - 1) * query.pageSize);
  const names = await userNames(ctx, rows.map((r) => r.user_id));
  return {
    items: rows.map((r) => ({
      id: r.id,
      userId: r.user_id,
      userName: names.get(r.user_id) ?? null,
      at: r.at,
      entity: r.entity as ExportLogEntity,
      filter: JSON.parse(r.filter) as Record<string, unknown>,
      columns: JSON.parse(r.columns) as string[],
      format: r.format as 'csv' | 'xlsx',
      rowCount: r.row_count,
      finishedAt: r.finished_at,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
