export { opportunityRoutes } from './opportunities.routes.js';
