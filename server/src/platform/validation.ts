import type { Locale } from '@crm/contracts';
import { z } from 'zod';
import en from 'zod/v4/locales/en.js';
import zhCN from 'zod/v4/locales/zh-CN.js';
import { AppError, type ErrorDetail } from './errors.js';
import { isMessageKey, t } from './i18n.js';

const zodLocales = { en: en(), 'zh-CN': zhCN() };

const customMessages: Record<string, { en: string; 'zh-CN': string }> = {
  'YYYY-MM-DD': { en: 'Use a date as YYYY-MM-DD.', 'zh-CN': '日期格式应为 YYYY-MM-DD。' },
  idCard: { en: 'Not a valid ID-card number (check digit).', 'zh-CN': '身份证号码无效（校验位不符）。' },
  creditCode: { en: 'Not a valid unified social credit code.', 'zh-CN': '统一社会信用代码无效。' },
  phone: { en: 'Not a valid phone number.', 'zh-CN': '电话号码格式无效。' },
  'a-z, 0-9, _': {
    en: 'Use lowercase letters, digits and _ only, starting with a letter.',
    'zh-CN': '只能使用小写字母、数字和下划线，并以字母开头。',
  },
};

/** Every issue of a failed parse, with its field path and a message in the caller's language. */
export function issuesToDetails(error: z.ZodError, locale: Locale): ErrorDetail[] {
  return error.issues.map((issue) => {
    const custom = customMessages[issue.message];
    // A schema's own message may be a catalogue key (contracts' refinements): translate it.
    let message = custom ? custom[locale] : isMessageKey(issue.message) ? t(locale, issue.message) : issue.message;
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: [...issue.path, key].join('.'),
        message: locale === 'en' ? 'Unknown field.' : '未知字段。',
      }));
    }
    if (!custom && !message) message = t(locale, 'validationFailed');
    return [{ path: issue.path.map(String).join('.'), message }];
  }).flat();
}

/** Parse input with a shared schema; a failure is a field-level VALIDATION_FAILED. */
export function parse<S extends z.ZodType>(schema: S, input: unknown, locale: Locale): z.output<S> {
  const result = schema.safeParse(input, { error: zodLocales[locale].localeError });
  if (result.success) return result.data;
  throw new AppError('VALIDATION_FAILED', 'validationFailed', issuesToDetails(result.error, locale));
}
