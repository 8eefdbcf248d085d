export { customFieldRoutes } from './custom-fields.routes.js';
export {
  loadCustomFields,
  parseCustomValues,
  mergeCustomValues,
  checkCustomValues,
  visibleCustomValues,
  activeCustomKeys,
  customFiltersOf,
  type CustomFieldDef,
  type CustomFieldSet,
  type CustomFilter,
  type ParseOptions,
} from './custom-fields.values.js';
export { customFilterCondition } from './custom-fields.sql.js';
