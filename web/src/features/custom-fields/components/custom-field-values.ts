import type { Locale } from '@crm/contracts';
import type { Dayjs } from 'dayjs';
import type { Translate } from '../../../app/i18n/translate';
import { formatDate, formatMoney, formatNumber, fenToYuan, yuanToFen } from '../../../shared/format/format';
import { dateToIso, isoToDate } from '../../../shared/form/normalize';
import type { CustomField, CustomFieldOption } from '../api';

/** A field's label in the UI language (falls back to the other language, then the key). */
export function customFieldLabel(field: Pick<CustomField, 'labelZh' | 'labelEn' | 'key'>, locale: Locale): string {
  const [first, second] = locale === 'zh-CN' ? [field.labelZh, field.labelEn] : [field.labelEn, field.labelZh];
  return first || second || field.key;
}

export function optionLabel(option: CustomFieldOption, locale: Locale): string {
  const [first, second] = locale === 'zh-CN' ? [option.labelZh, option.labelEn] : [option.labelEn, option.labelZh];
  return first || second || option.value;
}

/** The API path of a custom value: `custom.<key>` (also a mapping target and a column key). */
export function customPath(key: string): string {
  return `custom.${key}`;
}

/** A stored value as text for the detail page, lists and the merge page. */
export function formatCustomValue(
  field: CustomField,
  value: unknown,
  t: Translate,
  locale: Locale,
  users?: ReadonlyMap<number, string>,
): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
    return t('common.none');
  }
  const label = (v: unknown) => {
    const option = field.options.find((o) => o.value === v);
    return option ? optionLabel(option, locale) : String(v);
  };
  switch (field.type) {
    case 'money':
      return typeof value === 'number' ? formatMoney(value, 'CNY', locale) : String(value);
    case 'number':
      return typeof value === 'number' ? formatNumber(value, locale) : String(value);
    case 'date':
      return typeof value === 'string' ? formatDate(value) : String(value);
    case 'boolean':
      return value === true ? t('common.yes') : value === false ? t('common.no') : String(value);
    case 'single_select':
      return label(value);
    case 'multi_select':
      return Array.isArray(value) ? value.map(label).join(', ') : label(value);
    case 'user':
      return (typeof value === 'number' ? users?.get(value) : undefined) ?? `#${String(value)}`;
    case 'text':
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

export type CustomFormValues = Record<string, unknown>;

/** Stored values -> what the inputs hold (dates as Dayjs, money in yuan). */
export function customToFormValues(fields: CustomField[], custom: Record<string, unknown> | undefined): CustomFormValues {
  const out: CustomFormValues = {};
  for (const field of fields) {
    const value = custom?.[field.key];
    if (value === undefined) continue;
    if (field.type === 'date') out[field.key] = isoToDate(typeof value === 'string' ? value : null);
    else if (field.type === 'money') out[field.key] = fenToYuan(typeof value === 'number' ? value : null);
    else out[field.key] = value;
  }
  return out;
}

/** What the inputs hold -> the API's values (money in fen, dates YYYY-MM-DD, blanks null). */
export function customFromFormValues(fields: CustomField[], values: CustomFormValues | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const raw = values?.[field.key];
    let value: unknown;
    switch (field.type) {
      case 'date':
        value = dateToIso(raw as Dayjs | null | undefined);
        break;
      case 'money':
        value = typeof raw === 'number' ? yuanToFen(raw) : null;
        break;
      case 'number':
        value = typeof raw === 'number' && !Number.isNaN(raw) ? raw : null;
        break;
      case 'boolean':
        value = typeof raw === 'boolean' ? raw : field.required ? false : null;
        break;
      case 'multi_select':
        value = Array.isArray(raw) && raw.length > 0 ? raw : null;
        break;
      case 'text':
        value = typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : null;
        break;
      default:
        value = raw === undefined || raw === '' ? null : raw;
    }
    out[field.key] = value;
  }
  return out;
}

/** For a create request: only the values that were filled in. */
export function withoutEmptyCustom(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null && v !== undefined));
}
