export { leadRoutes } from './leads.routes.js';
