import type { Locale } from '@crm/contracts';
import type { Translate } from '../../../app/i18n/translate';
import { customFieldLabel, type CustomField } from '../../custom-fields';
import { fieldLabel } from '../../customers';

/** The label of an expected-field path: built-in (`organization.creditCode`) or custom (`custom.<key>`). */
export function qualityFieldLabel(path: string, t: Translate, locale: Locale, customFields: CustomField[]): string {
  if (path.startsWith('custom.')) {
    const key = path.slice('custom.'.length);
    const field = customFields.find((f) => f.key === key);
    return field ? customFieldLabel(field, locale) : key;
  }
  return fieldLabel(t, 'customer', path);
}
