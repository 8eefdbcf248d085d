// Saved list views (视图) of the customer, contact, lead and deal lists.
export { listViewRoutes } from './list-views.routes.js';
