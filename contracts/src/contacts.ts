import { z } from 'zod';
import { email, id, isoDate, listOf, pageQuery, recordMeta, text, versionField } from './common.js';
import { mobile } from './org.js';
import { phoneField } from './phones.js';
import { customValues, customValuesInput, withCustomFilters } from './custom-fields.js';
import { multiline } from './text.js';

const contactFields = {
  customerId: z.number().int().positive().max(2_147_483_647),
  name: z.string().trim().min(1).max(60),
  title: text(60),
  department: text(60),
  mobile: mobile.nullable(),
  phone: phoneField.nullable(),
  email: email.nullable(),
  wechat: text(60),
  birthday: isoDate.nullable(),
  isPrimary: z.boolean(),
  notes: multiline(1000),
  /** Values of the administrator's custom fields, by key (see custom-fields.ts). */
  custom: customValuesInput,
};

export const contactCreate = z
  .object(contactFields)
  .partial({
    title: true,
    department: true,
    mobile: true,
    phone: true,
    email: true,
    wechat: true,
    birthday: true,
    isPrimary: true,
    notes: true,
    custom: true,
  })
  .strict();
export type ContactCreate = z.input<typeof contactCreate>;

export const contactUpdate = z
  .object(contactFields)
  .omit({ customerId: true })
  .partial()
  .extend(versionField)
  .strict();
export type ContactUpdate = z.input<typeof contactUpdate>;

export const contact = z.object({
  ...recordMeta,
  customerId: z.number().int(),
  customerName: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  department: z.string().nullable(),
  mobile: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  wechat: z.string().nullable(),
  birthday: z.string().nullable(),
  isPrimary: z.boolean(),
  notes: z.string().nullable(),
  custom: customValues,
});
export type Contact = z.infer<typeof contact>;
export const contactList = listOf(contact);

export const contactListQuery = withCustomFilters({
  ...pageQuery,
  customerId: id.optional(),
  /** Contacts of the customers this user owns ("my contacts" with one's own id). */
  ownerId: id.optional(),
  sort: z.enum(['name', '-name', 'updatedAt', '-updatedAt']).default('-updatedAt'),
});
export type ContactListQuery = z.input<typeof contactListQuery>;
