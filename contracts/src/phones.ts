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

function parsed(text: string): PhoneNumber | undefined {
  const n = parsePhoneNumberFromString(text, defaultPhoneCountry);
  return n?.isValid() ? n : undefined;
}

// An import parses each number several times (validation, E.164 column, keys, search document):
// remember the last few thousand values. The numbers handed out are never changed by callers.
const recent = new Map<string, PhoneNumber | undefined>();

/** The number a value denotes, when it is a valid number of some country (an extension kept apart). */
export function parsePhone(value: string | null | undefined): Readonly<PhoneNumber> | undefined {
  if (!value) return undefined;
  if (recent.has(value)) return recent.get(value);
  if (recent.size >= 5000) recent.clear();
  const number = parseUncached(value);
  recent.set(value, number);
  return number;
}

function parseUncached(value: string): PhoneNumber | undefined {
  const text = value.normalize('NFKC').trim();
  if (!text || !allowed.test(text)) return undefined;
  const whole = parsed(text);
  if (whole) return whole;
  const ext = extension.exec(text);
  if (!ext?.[1]) return undefined;
  const base = parsed(text.slice(0, ext.index));
  // Only a landline has extensions; "138-1234-5678" must not become 138-1234 ext. 5678.
  if (!base || base.getType() === 'MOBILE') return undefined;
  base.setExt(ext[1]);
  return base;
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
  if (kind === 'mobile' && !mobileTypes.has(number.getType() ?? '')) return 'phoneNotMobile';
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
