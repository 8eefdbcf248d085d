// The calendar (日历), its private subscription, and the care reminder settings (关怀提醒).
export { calendarKeys } from './api';
