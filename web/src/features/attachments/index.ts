export { CustomerAttachments } from './components/customer-attachments';
