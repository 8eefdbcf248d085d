// The salesperson's day: follow-ups (with the contact guard) and tasks.
export { useDueTaskCount } from './api';
export { ContactGuardSettingsCard } from './components/contact-guard-settings-card';
export { CustomerActivities } from './components/customer-activities';
