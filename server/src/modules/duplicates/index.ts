export { duplicateRoutes } from './duplicates.routes.js';
export { checkDuplicates, mergedNotFound } from './duplicates.service.js';
export { mergeCustomers } from './duplicates.merge.js';
