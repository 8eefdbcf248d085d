export { activityRoutes } from './activities.routes.js';
// Follow-ups and tasks follow their customers through merges (app.ts registers the listener) and go with them when erased (the recycle bin calls it).
export { activitiesFollowCustomer, purgeCustomerActivities } from './activities.events.js';
// Task reminders, run by the scheduler (main.ts); the calendar reads tasks and follow-ups by day.
export { runTaskReminders, taskRemindersTask } from './tasks.reminders.js';
export { calendarActivities, type CalendarWho } from './activities.calendar.js';
// The workbench: my tasks today and overdue, my customers due for a follow-up, my follow-ups this month.
export { myTaskAgenda, myDueCustomers, myFollowUpCount } from './activities.workbench.js';
// A user's follow-ups and tasks in a span of time, for work reports (日报/周报).
export { followUpsByAuthor, tasksDoneBy, openTasksDue, type AuthoredFollowUp, type TaskLine } from './activities.figures.js';
// Demo data: the same use cases as the routes.
export { createFollowUp } from './followups.service.js';
export { createTask } from './tasks.service.js';
