export { roleRoutes } from './roles.routes.js';
export { loadGrant, ensureBuiltInRoles, roleIdByKey, parsePermissions } from './roles.service.js';
export { builtInRoles } from './built-in-roles.js';
