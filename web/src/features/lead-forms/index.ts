export { useLeadForms } from './api';
