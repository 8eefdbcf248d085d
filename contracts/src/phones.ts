import { parsePhoneNumberFromString, type PhoneNumber } from 'libphonenumber-js/max';
import { z } from 'zod';

/**
 * Phone numbers, shared by the forms and the server. A number without a country code is read as
 * Chinese (the default country); `+`, `00` and `86` prefixes, spaces, dashes and brackets are
 * accepted. The full ("max") metadata tells a mobile from a landline, which the forms need.
 */
export const defaultPhoneCountry = 'CN';

/** What a `mobile` field takes (a mobile, China or foreign) and what a `phone` field takes (a landline or a mobile). */
export type PhoneKind = 'mobile' | 'phone';

/**
 * Why a value is not a phone number of its kind; each is a message key the server and the web
 * translate: stray characters, a China mobile of the wrong shape, a landline in a mobile field,
 * a China landline without its area code, a foreign number that does not fit its country.
 */
export const phoneProblems = ['phoneCharacters', 'phoneMobileCn', 'phoneNotMobile', 'phoneLandlineCn', 'phoneForeign'] as const;
export type PhoneProblem = (typeof phoneProblems)[number];

const allowed = /^[+＋]?[0-9０-９ ()（）\-.]+(?:\s*(?:-|转|分机|ext\.?|x|#)\s*[0-9]{1,6})?$/i;
// A Chinese extension written after the full number: 021-12345678-123, 010 88886666 转 8, ext. 12.
const extension = /\s*(?:-|转|分机|ext\.?|x|#)\s*([0-9]{1,6})$/i;

/** What the app needs of a valid number: its E.164 form, national significant number and type. */
export interface ParsedPhone {
  /** E.164, without the extension: +8613812345678. */
  readonly number: string;
  /** 13812345678, 1088886666. */
  readonly nationalNumber: string;
  /** libphonenumber's type (MOBILE, FIXED_LINE...). */
  readonly type: string;
  readonly ext?: string;
}

/** A number valid in its country (its type known: with the full metadata that is what valid means), with its type read once. */
function parsed(text: string): { number: PhoneNumber; type: string } | undefined {
  const n = parsePhoneNumberFromString(text, defaultPhoneCountry);
  const type = n?.getType();
  return n && type ? { number: n, type } : undefined;
}

function slim({ number, type }: { number: PhoneNumber; type: string }, ext?: string): ParsedPhone {
  return { number: number.number, nationalNumber: number.nationalNumber, type, ...(ext ? { ext } : {}) };
}

/**
 * An import parses each number several times (validation, E.164 column, keys, search document),
 * the same number again a batch later: the last 20,000 to 40,000 values are remembered, in two
 * generations (a full one becomes the old one; a value found there moves back to the new one).
 */
const generation = 20_000;
let recent = new Map<string, ParsedPhone | null>();
let older = new Map<string, ParsedPhone | null>();

/** The number a value denotes, when it is a valid number of some country (an extension kept apart). */
export function parsePhone(value: string | null | undefined): ParsedPhone | undefined {
  if (!value) return undefined;
  let number = recent.get(value);
  if (number === undefined) {
    number = older.get(value);
    if (number === undefined) number = parseUncached(value) ?? null;
    if (recent.size >= generation) {
      older = recent;
      recent = new Map();
    }
    recent.set(value, number);
  }
  return number ?? undefined;
}

function parseUncached(value: string): ParsedPhone | undefined {
  const text = value.normalize('NFKC').trim();
  if (!text || !allowed.test(text)) return undefined;
  const whole = parsed(text);
  if (whole) return slim(whole);
  const ext = extension.exec(text);
  if (!ext?.[1]) return undefined;
  const base = parsed(text.slice(0, ext.index));
  // Only a landline has extensions; "138-1234-5678" must not become 138-1234 ext. 5678.
  if (!base || base.type === 'MOBILE') return undefined;
  return slim(base, ext[1]);
}

/** The E.164 form of a value (+8613812345678, +861088886666), or null when it is not a valid number. */
export function phoneE164(value: string | null | undefined): string | null {
  return parsePhone(value)?.number ?? null;
}

const mobileTypes = new Set(['MOBILE', 'FIXED_LINE_OR_MOBILE', 'PERSONAL_NUMBER']);

function looksChinese(text: string): boolean {
  const digits = text.replace(/\D/g, '');
  if (!/^[+＋]|^00/.test(text)) return true;
  return /^(?:00)?86/.test(digits);
}

/** Why a value does not fit a field of this kind, or null when it does. */
export function phoneProblem(value: string, kind: PhoneKind): PhoneProblem | null {
  const text = value.normalize('NFKC').trim();
  if (!allowed.test(text)) return 'phoneCharacters';
  const number = parsePhone(text);
  if (!number) {
    if (!looksChinese(text)) return 'phoneForeign';
    const national = text.replace(/\D/g, '').replace(/^(?:00)?86(?=\d{10})/, '');
    // Starts with 1 (or is 11 digits): meant as a mobile. Else a landline with a missing or wrong area code.
    return kind === 'mobile' || /^1/.test(national) ? 'phoneMobileCn' : 'phoneLandlineCn';
  }
  if (kind === 'mobile' && !mobileTypes.has(number.type)) return 'phoneNotMobile';
  return null;
}

function phoneSchema(kind: PhoneKind) {
  return z
    .string()
    .trim()
    .max(30)
    .superRefine((value, ctx) => {
      const problem = phoneProblem(value, kind);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });
}

/** A mobile number: 11 digits starting 13-19 in China, or a mobile of another country written with +. */
export const mobileField = phoneSchema('mobile');
/** A landline with its area code (010-8888 6666, 021-12345678-123) or a mobile, Chinese or foreign. */
export const phoneField = phoneSchema('phone');
