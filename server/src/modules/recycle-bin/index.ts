export { recycleBinRoutes } from './recycle-bin.routes.js';
