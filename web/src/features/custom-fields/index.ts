export { useActiveCustomFields, useCustomFields, type CustomField, type CustomFieldEntity } from './api';
export { CustomFieldDescriptions } from './components/custom-field-descriptions';
export { CustomFieldInput, CustomFieldItems } from './components/custom-field-inputs';
export {
  customFieldLabel,
  customFromFormValues,
  customPath,
  customToFormValues,
  formatCustomValue,
  withoutEmptyCustom,
} from './components/custom-field-values';
export { CustomFieldFilters } from './components/custom-field-filters';
export { customFilterEntries, keepCustomFilters } from './custom-filter-params';
