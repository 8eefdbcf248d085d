export { departmentRoutes } from './departments.routes.js';
export { departmentInfo, departmentExists } from './departments.service.js';
