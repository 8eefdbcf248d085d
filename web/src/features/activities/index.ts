// The salesperson's day: follow-ups (with the contact guard) and tasks.
export { useDueTaskCount } from './api';
export { ContactGuardSettingsCard } from './components/contact-guard-settings-card';
// The customer page: the composer over the timeline (centre), the open tasks (beside it).
export { CustomerActivities } from './components/customer-activities';
export { CustomerTasksCard } from './components/customer-tasks-card';
