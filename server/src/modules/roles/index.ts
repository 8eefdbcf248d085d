export { roleRoutes } from './roles.routes.js';
export { loadGrant, ensureBuiltInRoles, roleIdByKey, parsePermissions } from './roles.service.js';
export { builtInRoles } from './built-in-roles.js';
// Names of the roles approval steps name.
export { roleNames } from './roles.service.js';
