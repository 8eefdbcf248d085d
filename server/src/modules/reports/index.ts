// Work reports (工作日报/周报): written by each salesperson, read and commented on by their managers.
export { reportRoutes } from './reports.routes.js';
