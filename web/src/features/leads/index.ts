export { leadKeys, useLeadList, useLeadSources } from './api';
export { GradeTag, LeadStatusTag, sourceOptions, useSourceLabels } from './components/lead-bits';
