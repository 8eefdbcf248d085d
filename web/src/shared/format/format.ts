import dayjs from 'dayjs';
import { formatMoney as moneyText, fenToYuan as fenAsYuan, yuanToFen as yuanAsFen, type Locale, type MoneyStyle } from '@crm/contracts';

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

/**
 * The one way the web shows money: minor units (fen) with the currency's symbol, "¥1,110,554.00";
 * `short` for tight places (board columns, chart axes): "111.06万元" in zh-CN, "¥1.11M" in English.
 * Empty for no amount.
 */
export function formatMoney(minor: number | null | undefined, currency: string, locale: Locale, style: MoneyStyle = 'full'): string {
  if (minor === null || minor === undefined) return '';
  return moneyText(minor, currency, locale, style);
}

/** A form's yuan (at most two decimals) to the API's fen. */
export function yuanToFen(yuan: number | null | undefined): number | null {
  return yuanAsFen(yuan);
}

/** The API's fen to a form's yuan. */
export function fenToYuan(fen: number | null | undefined): number | null {
  return fen === null || fen === undefined ? null : fenAsYuan(fen);
}

/** A tel: link target: digits and a leading +, nothing else. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

export function websiteHref(website: string): string {
  return /^https?:\/\//i.test(website) ? website : `https://${website}`;
}
