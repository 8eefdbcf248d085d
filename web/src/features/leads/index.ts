export { leadKeys, useLeadList, useLeadSources } from './api';
export { ManagedListForm } from './pages/lead-sources-page';
export { GradeTag, LeadStatusTag, sourceOptions, useSourceLabels } from './components/lead-bits';
export { CustomerSelect } from './components/customer-select';
// How a lead's history entry reads on its customer's timeline (the conversion).
export { LeadChanges } from './components/lead-history';
