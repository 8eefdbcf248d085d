import { SettingsPage } from '../../settings';
import { useReminderSettings } from '../api';
import { ReminderSettingsForm } from '../components/reminder-settings-form';

/** 关怀提醒 settings: how many days ahead birthdays, anniversaries and maintenance visits are told. */
export function ReminderSettingsPage() {
  return <SettingsPage title="reminders.title" subTitle="reminders.subtitle" query={useReminderSettings()} renderForm={(props) => <ReminderSettingsForm {...props} />} />;
}
