export { notificationRoutes } from './notifications.routes.js';
export { notify } from './notifications.service.js';
