export { useCustomer, useCustomerList } from './api';
export { prefetchCustomerListPage } from './list-prefetch';
export { customerFieldKinds, fieldLabel, formatFieldValue, organizationSections, personSections } from './components/customer-fields';
export { CustomerFilters } from './components/customer-filters';
export { useCustomerLists } from './components/customer-lists';
export { pageSizes, parseListParams, toApiQuery, toSearchParams, type CustomerListParams } from './components/customer-list-params';
