export { targetRoutes } from './targets.routes.js';
