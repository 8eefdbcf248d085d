import { describe, expect, it } from 'vitest';
import { reminderPayload, reminderValues } from './reminder-settings-model';

describe('care reminder settings form', () => {
  it('turns a kind off as null and keeps the days of the others', () => {
    const state = { customerBirthdayDays: 5, contactBirthdayDays: null, weddingAnniversaryDays: 0, maintenanceMonths: 6, maintenanceDays: 7, contractRenewalDays: 30, version: 4 };
    const values = reminderValues(state);
    expect(values).toMatchObject({ customerBirthdayOn: true, customerBirthdayDays: 5, contactBirthdayOn: false, contactBirthdayDays: 3, weddingAnniversaryOn: true, weddingAnniversaryDays: 0 });
    expect(reminderPayload({ ...values, customerBirthdayOn: false, contactBirthdayOn: true }, state.version)).toEqual({
      customerBirthdayDays: null,
      contactBirthdayDays: 3,
      weddingAnniversaryDays: 0,
      maintenanceMonths: 6,
      maintenanceDays: 7,
      version: 4,
    });
  });
});
