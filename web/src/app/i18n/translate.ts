import type { Locale } from '@crm/contracts';
import type { MessageKey, Messages } from './en';

export type { MessageKey } from './en';
export type TranslateVars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: TranslateVars) => string;

// Each language's messages are files of their own: a page downloads the language it shows, and the
// other one only when the user switches. Each language comes in two parts: what a phone's customer
// list shows (the first page of most sessions) and the rest, fetched beside the first other page
// or drawer opened (app/rest-of-app.ts), or at start-up by any other page.
const loaders: Record<Locale, { first: () => Promise<Partial<Messages>>; rest: () => Promise<Partial<Messages>> }> = {
  'zh-CN': { first: () => import('./zh-cn-first').then((m) => m.zhCNFirst), rest: () => import('./zh-cn-rest').then((m) => m.zhCNRest) },
  en: { first: () => import('./en-first').then((m) => m.enFirst), rest: () => import('./en-rest').then((m) => m.enRest) },
};
/** Each loaded language's catalogue: its first part, completed in place when the rest arrives. */
const loaded = new Map<Locale, Partial<Messages>>();
const restOf = new Map<Locale, Promise<void>>();
let restWanted = false;

function loadRestOf(locale: Locale): Promise<void> {
  let done = restOf.get(locale);
  if (!done) {
    done = loaders[locale].rest().then((rest) => {
      Object.assign(loaded.get(locale) ?? {}, rest);
    });
    restOf.set(locale, done);
  }
  return done;
}

/** Fetches a language's messages once (the first part, and the rest once it is wanted); createTranslate(locale) needs them. */
export async function loadMessages(locale: Locale): Promise<void> {
  if (!loaded.has(locale)) loaded.set(locale, { ...(await loaders[locale].first()) });
  if (restWanted) await loadRestOf(locale);
}

/** The rest of every loaded language's messages (and of a language loaded later): before any page but the phone's customer list. */
export function loadRestMessages(): Promise<void> {
  restWanted = true;
  return Promise.all([...loaded.keys()].map(loadRestOf)).then(() => undefined);
}

function interpolate(text: string, vars: TranslateVars | undefined): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = vars[name];
    return value === undefined ? match : String(value);
  });
}

export function isMessageKey(key: string): key is MessageKey {
  // Both catalogues define the same keys (the zh-CN one is typed by the English one); a loaded one
  // may still wait for its rest.
  return [...loaded.values()].some((messages) => Object.prototype.hasOwnProperty.call(messages, key));
}

/** The translate function of a language whose messages loadMessages has fetched. */
export function createTranslate(locale: Locale): Translate {
  const messages = loaded.get(locale);
  if (!messages) throw new Error(`The ${locale} messages are not loaded yet (loadMessages first)`);
  // A key of the rest before it has arrived shows as itself rather than breaking the page.
  return (key, vars) => interpolate(messages[key] ?? key, vars);
}
