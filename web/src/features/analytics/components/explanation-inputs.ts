import { explanationInputKinds as kinds, type Locale } from '@crm/contracts';
import type { MessageKey } from '../../../app/i18n/translate';
import { formatMoney, formatNumber } from '../../../shared/format/format';

/**
 * The figures an explanation read, as a reader sees them: each input under its name in the reader's
 * language, money in yuan, shares in per cent, dates as the server writes them (2026-12-07) (the server sends them by their keys,
 * money in fen; what each key is comes from the contracts).
 */
type T = (key: MessageKey, params?: Record<string, string | number>) => string;

/** The label of an input: its name in the reader's language, or the key itself for an input this version does not know. */
export function inputLabel(key: string, t: T): string {
  return key in kinds ? t(`analytics.input.${key}` as MessageKey) : key;
}

/** An input's value as text: money in yuan, per cent, days, yes/no, enum values by name. */
export function inputValue(key: string, value: unknown, t: T, locale: Locale): string {
  if (value === null || value === undefined || value === '') return '—';
  const kind = kinds[key];
  if (typeof value === 'boolean' || kind === 'flag') return t(value ? 'analytics.input.yes' : 'analytics.input.no');
  if (typeof value === 'number') {
    switch (kind) {
      case 'money': return formatMoney(value, 'CNY', locale);
      case 'percent': return `${formatNumber(value, locale)} %`;
      case 'days': return t('analytics.input.daysValue', { n: formatNumber(value, locale) });
      case 'months': return t('analytics.input.monthsValue', { n: formatNumber(value, locale) });
      case 'years': return t('analytics.input.yearsValue', { n: formatNumber(value, locale) });
      case 'factor': return `× ${formatNumber(value, locale)}`;
      default: return formatNumber(value, locale);
    }
  }
  const text = String(value);
  if (kind === 'basis') return t(`analytics.settings.basis.${text}` as MessageKey);
  if (kind === 'segment') return t(`analytics.segment.${text}` as MessageKey);
  return text;
}
