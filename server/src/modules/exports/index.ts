export { exportRoutes } from './exports.routes.js';
// Files of records made elsewhere (the analytics dashboards' sheets) are logged as exports too.
export { loggedRows } from './exports.log.js';
