import { z } from 'zod';

/** Error codes of the API; each maps to one HTTP status (server/src/platform/errors.ts). */
export const errorCodes = [
  'VALIDATION_FAILED',
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const errorDetail = z.object({ path: z.string(), message: z.string() });
export const errorBody = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string(),
    details: z.array(errorDetail).optional(),
    current: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBody>;

export const locales = ['zh-CN', 'en'] as const;
export type Locale = (typeof locales)[number];

/** The largest value of an `integer` column on PostgreSQL (int4): ids, versions, counts, days. */
export const int4Max = 2_147_483_647;

/**
 * A whole number from a query string or a path: decimal digits only (" 1", "1e0", "0x1" and "+1"
 * are refused, not read as 1), or a number from code; then bounded like its column.
 */
export function queryInt(min: number, max: number) {
  const bounded = z.number().int().min(min).max(max);
  return z.union([bounded, z.string().regex(/^\d{1,16}$/).transform(Number).pipe(bounded)], { message: 'wholeNumberDigits' });
}

/** A record id in a path or a query string. */
export const id = queryInt(1, int4Max);
export const idParams = z.object({ id }).strict();
/** The version of a settings document as read (0 while it was never saved: the defaults apply). */
export const settingsVersion = z.number().int().min(0).max(int4Max);

/** Fields every stored record carries. */
export const recordMeta = {
  id: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  createdBy: z.number().int().nullable(),
  updatedBy: z.number().int().nullable(),
};

export const pageQuery = {
  q: z.string().trim().max(100).optional(),
  page: queryInt(1, 100000).default(1),
  pageSize: queryInt(1, 200).default(20),
};

export function listOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    /** True when there are more than `total` records: the count stopped at a cap (shown as "10,000+"). */
    totalCapped: z.boolean().optional(),
  });
}
export interface ListResponse<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
  totalCapped?: boolean;
}

/** Optional free text: trimmed, empty string becomes null. */
export function text(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v))
    // Declares what the transform returns, so the OpenAPI document can say it (a string or null).
    .pipe(z.string().nullable())
    .nullable();
}

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'YYYY-MM-DD' })
  .refine((v) => !Number.isNaN(Date.parse(v)), { message: 'YYYY-MM-DD' });

export const email = z.string().trim().toLowerCase().max(254).pipe(z.email());

export const versionField = { version: z.number().int().positive().max(int4Max) };
