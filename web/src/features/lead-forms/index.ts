export { useLeadForms } from './api';
export { PublicFormPage } from './pages/public-form-page';
