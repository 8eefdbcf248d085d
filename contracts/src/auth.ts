import { z } from 'zod';
import { email, locales } from './common.js';
import { dataScopes, password, permission, user } from './org.js';

export const loginRequest = z
  .object({ email, password: z.string().min(1).max(200) })
  .strict();
export type LoginRequest = z.infer<typeof loginRequest>;

export const me = z.object({
  user,
  role: z.object({ id: z.number().int(), key: z.string(), name: z.string() }),
  permissions: z.array(permission),
  dataScope: z.enum(dataScopes),
  departmentName: z.string().nullable(),
});
export type Me = z.infer<typeof me>;
export const loginResponse = z.object({ user });

export const passwordChange = z
  .object({ currentPassword: z.string().min(1).max(200), newPassword: password })
  .strict();
export type PasswordChange = z.infer<typeof passwordChange>;

export const localeUpdate = z.object({ locale: z.enum(locales) }).strict();
