export { notificationKeys, useNotifications } from './api';
export { NotificationBell } from './components/notification-bell';
