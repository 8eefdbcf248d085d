import { z } from 'zod';
import { int4Max, queryInt, settingsVersion } from './common.js';

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

/**
 * The company logo, printed beside its name on quotations (the printable sheet and the PDF): a PNG
 * or JPEG of at most 256 KB and 2000 × 2000 pixels. The bytes decide the type, not the file's name.
 */
export const companyLogoTypes = ['image/png', 'image/jpeg'] as const;
export type CompanyLogoType = (typeof companyLogoTypes)[number];
export const companyLogoMaxBytes = 256 * 1024;
export const companyLogoMaxSide = 2000;
/** The base64 text of a file of companyLogoMaxBytes. */
const logoBase64Max = Math.ceil(companyLogoMaxBytes / 3) * 4;

/**
 * The logo as the company settings name it, null when there is none. `version` is the settings
 * version its upload made: put it in the logo's address (GET /settings/company/logo?v=7) so that a
 * new logo is fetched rather than a cached one. Width and height in pixels, for a layout that does
 * not jump while the image loads.
 */
export const companyLogoRef = z.object({ version: z.number().int(), width: z.number().int(), height: z.number().int() });
export type CompanyLogoRef = z.infer<typeof companyLogoRef>;

/** The company's name as printed on quotations, in Chinese and in English (empty: not set). */
const companyName = z.string().trim().max(120);
/** As stored: defaults apply to what was never saved. */
export const companySettingsValue = z.object({
  timeZone: timeZone.default(defaultTimeZone),
  name: companyName.default(''),
  nameEn: companyName.default(''),
  logo: companyLogoRef.nullable().default(null),
});

export const companySettings = z.object({
  timeZone: z.string(),
  name: z.string(),
  nameEn: z.string(),
  /** The logo (its upload's version and size), null without one; the image is GET /settings/company/logo. */
  logo: companyLogoRef.nullable(),
  /** 0 until an administrator saves them. */
  version: z.number().int(),
});
export type CompanySettings = z.infer<typeof companySettings>;

/** PUT /settings/company: a name left out stays as it is (and so does the logo, which has its own address). */
export const companySettingsUpdate = z.object({ timeZone, name: companyName.optional(), nameEn: companyName.optional(), version: settingsVersion }).strict();
export type CompanySettingsUpdate = z.input<typeof companySettingsUpdate>;

/**
 * PUT /settings/company/logo: the file as base64 (no `data:` prefix), its type, and the company
 * settings' version as read (the upload changes the settings: 409 when somebody saved in between).
 */
export const companyLogoUpload = z
  .object({
    image: z.string().min(1).max(logoBase64Max, { message: 'companyLogoTooLarge' }).regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'companyLogoNotBase64' }),
    contentType: z.enum(companyLogoTypes),
    version: settingsVersion,
  })
  .strict();
export type CompanyLogoUpload = z.input<typeof companyLogoUpload>;

/** DELETE /settings/company/logo?version=7: the company settings' version as read. */
export const companyLogoDeleteQuery = z.object({ version: queryInt(0, int4Max) }).strict();

/** GET /settings/company/logo?v=7: `v` only tells caches one logo from the next (the settings' `logo.version`). */
export const companyLogoQuery = z.object({ v: queryInt(0, int4Max).optional() }).strict();
