import { phoneProblem, type Locale } from '@crm/contracts';
import { t } from '../../platform/i18n.js';
import type { RowMessage } from './convert.js';

/**
 * A landline in a mobile column (common in spreadsheets kept by hand) goes to the phone field when
 * the row leaves that empty, with a warning; otherwise the mobile check refuses it as usual.
 * `values` is the row's (or its contact's) values; `provided` the keys the row gave, if tracked.
 */
export function landlineInMobile(values: Record<string, unknown>, locale: Locale, field: string, provided?: Set<string>): RowMessage[] {
  const mobile = values.mobile;
  if (typeof mobile !== 'string' || (typeof values.phone === 'string' && values.phone.trim() !== '')) return [];
  if (phoneProblem(mobile, 'mobile') !== 'phoneNotMobile') return [];
  values.phone = mobile;
  delete values.mobile;
  if (provided) {
    provided.add('phone');
    provided.delete('mobile');
  }
  return [{ field, message: t(locale, 'importLandlineInMobile', { value: mobile }), warning: true }];
}
