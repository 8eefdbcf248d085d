export { departmentRoutes } from './departments.routes.js';
export { departmentInfo, departmentExists, managerChain, seedDepartment, seedDepartmentManager } from './departments.service.js';
