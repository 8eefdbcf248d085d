export { notificationKeys, useMarkNotificationRead, useNotifications } from './api';
export { NotificationBell, targetOf as notificationTarget } from './components/notification-bell';
