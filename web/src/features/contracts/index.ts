// Cards of the customer and deal pages, the won deal's offer, and how contract changes read on a timeline.
export { CustomerContracts, DealContracts, WonDealContractOffer } from './components/related-contracts';
export { ContractChanges } from './components/contract-changes';
