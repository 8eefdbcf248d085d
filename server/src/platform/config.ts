import path from 'node:path';

export type Engine = 'sqlite' | 'postgres';

/** An S3-compatible bucket (AWS S3, Aliyun OSS, Tencent COS, MinIO) for uploaded files. */
export interface S3Settings {
  kind: 's3';
  /** The service's address (`https://oss-cn-hangzhou.aliyuncs.com`); unset = AWS S3 of the region. */
  endpoint: string | null;
  bucket: string;
  region: string;
  /** Unset = the AWS SDK's usual sources (AWS_ACCESS_KEY_ID..., an instance role). */
  accessKeyId: string | null;
  secretAccessKey: string | null;
  /** `https://host/bucket/key` rather than `https://bucket.host/key` (MinIO and most self-hosted services). */
  forcePathStyle: boolean;
}

/** Where attachments and uploaded import files are kept (CRM_STORAGE). */
export type StorageSettings = { kind: 'folder' } | S3Settings;

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
  /** Attachments and uploaded import files: the data folder, or a bucket every server shares. */
  storage: StorageSettings;
  /**
   * How long an import job stays claimed by a server without news from it (CRM_IMPORT_LEASE_SECONDS):
   * after a crash, another server resumes the job once this long has passed since its last batch.
   */
  importLeaseSeconds: number;
  /**
   * The key that encrypts secrets kept in the database, such as the SMTP password (CRM_SECRET_KEY:
   * 32 bytes as 64 hex digits or base64). Unset = a random key made once and kept in the data
   * folder (`secret.key`, mode 0600).
   */
  secretKey: Buffer | null;
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

function storage(env: NodeJS.ProcessEnv): StorageSettings {
  const kind = env.CRM_STORAGE?.trim() || 'folder';
  if (kind === 'folder') return { kind: 'folder' };
  if (kind !== 's3') throw new Error(`CRM_STORAGE must be folder or s3, not "${kind}"`);
  const bucket = env.CRM_S3_BUCKET?.trim();
  if (!bucket) throw new Error('CRM_STORAGE=s3 needs CRM_S3_BUCKET');
  return {
    kind: 's3',
    endpoint: env.CRM_S3_ENDPOINT?.trim() || null,
    bucket,
    region: env.CRM_S3_REGION?.trim() || 'us-east-1',
    accessKeyId: env.CRM_S3_ACCESS_KEY_ID?.trim() || null,
    secretAccessKey: env.CRM_S3_SECRET_ACCESS_KEY?.trim() || null,
    forcePathStyle: env.CRM_S3_FORCE_PATH_STYLE === '1' || env.CRM_S3_FORCE_PATH_STYLE === 'true',
  };
}

/** CRM_SECRET_KEY: 64 hex digits or base64 of 32 bytes; anything else stops the server (a wrong key must not be guessed at). */
function secretKey(text: string | undefined): Buffer | null {
  const value = text?.trim() ?? '';
  if (value === '') return null;
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(value)) {
    const key = Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (key.length === 32) return key;
  }
  throw new Error('CRM_SECRET_KEY must be 32 bytes written as 64 hex digits or base64 (openssl rand -hex 32)');
}

function positive(text: string | undefined, fallback: number): number {
  const value = Number(text);
  return Number.isFinite(value) && value > 0 ? value : fallback;
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
    storage: storage(env),
    importLeaseSeconds: positive(env.CRM_IMPORT_LEASE_SECONDS, 15),
    secretKey: secretKey(env.CRM_SECRET_KEY),
  };
}
