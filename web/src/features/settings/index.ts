export { companyLogoHref, settingsKeys, useAttachmentSettings, useCompanySettings, usePoolRules } from './api';
export { SettingsPage } from './components/settings-page';
export { StaleSettingsAlert } from './components/stale-alert';
