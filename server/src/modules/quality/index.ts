export { qualityRoutes } from './quality.routes.js';
