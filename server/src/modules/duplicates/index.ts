export { duplicateRoutes } from './duplicates.routes.js';
export { checkDuplicates } from './duplicates.service.js';
export { mergeCustomers } from './duplicates.merge.js';
