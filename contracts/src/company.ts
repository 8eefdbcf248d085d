import { z } from 'zod';
import { settingsVersion } from './common.js';

/**
 * Company-wide settings every signed-in user reads: the time zone that exported times are written
 * in and that "today" means (IANA name, Asia/Shanghai by default).
 */
export const defaultTimeZone = 'Asia/Shanghai';

/** Whether the runtime knows this IANA time zone. */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return value.trim() !== '';
  } catch {
    return false;
  }
}

const timeZone = z.string().trim().max(64).refine(isTimeZone, { message: 'companyTimeZoneInvalid' });

/** As stored: defaults apply to what was never saved. */
/** The company's name as printed on quotations, in Chinese and in English (empty: not set). */
const companyName = z.string().trim().max(120);
export const companySettingsValue = z.object({ timeZone: timeZone.default(defaultTimeZone), name: companyName.default(''), nameEn: companyName.default('') });

export const companySettings = z.object({
  timeZone: z.string(),
  name: z.string(),
  nameEn: z.string(),
  /** 0 until an administrator saves them. */
  version: z.number().int(),
});
export type CompanySettings = z.infer<typeof companySettings>;

/** PUT /settings/company: a name left out stays as it is. */
export const companySettingsUpdate = z.object({ timeZone, name: companyName.optional(), nameEn: companyName.optional(), version: settingsVersion }).strict();
export type CompanySettingsUpdate = z.input<typeof companySettingsUpdate>;
