export { settingsKeys, useAttachmentSettings, useCompanySettings, usePoolRules } from './api';
