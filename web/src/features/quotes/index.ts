export { CustomerQuotes, DealQuotes } from './components/customer-quotes';
