import {
  attachment,
  attachmentHardLimitMb,
  attachmentList,
  attachmentListQuery,
  attachmentSettings,
  attachmentSettingsUpdate,
  attachmentUploadQuery,
  idParams,
} from '@crm/contracts';
import type { AppContext } from '../../platform/context.js';
import type { Router } from '../../platform/http/route.js';
import * as service from './attachments.service.js';

export function attachmentRoutes(r: Router, ctx: AppContext): void {
  const tag = 'attachments';
  const upload = { maxBytes: attachmentHardLimitMb * 1024 * 1024 };
  r.route({ method: 'POST', url: '/customers/:id/attachments', access: 'customers.edit', summary: "Attach a file to a customer: the file is the request body (application/octet-stream), ?fileName= names it (customers.edit)", tag, params: idParams, query: attachmentUploadQuery, upload, response: attachment,
    handler: ({ actor, params, query, file, locale }) => service.uploadAttachment(ctx, actor, { customerId: params.id }, query.fileName, file, locale) });
  r.route({ method: 'POST', url: '/contacts/:id/attachments', access: 'contacts.edit', summary: "Attach a file to a contact: the file is the request body (application/octet-stream), ?fileName= names it (contacts.edit)", tag, params: idParams, query: attachmentUploadQuery, upload, response: attachment,
    handler: ({ actor, params, query, file, locale }) => service.uploadAttachment(ctx, actor, { contactId: params.id }, query.fileName, file, locale) });
  r.route({ method: 'POST', url: '/contracts/:id/attachments', access: 'contracts.edit', summary: "Attach a file to a contract (the signed scan): the file is the request body (application/octet-stream), ?fileName= names it (contracts.edit)", tag, params: idParams, query: attachmentUploadQuery, upload, response: attachment,
    handler: ({ actor, params, query, file, locale }) => service.uploadAttachment(ctx, actor, { contractId: params.id }, query.fileName, file, locale) });
  r.route({ method: 'GET', url: '/contracts/:id/attachments', access: 'contracts.view', summary: "A contract's files, newest first", tag, params: idParams, query: attachmentListQuery, response: attachmentList,
    handler: ({ actor, params, query }) => service.listContractAttachments(ctx, actor, params.id, query) });
  r.route({ method: 'GET', url: '/customers/:id/attachments', access: 'customers.view', summary: "A customer's files and its contacts' files, newest first", tag, params: idParams, query: attachmentListQuery, response: attachmentList,
    handler: ({ actor, params, query }) => service.listCustomerAttachments(ctx, actor, params.id, query) });
  r.route({ method: 'GET', url: '/contacts/:id/attachments', access: 'contacts.view', summary: "A contact's files, newest first", tag, params: idParams, query: attachmentListQuery, response: attachmentList,
    handler: ({ actor, params, query }) => service.listContactAttachments(ctx, actor, params.id, query) });
  r.route({ method: 'GET', url: '/attachments/:id/download', access: { anyOf: ['customers.view', 'contracts.view'] }, summary: 'Download a file of a record you may see (always as an attachment)', tag, params: idParams, download: ['*/*'],
    handler: ({ actor, params, reply }) => service.downloadAttachment(ctx, actor, params.id, reply) });
  r.route({ method: 'DELETE', url: '/attachments/:id', access: { anyOf: ['customers.edit', 'contacts.edit', 'contracts.edit'] }, summary: "Remove a file (edit right on its record)", tag, params: idParams, status: 204,
    handler: ({ actor, params }) => service.deleteAttachment(ctx, actor, params.id) });
  r.route({ method: 'GET', url: '/settings/attachments', access: 'signedIn', summary: 'Attachment limits: size and allowed file types (any signed-in user reads them)', tag, response: attachmentSettings,
    handler: ({ actor }) => service.getAttachmentSettings(ctx, actor) });
  r.route({ method: 'PUT', url: '/settings/attachments', access: 'settings.edit', summary: 'Change the attachment limits; 409 when your version is stale (settings.edit)', tag, body: attachmentSettingsUpdate, response: attachmentSettings,
    handler: ({ actor, body }) => service.updateAttachmentSettings(ctx, actor, body) });
}
