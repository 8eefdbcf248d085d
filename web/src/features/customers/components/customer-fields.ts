import type { Locale } from '@crm/contracts';
import { isMessageKey, type Translate } from '../../../app/i18n/translate';
import { formatDate, formatMoney, formatNumber } from '../../../shared/format/format';
import { enumLabel, type CustomerEnum } from '../../../shared/enums/customer-enums';

/** How a customer field's value is shown (profile, history, conflict notice). */
export type FieldKind =
  | { type: 'text' }
  | { type: 'enum'; prefix: CustomerEnum }
  | { type: 'date' }
  | { type: 'money' }
  | { type: 'number' }
  | { type: 'year' }
  | { type: 'days' }
  | { type: 'tags' }
  | { type: 'bool' }
  | { type: 'owner' };

const text: FieldKind = { type: 'text' };

export const customerFieldKinds: Record<string, FieldKind> = {
  kind: { type: 'enum', prefix: 'kind' },
  category: { type: 'enum', prefix: 'category' },
  status: { type: 'enum', prefix: 'status' },
  lifecycleStage: { type: 'enum', prefix: 'lifecycle' },
  ownerId: { type: 'owner' },
  tags: { type: 'tags' },
  'person.gender': { type: 'enum', prefix: 'gender' },
  'person.birthday': { type: 'date' },
  'person.annualIncome': { type: 'money' },
  'person.maritalStatus': { type: 'enum', prefix: 'marital' },
  'person.weddingAnniversary': { type: 'date' },
  'person.spouseBirthday': { type: 'date' },
  'organization.ownership': { type: 'enum', prefix: 'ownership' },
  'organization.foundedYear': { type: 'year' },
  'organization.employees': { type: 'number' },
  'organization.scale': { type: 'enum', prefix: 'scale' },
  'organization.creditStanding': { type: 'enum', prefix: 'credit' },
  'organization.creditLimit': { type: 'money' },
  'organization.annualRevenue': { type: 'money' },
  'organization.purchaseCycleDays': { type: 'days' },
  // The customer's transactions, moved by its contracts.
  dealCount: { type: 'number' },
  dealTotal: { type: 'money' },
};

export const contactFieldKinds: Record<string, FieldKind> = {
  birthday: { type: 'date' },
  isPrimary: { type: 'bool' },
};

/** The person-profile fields, grouped as on the form and the profile tab. */
export const personSections = {
  basic: ['gender', 'birthday', 'idCardNumber', 'wechat', 'qq', 'homeAddress', 'preferences', 'preferredChannel'],
  career: ['employer', 'employerType', 'jobTitle', 'annualIncome', 'careerGoals'],
  family: ['maritalStatus', 'weddingAnniversary', 'spouseName', 'spouseBirthday', 'children', 'hobbies'],
  life: ['education', 'schools', 'clubs', 'health', 'favoriteSports', 'topics', 'media'],
} as const;

export const organizationSections = {
  business: ['ownership', 'creditCode', 'legalRepresentative', 'country', 'postcode', 'foundedYear', 'employees', 'annualRevenue', 'scale', 'industryPosition'],
  credit: ['settlementMethod', 'creditStanding', 'creditLimit', 'purchaseCycleDays'],
} as const;

/** A field's label; `entity` picks the catalogue (`customer.f.*`, `contact.f.*`). */
export function fieldLabel(t: Translate, entity: 'customer' | 'contact', path: string): string {
  const key = `${entity}.f.${path}`;
  return isMessageKey(key) ? t(key) : path;
}

export function formatFieldValue(
  kind: FieldKind | undefined,
  value: unknown,
  t: Translate,
  locale: Locale,
  /** User names by id, for owner fields. */
  owners?: ReadonlyMap<number, string>,
): string {
  const k = kind ?? text;
  if (k.type === 'owner' && value === null) return t('customer.publicPool');
  if (value === null || value === undefined || value === '') return t('common.none');
  switch (k.type) {
    case 'owner':
      return (typeof value === 'number' ? owners?.get(value) : undefined) ?? `#${String(value)}`;
    case 'enum':
      return enumLabel(t, k.prefix, value);
    case 'date':
      return typeof value === 'string' ? formatDate(value) : String(value);
    case 'money':
      return typeof value === 'number' ? formatMoney(value, 'CNY', locale) : String(value);
    case 'number':
      return typeof value === 'number' ? formatNumber(value, locale) : String(value);
    case 'days':
      return typeof value === 'number' ? `${formatNumber(value, locale)} ${t('common.days')}` : String(value);
    case 'tags':
      return Array.isArray(value) ? (value.length > 0 ? value.join(', ') : t('common.none')) : String(value);
    case 'bool':
      return value === true ? t('common.yes') : value === false ? t('common.no') : String(value);
    case 'year':
    case 'text':
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}
