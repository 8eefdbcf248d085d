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

export const id = z.coerce.number().int().positive().max(2_147_483_647);
export const idParams = z.object({ id }).strict();

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
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
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
    .nullable();
}

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'YYYY-MM-DD' })
  .refine((v) => !Number.isNaN(Date.parse(v)), { message: 'YYYY-MM-DD' });

export const email = z.string().trim().toLowerCase().max(254).pipe(z.email());

export const versionField = { version: z.number().int().positive().max(2_147_483_647) };
