import type { ReminderSettings, ReminderSettingsUpdate } from '@crm/contracts';

/** The form's values: each yearly kind on or off with its days ahead (the API's null is "off"). */
export interface ReminderValues {
  customerBirthdayOn: boolean;
  customerBirthdayDays: number;
  contactBirthdayOn: boolean;
  contactBirthdayDays: number;
  weddingAnniversaryOn: boolean;
  weddingAnniversaryDays: number;
  maintenanceMonths: number;
  maintenanceDays: number;
}

export const yearlyKinds = ['customerBirthday', 'contactBirthday', 'weddingAnniversary'] as const;

/** Days shown for a kind that is off: the default, ready when it is turned on. */
const defaultDays = 3;

export function reminderValues(state: ReminderSettings): ReminderValues {
  return {
    customerBirthdayOn: state.customerBirthdayDays !== null,
    customerBirthdayDays: state.customerBirthdayDays ?? defaultDays,
    contactBirthdayOn: state.contactBirthdayDays !== null,
    contactBirthdayDays: state.contactBirthdayDays ?? defaultDays,
    weddingAnniversaryOn: state.weddingAnniversaryDays !== null,
    weddingAnniversaryDays: state.weddingAnniversaryDays ?? defaultDays,
    maintenanceMonths: state.maintenanceMonths,
    maintenanceDays: state.maintenanceDays,
  };
}

export function reminderPayload(values: ReminderValues, version: number): ReminderSettingsUpdate {
  return {
    customerBirthdayDays: values.customerBirthdayOn ? values.customerBirthdayDays : null,
    contactBirthdayDays: values.contactBirthdayOn ? values.contactBirthdayDays : null,
    weddingAnniversaryDays: values.weddingAnniversaryOn ? values.weddingAnniversaryDays : null,
    maintenanceMonths: values.maintenanceMonths,
    maintenanceDays: values.maintenanceDays,
    version,
  };
}
