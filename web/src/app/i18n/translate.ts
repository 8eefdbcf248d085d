import type { Locale } from '@crm/contracts';
import type { MessageKey, Messages } from './en';

export type { MessageKey } from './en';
export type TranslateVars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: TranslateVars) => string;

// Each language's messages are a file of their own (about 28 KB compressed each): a page
// downloads the language it shows, and the other one only when the user switches.
const loaders: Record<Locale, () => Promise<Messages>> = {
  'zh-CN': () => import('./zh-cn').then((m) => m.zhCN),
  en: () => import('./en').then((m) => m.en),
};
const loaded = new Map<Locale, Messages>();

/** Fetches a language's messages once; createTranslate(locale) needs them. */
export async function loadMessages(locale: Locale): Promise<void> {
  if (!loaded.has(locale)) loaded.set(locale, await loaders[locale]());
}

function interpolate(text: string, vars: TranslateVars | undefined): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = vars[name];
    return value === undefined ? match : String(value);
  });
}

export function isMessageKey(key: string): key is MessageKey {
  // Both catalogues define the same keys (the zh-CN one is typed by the English one).
  const messages = loaded.values().next().value;
  return messages !== undefined && Object.prototype.hasOwnProperty.call(messages, key);
}

/** The translate function of a language whose messages loadMessages has fetched. */
export function createTranslate(locale: Locale): Translate {
  const messages = loaded.get(locale);
  if (!messages) throw new Error(`The ${locale} messages are not loaded yet (loadMessages first)`);
  return (key, vars) => interpolate(messages[key], vars);
}
