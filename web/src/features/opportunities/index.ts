export { CustomerDeals } from './components/customer-deals';
export { useOpportunitySearch } from './components/opportunity-search';
// How a deal's history entry reads on its customer's timeline.
export { DealChanges } from './components/deal-changes';
