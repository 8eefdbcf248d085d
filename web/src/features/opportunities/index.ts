export { CustomerDeals } from './components/customer-deals';
export { useOpportunitySearch } from './components/opportunity-search';
