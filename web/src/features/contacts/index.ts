export { useContactList } from './api';
export { ContactFormDrawer } from './components/contact-form-drawer';
export { CustomerContacts } from './components/customer-contacts';
