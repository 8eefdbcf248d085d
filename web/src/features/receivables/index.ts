// The contract page's 回款 card.
export { ContractReceivablesCard } from './components/receivables-card';
