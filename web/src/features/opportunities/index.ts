export { CustomerDeals } from './components/customer-deals';
