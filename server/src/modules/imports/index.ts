export { importRoutes } from './imports.routes.js';
export { runImportWorker, kickImportWorker, ImportWorker, type WorkerOptions } from './worker.js';
// Exports share the field labels and the spreadsheet writer.
export { customerFields, contactFields, optionLabel, type FieldDef } from './fields.js';
export { tableStream, contentDisposition, contentTypes, csvField, moneyCell, dateCell, instantCell, codeCell, type Cell } from './table-file.js';
export { fieldsWithCustom } from './plan.js';
