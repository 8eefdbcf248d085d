// Email: notification emails chosen by each user and emails to customers (the settings page, 设置 → 邮件设置, loads on its own).
export { useSendCustomerEmail } from './api';
export { NotificationPreferencesModal } from './components/notification-preferences-modal';
