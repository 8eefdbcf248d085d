export { useRoles } from './api';
