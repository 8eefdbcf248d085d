export { CustomerQuotes } from './components/customer-quotes';
