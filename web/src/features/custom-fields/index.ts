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
export { CustomFieldFilters, customFilterEntries, keepCustomFilters } from './components/custom-field-filters';
