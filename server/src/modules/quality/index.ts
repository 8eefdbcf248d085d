export { qualityRoutes } from './quality.routes.js';
export { completenessOf, missingFieldsOf, freshDaysOf, type CompletenessInput } from './quality.completeness.js';
export { refreshCompleteness, missingFieldsFor, readQualitySettings, recomputeAllCompleteness, completenessIdle } from './quality.settings.js';
