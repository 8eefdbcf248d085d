export { CustomerAttachments, ContractAttachments } from './components/customer-attachments';
