export { CustomerQuality } from './components/customer-quality';
