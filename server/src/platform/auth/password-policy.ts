import type { Locale } from '@crm/contracts';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { AppError } from '../errors.js';
import { t } from '../i18n.js';
import { passwordSuggestions, passwordWarnings } from '../messages/passwords.js';

export const minPasswordLength = 10;
/** zxcvbn's score from 0 to 4; 3 is "safely unguessable" (about 10^10 guesses). */
const minScore = 3;

let checker: ZxcvbnFactory | null = null;
/** Built on first use: ranking the common-password dictionary takes a moment. */
const strength = () => (checker ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs }));

/** Whose password it is: their details may not be the password, and count against its strength. */
export interface PasswordOwner {
  email: string;
  name: string;
}

const folded = (text: string) => text.toLowerCase().replace(/\s+/g, '');

/**
 * Why a password is refused, in the reader's language, with how to make it stronger; null when
 * it passes: at least 10 characters, not the owner's email or name, a zxcvbn score of 3 or more.
 */
export function passwordProblem(password: string, owner: PasswordOwner, locale: Locale): string | null {
  if ([...password].length < minPasswordLength) return t(locale, 'passwordTooShort', { n: minPasswordLength });
  const email = folded(owner.email);
  const localPart = email.split('@')[0] ?? '';
  const name = folded(owner.name);
  const candidate = folded(password);
  // Their email or name, also with a little added ("zhangwei2026"), or the name part of the email.
  const personal = [email, name].filter((text) => text.length >= 4);
  if (candidate === name || candidate === localPart || personal.some((text) => candidate.includes(text))) return t(locale, 'passwordPersonal');
  const result = strength().check(password, [owner.email, localPart, owner.name, ...owner.name.split(/\s+/)].filter((s) => s !== ''));
  if (result.score >= minScore) return null;
  const { warning, suggestions } = result.feedback;
  const advice = [
    ...(warning && passwordWarnings[warning] ? [passwordWarnings[warning][locale]] : []),
    ...(suggestions.length > 0 ? suggestions : ['anotherWord']).flatMap((key) => (passwordSuggestions[key] ? [passwordSuggestions[key][locale]] : [])),
  ];
  return t(locale, 'passwordWeak', { advice: advice.join(locale === 'en' ? ' ' : '') });
}

/** Refuse a weak password with a field-level 400 at `path`. */
export function assertStrongPassword(password: string, owner: PasswordOwner, locale: Locale, path = 'password'): void {
  const problem = passwordProblem(password, owner, locale);
  if (problem) throw new AppError('VALIDATION_FAILED', 'validationFailed', [{ path, message: problem }]);
}
