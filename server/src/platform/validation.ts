import type { Locale } from '@crm/contracts';
import { z } from 'zod';
import en from 'zod/v4/locales/en.js';
import zhCN from 'zod/v4/locales/zh-CN.js';
import { AppError, type ErrorDetail } from './errors.js';
import { isMessageKey, t } from './i18n.js';
import { textIssues } from './text-input.js';

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

type Words = { en: string; 'zh-CN': string };
const say = (locale: Locale, words: Words, params: Record<string, string | number> = {}) =>
  words[locale].replace(/\{(\w+)\}/g, (_m, name: string) => String(params[name] ?? ''));

const typeWords: Record<string, Words> = {
  string: { en: 'Enter text.', 'zh-CN': '应填写文字。' },
  number: { en: 'Enter a number.', 'zh-CN': '应填写数字。' },
  int: { en: 'Enter a whole number.', 'zh-CN': '应填写整数。' },
  boolean: { en: 'Choose yes or no.', 'zh-CN': '应选择是或否。' },
  array: { en: 'Enter a list.', 'zh-CN': '应填写列表。' },
  date: { en: 'Enter a date.', 'zh-CN': '应填写日期。' },
};
const formatWords: Record<string, Words> = {
  email: { en: 'Not a valid email address.', 'zh-CN': '邮箱格式不正确。' },
  url: { en: 'Not a valid web address.', 'zh-CN': '网址格式不正确。' },
  date: { en: 'Use a date as YYYY-MM-DD.', 'zh-CN': '日期格式应为 YYYY-MM-DD。' },
  datetime: { en: 'Not a valid date and time.', 'zh-CN': '日期时间格式不正确。' },
};

/**
 * What a user reads for a validator's issue: the limit in words ("At most 120 characters." /
 * "最多 120 个字。"), never the validator's own wording ("数值过大：期望 string <=120 字符"). The
 * field is named by the path (a form marks it; an import report puts its label in front).
 */
function humanMessage(issue: z.core.$ZodIssue, locale: Locale): string | null {
  switch (issue.code) {
    case 'too_big': {
      const max = Number(issue.maximum);
      const exclusive = issue.inclusive === false;
      if (issue.origin === 'string') return say(locale, { en: 'At most {n} characters.', 'zh-CN': '最多 {n} 个字。' }, { n: exclusive ? max - 1 : max });
      if (issue.origin === 'array' || issue.origin === 'set') return say(locale, { en: 'At most {n} items.', 'zh-CN': '最多 {n} 项。' }, { n: exclusive ? max - 1 : max });
      return exclusive ? say(locale, { en: 'Must be less than {n}.', 'zh-CN': '应小于 {n}。' }, { n: max }) : say(locale, { en: 'At most {n}.', 'zh-CN': '不能大于 {n}。' }, { n: max });
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      const exclusive = issue.inclusive === false;
      if (issue.origin === 'string') {
        if (min <= 1) return say(locale, { en: 'Required.', 'zh-CN': '必填。' });
        return say(locale, { en: 'At least {n} characters.', 'zh-CN': '至少 {n} 个字。' }, { n: exclusive ? min + 1 : min });
      }
      if (issue.origin === 'array' || issue.origin === 'set') return say(locale, { en: 'At least {n} items.', 'zh-CN': '至少 {n} 项。' }, { n: exclusive ? min + 1 : min });
      return exclusive ? say(locale, { en: 'Must be more than {n}.', 'zh-CN': '应大于 {n}。' }, { n: min }) : say(locale, { en: 'At least {n}.', 'zh-CN': '不能小于 {n}。' }, { n: min });
    }
    case 'invalid_type': {
      if (issue.input === undefined || issue.input === null) return say(locale, { en: 'Required.', 'zh-CN': '必填。' });
      const words = typeWords[issue.expected];
      return words ? say(locale, words) : say(locale, { en: 'Not in a valid format.', 'zh-CN': '格式不正确。' });
    }
    case 'invalid_format': {
      const words = formatWords[issue.format];
      return words ? say(locale, words) : say(locale, { en: 'Not in a valid format.', 'zh-CN': '格式不正确。' });
    }
    case 'invalid_value':
      return say(locale, { en: 'Not one of the allowed values.', 'zh-CN': '不是可选的值。' });
    case 'not_multiple_of':
      return say(locale, { en: 'Must be a multiple of {n}.', 'zh-CN': '应为 {n} 的倍数。' }, { n: String(issue.divisor) });
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
      return say(locale, { en: 'Not in a valid format.', 'zh-CN': '格式不正确。' });
    default:
      return null;
  }
}

/** Every issue of a failed parse, with its field path and a message in the caller's language. */
export function issuesToDetails(error: z.ZodError, locale: Locale): ErrorDetail[] {
  return error.issues.map((issue) => {
    const custom = customMessages[issue.message];
    // A schema's own message may be a catalogue key (contracts' refinements): translate it;
    // the validator's own wording never reaches a user.
    let message = custom ? custom[locale] : isMessageKey(issue.message) ? t(locale, issue.message) : issue.code === 'custom' ? issue.message : (humanMessage(issue, locale) ?? issue.message);
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

/**
 * Parse input with a shared schema; a failure is a field-level VALIDATION_FAILED. Text breaking the
 * characters rule (control characters, line breaks in one-line fields: contracts/src/text.ts) is
 * refused here too, for every route, the public form and every import row alike.
 */
export function parse<S extends z.ZodType>(schema: S, input: unknown, locale: Locale): z.output<S> {
  const text = textIssues(schema, input);
  // reportInput: an issue then tells a missing value (必填) from a wrong one.
  const result = schema.safeParse(input, { error: zodLocales[locale].localeError, reportInput: true });
  if (result.success && text.length === 0) return result.data;
  // A field the schema refuses itself keeps the schema's own (more specific) message.
  const own = result.success ? [] : issuesToDetails(result.error, locale);
  const marked = new Set(own.map((d) => d.path));
  const details = [...own, ...text.filter((d) => !marked.has(d.path)).map((d) => ({ path: d.path, message: t(locale, d.message) }))];
  throw new AppError('VALIDATION_FAILED', 'validationFailed', details);
}
