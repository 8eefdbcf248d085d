import path from 'node:path';

export type Engine = 'sqlite' | 'postgres';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  engine: Engine;
  adminEmail: string | null;
  adminPassword: string | null;
  demo: boolean;
  /** Idle lifetime of a session, in minutes. */
  sessionTtlMinutes: number;
  /** Served as the web app when present. */
  webDist: string | null;
  /** Extra origins allowed to send state-changing requests (besides the server's own). */
  trustedOrigins: string[];
  logLevel: string;
  /** Allow `Secure` on the session cookie (behind HTTPS). */
  secureCookies: boolean;
  /** The address users reach the server at (`https://crm.example.com`), for links given out; else the request's own. */
  publicUrl: string | null;
  /** Public web forms: at most `count` submissions per IP address in `minutes` (CRM_FORM_RATE_LIMIT=`count/minutes`). */
  formRateLimit: { count: number; minutes: number };
  /**
   * Proxies in front of the server whose X-Forwarded-For is believed (CRM_TRUST_PROXY: a comma
   * list of addresses, CIDR ranges or `loopback` / `uniquelocal`); false = the socket's address.
   * Behind a reverse proxy, without it every visitor shares the proxy's address (one login
   * throttle and one web-form limit for all). A hop count is not offered: it would believe a
   * header any direct client can forge.
   */
  trustProxy: false | string[];
}

/** `5/10` (5 per 10 minutes) or `5` (per 10 minutes); anything unreadable keeps the default. */
function rateLimit(text: string | undefined, fallback: { count: number; minutes: number }): { count: number; minutes: number } {
  const match = /^\s*(\d+)\s*(?:\/\s*(\d+)\s*)?$/.exec(text ?? '');
  if (!match) return fallback;
  const count = Number(match[1]);
  const minutes = match[2] === undefined ? fallback.minutes : Number(match[2]);
  return count > 0 && minutes > 0 ? { count, minutes } : fallback;
}

function trustProxy(text: string | undefined): false | string[] {
  const value = text?.trim() ?? '';
  if (value === '' || value === 'false') return false;
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, argv: string[] = []): Config {
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  const engine: Engine = databaseUrl && /^postgres(ql)?:\/\//.test(databaseUrl) ? 'postgres' : 'sqlite';
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.CRM_DATA_DIR ?? './data'),
    databaseUrl,
    engine,
    adminEmail: env.CRM_ADMIN_EMAIL?.trim() || null,
    adminPassword: env.CRM_ADMIN_PASSWORD || null,
    demo: argv.includes('--demo') || env.CRM_DEMO === '1' || env.CRM_DEMO === 'true',
    sessionTtlMinutes: Number(env.CRM_SESSION_TTL_MINUTES ?? 60 * 12),
    webDist: env.CRM_WEB_DIST ?? null,
    trustedOrigins: (env.CRM_TRUSTED_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    logLevel: env.LOG_LEVEL ?? 'info',
    secureCookies: env.CRM_SECURE_COOKIES === '1',
    publicUrl: env.CRM_PUBLIC_URL?.trim().replace(/\/+$/, '') || null,
    formRateLimit: rateLimit(env.CRM_FORM_RATE_LIMIT, { count: 5, minutes: 10 }),
    trustProxy: trustProxy(env.CRM_TRUST_PROXY),
  };
}
