export { notificationRoutes } from './notifications.routes.js';
export { notify } from './notifications.service.js';
// The workbench's reminders.
export { unreadOfKinds } from './notifications.service.js';
