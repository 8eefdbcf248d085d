export { reminderRoutes } from './reminders.routes.js';
// A customer erased for good takes its care reminders with it (app.ts registers the listener).
export { remindersFollowCustomer } from './reminders.events.js';
// Care reminders (关怀提醒), made by the scheduler (main.ts); the calendar lists them.
export { runCareReminders, careRemindersTask } from './reminders.generate.js';
export { calendarCareReminders } from './reminders.calendar.js';
