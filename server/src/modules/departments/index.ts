export { departmentRoutes } from './departments.routes.js';
export { departmentInfo, departmentExists, managerChain } from './departments.service.js';
