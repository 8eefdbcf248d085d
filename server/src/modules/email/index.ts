export { emailRoutes } from './email.routes.js';
// Other modules queue their emails in their own transactions.
export { enqueueEmail, outboxEmail, type EmailToQueue } from './email.outbox.js';
export { htmlOf, excerpt } from './email.render.js';
export { runEmailSender, emailSenderTask, type SenderRun } from './email.sender.js';
