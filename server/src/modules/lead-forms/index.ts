export { leadFormRoutes } from './lead-forms.routes.js';
// Demo data: the same use case as the route.
export { createForm } from './lead-forms.service.js';
