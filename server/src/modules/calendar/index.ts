// The calendar (日历) of tasks, follow-ups and care reminders, and each user's private iCalendar feed.
export { calendarRoutes } from './calendar.routes.js';
