import type { Contact, ContactCreate, ContactUpdate } from '@crm/contracts';
import type { Dayjs } from 'dayjs';
import { changedFields, dateToIso, isoToDate, textOrNull, withoutEmpty } from '../../../shared/form/normalize';

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

export function contactToFormValues(contact: Contact): ContactFormValues {
  return { ...contact, birthday: isoToDate(contact.birthday) };
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

export function createRequest(customerId: number, values: ContactFormValues): ContactCreate {
  const payload = toPayload(values);
  return { ...withoutEmpty(payload), name: payload.name, customerId };
}

export function updateRequest(contact: Contact, values: ContactFormValues): ContactUpdate {
  const base = toPayload(contactToFormValues(contact));
  return { ...changedFields(base, toPayload(values)), version: contact.version };
}
