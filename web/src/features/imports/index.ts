export { ExportButton } from './components/export-button';
export { ImportButton } from './components/import-button';
