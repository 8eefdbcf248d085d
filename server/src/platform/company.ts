import { companyLogoTypes, companySettingsValue, type CompanyLogoType, type CompanySettings } from '@crm/contracts';
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { DB } from './db/schema.js';
import { readSetting, replaceSetting, writeSetting } from './settings.js';

type Db = Kysely<DB> | Transaction<DB>;
type CompanyValue = z.output<typeof companySettingsValue>;
type By = { userId: number | null; at: string };

const settingKey = 'company';
// The logo's file is a setting of its own, so that reading the settings stays small.
const logoKey = 'company.logo';

/** The company settings with their version (0 until an administrator saves them). */
export async function readCompanySettings(db: Db): Promise<CompanySettings> {
  const { value, version } = await readSetting(db, settingKey, companySettingsValue);
  return { ...value, version };
}

/** Save them with the version the caller read: false when somebody else saved in between. */
export function writeCompanySettings(db: Db, value: CompanyValue, version: number, by: By): Promise<boolean> {
  return writeSetting(db, settingKey, { timeZone: value.timeZone, name: value.name, nameEn: value.nameEn, logo: value.logo }, version, by);
}

const storedLogo = z.object({ contentType: z.enum(companyLogoTypes), etag: z.string(), data: z.string() });

export interface CompanyLogo {
  contentType: CompanyLogoType;
  /** A digest of the bytes: the logo's HTTP entity tag. */
  etag: string;
  bytes: Buffer;
}

/** The logo's file, null when there is none. */
export async function readCompanyLogo(db: Db): Promise<CompanyLogo | null> {
  const { value } = await readSetting(db, logoKey, storedLogo.nullable().catch(null));
  return value ? { contentType: value.contentType, etag: value.etag, bytes: Buffer.from(value.data, 'base64') } : null;
}

/**
 * Replace the logo, or remove it (null), with the company settings' version as read: the settings
 * name the logo, so the change makes a new version of them. 'stale' when they changed since,
 * 'none' when there is no logo to remove.
 */
export function writeCompanyLogo(db: Kysely<DB>, logo: (CompanyLogo & { width: number; height: number }) | null, version: number, by: By): Promise<'done' | 'stale' | 'none'> {
  return db.transaction().execute(async (trx) => {
    const current = await readSetting(trx, settingKey, companySettingsValue);
    if (current.version !== version) return 'stale';
    if (!logo && !current.value.logo) return 'none';
    const ref = logo ? { version: version + 1, width: logo.width, height: logo.height } : null;
    if (!(await writeCompanySettings(trx, { ...current.value, logo: ref }, version, by))) return 'stale';
    await replaceSetting(trx, logoKey, logo ? { contentType: logo.contentType, etag: logo.etag, data: logo.bytes.toString('base64') } : null, by);
    return 'done';
  });
}

/** The company's IANA time zone (Asia/Shanghai unless an administrator chose another): what "today" and exported times mean. */
export async function companyTimeZone(db: Db): Promise<string> {
  return (await readCompanySettings(db)).timeZone;
}

/** The wall-clock date and time of an instant in a time zone. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

export function wallClock(instant: Date, timeZone: string): WallClock {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  const parts: Record<string, number> = {};
  for (const p of format.formatToParts(instant)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return { year: parts.year ?? 0, month: parts.month ?? 1, day: parts.day ?? 1, hour: parts.hour ?? 0, minute: parts.minute ?? 0, second: parts.second ?? 0 };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** An instant as people read it in the company: "2026-12-04 23:15:00" in `timeZone`. */
export function localDateTime(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
}

/** The calendar date (YYYY-MM-DD) of an instant in `timeZone`: "today" for the company. */
export function localDate(instant: Date, timeZone: string): string {
  return localDateTime(instant, timeZone).slice(0, 10);
}

/** The instant a calendar day (YYYY-MM-DD) begins in `timeZone`: where a day, month or year starts for the company. */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const asUtc = Date.UTC(y, m - 1, d);
  // The zone's offset at that moment, applied twice so that a day starting inside a clock change lands right.
  let instant = asUtc;
  for (let i = 0; i < 2; i++) {
    const w = wallClock(new Date(instant), timeZone);
    const shown = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
    instant += asUtc - shown;
  }
  return new Date(instant);
}
