import { idParams, importJob, importJobList, importListQuery, importPreview, importReportQuery, importRun, importUploadQuery, importValues, importValuesRequest } from '@crm/contracts';
import type { AppContext } from '../../platform/context.js';
import type { Router } from '../../platform/http/route.js';
import * as service from './imports.service.js';

/** CSV (UTF-8 with a byte-order mark) or .xlsx, as `format` asks. */
const tabular = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];

export function importRoutes(r: Router, ctx: AppContext): void {
  const tag = 'imports';
  r.route({ method: 'POST', url: '/imports', access: { anyOf: ['customers.import', 'contacts.import', 'leads.import'] }, summary: 'Upload a CSV (UTF-8 or GBK; comma, tab or semicolon) or .xlsx file to import: the raw file as application/octet-stream, at most 50 MB. Answers the headers, first rows and a suggested mapping', tag, query: importUploadQuery, response: importJob, upload: { maxBytes: service.uploadLimitBytes },
    handler: ({ actor, query, file, locale }) => service.uploadImport(ctx, actor, query, file, locale) });
  r.route({ method: 'GET', url: '/imports', access: { anyOf: ['customers.import', 'contacts.import', 'leads.import', 'settings.view'] }, summary: 'Your imports (everybody\'s with settings.view and the data scope all), newest first', tag, query: importListQuery, response: importJobList,
    handler: ({ actor, query, locale }) => service.listImports(ctx, actor, query, locale) });
  r.route({ method: 'GET', url: '/imports/:id', access: { anyOf: ['customers.import', 'contacts.import', 'leads.import', 'settings.view'] }, summary: 'An import and its progress', tag, params: idParams, response: importJob,
    handler: ({ actor, params, locale }) => service.getImport(ctx, actor, params.id, locale) });
  r.route({ method: 'POST', url: '/imports/:id/values', access: { anyOf: ['customers.import', 'contacts.import', 'leads.import', 'settings.view'] }, summary: 'The value-mapping step: for each mapped choice column, the distinct values of the file (at most 200, most frequent first) with counts and a suggested option', tag, params: idParams, body: importValuesRequest, response: importValues, status: 200,
    handler: ({ actor, params, body, locale }) => service.importValuesOf(ctx, actor, params.id, body, locale) });
  r.route({ method: 'POST', url: '/imports/:id/preview', access: { anyOf: ['customers.import', 'contacts.import', 'leads.import', 'settings.view'] }, summary: 'What the first 20 rows would become with this mapping and duplicate handling (nothing is written)', tag, params: idParams, body: importRun, response: importPreview, status: 200,
    handler: ({ actor, params, body, locale }) => service.previewImport(ctx, actor, params.id, body, locale) });
  r.route({ method: 'POST', url: '/imports/:id/start', access: { anyOf: ['customers.import', 'contacts.import', 'leads.import', 'settings.view'] }, summary: 'Run the import in the background with this mapping (remembered for your next file)', tag, params: idParams, body: importRun, response: importJob, status: 200,
    handler: ({ actor, params, body, locale }) => service.startImport(ctx, actor, params.id, body, locale) });
  r.route({ method: 'POST', url: '/imports/:id/cancel', access: { anyOf: ['customers.import', 'contacts.import', 'leads.import', 'settings.view'] }, summary: 'Stop an import after its current batch; rows already imported stay', tag, params: idParams, response: importJob, status: 200,
    handler: ({ actor, params, locale }) => service.cancelImport(ctx, actor, params.id, locale) });
  r.route({ method: 'GET', url: '/imports/:id/report', access: { anyOf: ['customers.import', 'contacts.import', 'leads.import', 'settings.view'] }, summary: 'Download the result of every processed row (created, updated, skipped, rejected with the reason) as CSV or .xlsx', tag, params: idParams, query: importReportQuery, download: tabular,
    handler: ({ actor, params, query, locale, reply }) => service.importReport(ctx, actor, params.id, query, locale, reply) });
}
