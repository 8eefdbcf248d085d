export { leadFormRoutes } from './lead-forms.routes.js';
