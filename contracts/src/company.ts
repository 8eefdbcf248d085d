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
export const companySettingsValue = z.object({ timeZone: timeZone.default(defaultTimeZone) });

export const companySettings = z.object({
  timeZone: z.string(),
  /** 0 until an administrator saves them. */
  version: z.number().int(),
});
export type CompanySettings = z.infer<typeof companySettings>;

export const companySettingsUpdate = z.object({ timeZone, version: settingsVersion }).strict();
export type CompanySettingsUpdate = z.input<typeof companySettingsUpdate>;
