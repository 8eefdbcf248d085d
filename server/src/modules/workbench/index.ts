// The workbench (个人中心): reads every other module through its index.ts; owns no table.
export { workbenchRoutes } from './workbench.routes.js';
