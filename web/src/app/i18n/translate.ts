import type { Locale } from '@crm/contracts';
import { en, type MessageKey, type Messages } from './en';
import { zhCN } from './zh-cn';

export type { MessageKey } from './en';
export type TranslateVars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: TranslateVars) => string;

const catalogues: Record<Locale, Messages> = { 'zh-CN': zhCN, en };

function interpolate(text: string, vars: TranslateVars | undefined): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = vars[name];
    return value === undefined ? match : String(value);
  });
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}

export function createTranslate(locale: Locale): Translate {
  const messages = catalogues[locale];
  return (key, vars) => interpolate(messages[key], vars);
}
