export { useDepartments } from './api';
export { buildDepartmentTree, treeSelectData } from './components/department-tree';
