/**
 * Money: integer minor units (fen) in the API and the database; yuan (元) with up to two decimals
 * in files, forms and on screen. Parsing works on the decimal text, never through a float, so
 * "1200.29" is 120029 fen exactly. Shared by the server (imports, exports, notices) and the web.
 */

// 万 and 亿 move the decimal point; a figure may carry as many decimals as still land on whole fen.
const unitDigits: Record<string, number> = { '': 0, 万: 4, 亿: 8 };

/**
 * Yuan as people write them, to fen: "500000", "500,000.00", "¥1,200.50", "￥1200", "50万",
 * "1.5万元", "500000元", "RMB 300", "-12.5". Null when the text is not an amount or has more
 * decimals than a fen (1.234, 1.2345678万).
 */
export function parseYuan(text: string): number | null {
  // NFKC folds full-width digits, commas and ￥ into their ASCII forms.
  let v = text.normalize('NFKC').replace(/\s+/g, '');
  let negative = false;
  if (v.startsWith('-')) {
    negative = true;
    v = v.slice(1);
  }
  v = v.replace(/^(?:¥|RMB|CNY|人民币)/i, '');
  if (!negative && v.startsWith('-')) {
    negative = true;
    v = v.slice(1);
  }
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(万|亿)?(?:元整?|RMB|CNY)?$/i.exec(v);
  if (!m) return null;
  const [, whole = '', fraction = '', unit = ''] = m;
  const scale = 2 + (unitDigits[unit] ?? 0);
  if (fraction.length > scale) return null;
  const digits = `${whole.replace(/,/g, '')}${fraction.padEnd(scale, '0')}`;
  const fen = BigInt(digits);
  if (fen > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  const n = Number(fen);
  return negative && n !== 0 ? -n : n;
}

/** Fen as plain yuan text with two decimals ("1200.50", "-0.05"): for files and inputs. */
export function fenToYuanText(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Fen as a yuan number (a spreadsheet cell, a form's input). */
export function fenToYuan(fen: number): number {
  return fen / 100;
}

/** A yuan number from a form's input (at most two decimals) to fen; null when it is not a number. */
export function yuanToFen(yuan: number | null | undefined): number | null {
  if (yuan === null || yuan === undefined || !Number.isFinite(yuan)) return null;
  // Two decimals times 100 is within a rounding step of the integer for every safe amount.
  return Math.round(yuan * 100);
}

// Symbols people expect beside an amount; Intl's own choice varies by locale (CN¥ vs ¥).
const symbols: Record<string, string> = { CNY: '¥', USD: '$', EUR: '€', HKD: 'HK$', JPY: 'JP¥', GBP: '£' };

/** The symbol shown before an amount of this currency; the code and a space for a currency without one. */
export function currencySymbol(currency: string): string {
  return symbols[currency] ?? `${currency} `;
}

function grouped(whole: string): string {
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `abs` minor units as major units with `decimals` decimals (at most 2 + shift), exact and rounded half up. */
function decimalText(abs: number, shift: number, decimals: number): string {
  const scale = 10n ** BigInt(2 + shift);
  const keep = 10n ** BigInt(decimals);
  const scaled = (BigInt(abs) * keep * 2n + scale) / (scale * 2n); // round half up
  const whole = scaled / keep;
  const fraction = decimals > 0 ? `.${(scaled % keep).toString().padStart(decimals, '0')}` : '';
  return `${grouped(whole.toString())}${fraction}`;
}

export type MoneyStyle = 'full' | 'short';

/**
 * The one way money is shown: minor units with the currency's symbol. `full`: "¥1,110,554.00"
 * (the same in both languages, so a stored notice reads right in either). `short` (lists, chart
 * axes): in zh-CN "111.06万元" / "1.20亿元" from 10,000 up; in English "¥1.11M" / "¥12.5K".
 */
export function formatMoney(minor: number, currency: string, locale: 'zh-CN' | 'en', style: MoneyStyle = 'full'): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(Math.round(minor));
  const symbol = currencySymbol(currency);
  if (style === 'short') {
    const yuan = abs / 100;
    if (locale === 'zh-CN') {
      const unit = yuan >= 1e8 ? { shift: 8, name: '亿' } : yuan >= 1e4 ? { shift: 4, name: '万' } : null;
      if (unit) {
        const figure = decimalText(abs, unit.shift, 2);
        return currency === 'CNY' ? `${sign}${figure}${unit.name}元` : `${sign}${symbol}${figure}${unit.name}`;
      }
    } else {
      const unit = yuan >= 1e9 ? { shift: 9, name: 'B' } : yuan >= 1e6 ? { shift: 6, name: 'M' } : yuan >= 1e3 ? { shift: 3, name: 'K' } : null;
      if (unit) return `${sign}${symbol}${decimalText(abs, unit.shift, 2).replace(/\.?0+$/, '')}${unit.name}`;
    }
  }
  return `${sign}${symbol}${decimalText(abs, 0, 2)}`;
}
