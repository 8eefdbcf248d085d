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
  };
}
