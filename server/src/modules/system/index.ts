export { systemRoutes, appVersion } from './system.routes.js';
