export { CustomerQuotes, DealQuotes } from './components/customer-quotes';
// Contracts show and edit their lines as quotes do (the same arithmetic and form).
export { QuoteLinesTable } from './components/quote-lines-table';
export { QuoteLinesEditor } from './components/quote-lines-editor';
export { linesPayload, previewTotals, type LineValues } from './components/quote-form-model';
