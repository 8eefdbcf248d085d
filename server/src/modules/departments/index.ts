export { departmentRoutes } from './departments.routes.js';
export { departmentInfo, departmentTree, departmentExists, managerChain, seedDepartment, seedDepartmentManager } from './departments.service.js';
