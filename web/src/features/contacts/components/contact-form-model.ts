import type { Contact, ContactCreate, ContactUpdate } from '@crm/contracts';
import type { Dayjs } from 'dayjs';
import { changedFields, dateToIso, isoToDate, textOrNull, withoutEmpty } from '../../../shared/form/normalize';
import { customFromFormValues, customToFormValues, withoutEmptyCustom, type CustomField } from '../../custom-fields';

export interface ContactFormValues {
  customerId?: number;
  name: string;
  title?: string | null;
  department?: string | null;
  mobile?: string | null;
  phone?: string | null;
  email?: string | null;
  wechat?: string | null;
  birthday?: Dayjs | null;
  isPrimary?: boolean;
  notes?: string | null;
  /** Custom field values as their inputs hold them (see custom-fields). */
  custom?: Record<string, unknown>;
}

interface ContactPayload {
  name: string;
  title: string | null;
  department: string | null;
  mobile: string | null;
  phone: string | null;
  email: string | null;
  wechat: string | null;
  birthday: string | null;
  isPrimary: boolean;
  notes: string | null;
}

export function contactToFormValues(contact: Contact, customFields: CustomField[] = []): ContactFormValues {
  return { ...contact, birthday: isoToDate(contact.birthday), custom: customToFormValues(customFields, contact.custom) };
}

export function toPayload(values: ContactFormValues): ContactPayload {
  const email = textOrNull(values.email);
  return {
    name: values.name.trim(),
    title: textOrNull(values.title),
    department: textOrNull(values.department),
    mobile: textOrNull(values.mobile),
    phone: textOrNull(values.phone),
    email: email === null ? null : email.toLowerCase(),
    wechat: textOrNull(values.wechat),
    birthday: dateToIso(values.birthday),
    isPrimary: values.isPrimary === true,
    notes: textOrNull(values.notes),
  };
}

export function createRequest(customerId: number, values: ContactFormValues, customFields: CustomField[] = []): ContactCreate {
  const payload = toPayload(values);
  const request: ContactCreate = { ...withoutEmpty(payload), name: payload.name, customerId };
  const custom = withoutEmptyCustom(customFromFormValues(customFields, values.custom));
  if (Object.keys(custom).length > 0) request.custom = custom;
  return request;
}

export function updateRequest(contact: Contact, values: ContactFormValues, customFields: CustomField[] = []): ContactUpdate {
  const baseValues = contactToFormValues(contact, customFields);
  const base = toPayload(baseValues);
  const request: ContactUpdate = { ...changedFields(base, toPayload(values)), version: contact.version };
  // Custom values: only the keys that changed (null clears one).
  const custom = changedFields(
    customFromFormValues(customFields, baseValues.custom),
    customFromFormValues(customFields, values.custom),
  );
  if (Object.keys(custom).length > 0) request.custom = custom;
  return request;
}
