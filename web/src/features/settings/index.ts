export { settingsKeys, useAttachmentSettings, usePoolRules } from './api';
