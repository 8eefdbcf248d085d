import dayjs from 'dayjs';
import type { Locale } from '@crm/contracts';

/** A calendar date (YYYY-MM-DD) in the locale's format. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const date = dayjs(value);
  return date.isValid() ? date.format('L') : value;
}

/** An instant in the locale's date and time format, in the browser's time zone. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const date = dayjs(value);
  return date.isValid() ? date.format('L LT') : value;
}

export function fromNow(value: string): string {
  return dayjs(value).fromNow();
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale).format(value);
}

/** Money kept in fen, shown in yuan with its symbol: ¥ 12,345.00. */
export function formatFen(fen: number | null | undefined, locale: Locale): string {
  if (fen === null || fen === undefined) return '';
  const yuan = new Intl.NumberFormat(locale, {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(fen / 100);
  return `¥ ${yuan}`;
}

export function yuanToFen(yuan: number | null | undefined): number | null {
  if (yuan === null || yuan === undefined || Number.isNaN(yuan)) return null;
  return Math.round(yuan * 100);
}

export function fenToYuan(fen: number | null | undefined): number | null {
  if (fen === null || fen === undefined) return null;
  return fen / 100;
}

/** A tel: link target: digits and a leading +, nothing else. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

export function websiteHref(website: string): string {
  return /^https?:\/\//i.test(website) ? website : `https://${website}`;
}
