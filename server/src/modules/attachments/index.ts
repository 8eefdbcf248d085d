export { attachmentRoutes } from './attachments.routes.js';
export { moveAttachments, purgeCustomerAttachments } from './attachments.service.js';
