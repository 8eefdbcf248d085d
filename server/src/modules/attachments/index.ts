export { attachmentRoutes } from './attachments.routes.js';
export { moveAttachments, purgeCustomerAttachments, purgeContractAttachments } from './attachments.service.js';
