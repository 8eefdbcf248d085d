import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions } from 'fastify';
import pg from 'pg';
import { buildApp } from '../app.js';
import { bootstrap } from '../bootstrap.js';
import type { Clock } from '../platform/clock.js';
import { loadConfig, type Engine } from '../platform/config.js';
import type { AppContext } from '../platform/context.js';
import { createDatabase, type Database } from '../platform/db/database.js';
import { migrate } from '../platform/db/migrate.js';
import type { OpenApiRegistry } from '../platform/http/openapi.js';

export const adminEmail = 'admin@example.com';
export const adminPassword = 'admin-password-1';

/** The engine this test run uses: `CRM_TEST_ENGINE=postgres` with CRM_TEST_DATABASE_URL, else SQLite. */
export const testEngine: Engine = process.env.CRM_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

function postgresUrl(database: string): string {
  const base = process.env.CRM_TEST_DATABASE_URL;
  if (!base) throw new Error('CRM_TEST_DATABASE_URL is needed for the PostgreSQL run');
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

/** A fresh, migrated database of the test engine; dropped by `drop()`. */
export async function freshDatabase(): Promise<{ database: Database; dataDir: string; databaseUrl: string | null; drop: () => Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-test-'));
  if (testEngine === 'sqlite') {
    const database = createDatabase({ engine: 'sqlite', databaseUrl: null, dataDir });
    return {
      database,
      dataDir,
      databaseUrl: null,
      drop: async () => {
        await database.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const name = `crm_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: postgresUrl('postgres') });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const databaseUrl = postgresUrl(name);
  const database = createDatabase({ engine: 'postgres', databaseUrl, dataDir }, { poolSize: 4 });
  return {
    database,
    dataDir,
    databaseUrl,
    drop: async () => {
      await database.close();
      const client = new pg.Client({ connectionString: postgresUrl('postgres') });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A refused request's body, as tests read it (details present on validation errors). */
export interface ErrorAnswer {
  error: { code: string; message: string; details: Array<{ path: string; message: string }>; current?: unknown };
}
/** The field paths of a validation error. */
export const errorPaths = (res: { body: ErrorAnswer }): string[] => res.body.error.details.map((d) => d.path);
/** The message at one field path of a validation error. */
export const errorAt = (res: { body: ErrorAnswer }, path: string): string | undefined => res.body.error.details.find((d) => d.path === path)?.message;

export interface Response<T = unknown> {
  status: number;
  body: T;
  headers: Record<string, unknown>;
}

/** A signed-in (or anonymous) HTTP client over app.inject, keeping the session cookie. */
export class Agent {
  cookie: string | null = null;
  constructor(
    private readonly app: FastifyInstance,
    private readonly lang = 'en',
  ) {}

  async request<T = any>(method: InjectOptions['method'], url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response<T>> {
    const res = await this.app.inject({
      method,
      url,
      headers: {
        'accept-language': this.lang,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const setCookie = res.cookies.find((c) => c.name === 'crm_session');
    if (setCookie) this.cookie = setCookie.value ? `crm_session=${setCookie.value}` : null;
    let parsed: unknown = undefined;
    if (res.body) {
      try {
        parsed = JSON.parse(res.body);
      } catch {
        parsed = res.body;
      }
    }
    return { status: res.statusCode, body: parsed as T, headers: res.headers };
  }
  get<T = any>(url: string) { return this.request<T>('GET', url); }
  post<T = any>(url: string, body?: unknown) { return this.request<T>('POST', url, body); }
  patch<T = any>(url: string, body?: unknown) { return this.request<T>('PATCH', url, body); }
  put<T = any>(url: string, body?: unknown) { return this.request<T>('PUT', url, body); }
  delete<T = any>(url: string) { return this.request<T>('DELETE', url); }
}

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  /** Every registered route with its declared access. */
  registry: OpenApiRegistry;
  /** A new agent signed in as the given user. */
  login(email?: string, password?: string, lang?: string): Promise<Agent>;
  anonymous(lang?: string): Agent;
  close(): Promise<void>;
}

/** Build the real app on a fresh database of the test engine, with the administrator created. */
export async function createTestApp(options: { clock?: Clock; env?: NodeJS.ProcessEnv; importWorkerThread?: boolean } = {}): Promise<TestApp> {
  const fresh = await freshDatabase();
  await migrate(fresh.database);
  const config = {
    ...loadConfig({ CRM_DATA_DIR: fresh.dataDir, CRM_ADMIN_EMAIL: adminEmail, CRM_ADMIN_PASSWORD: adminPassword, CRM_WEB_DIST: path.join(fresh.dataDir, 'no-web'), ...options.env }),
    engine: testEngine,
    databaseUrl: fresh.databaseUrl,
  };
  const { app, ctx, registry } = await buildApp({ config, database: fresh.database, clock: options.clock, checkResponses: true, importWorkerThread: options.importWorkerThread ?? false });
  await bootstrap(ctx, () => undefined);
  await app.ready();
  return {
    app,
    ctx,
    registry,
    async login(email = adminEmail, password = adminPassword, lang = 'en') {
      const agent = new Agent(app, lang);
      const res = await agent.post('/api/v1/auth/login', { email, password });
      if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return agent;
    },
    anonymous(lang = 'en') {
      return new Agent(app, lang);
    },
    async close() {
      await app.close();
      await fresh.drop();
    },
  };
}

/** A controllable clock for tests where time matters. */
export class TestClock implements Clock {
  constructor(private current = new Date('2026-11-22T08:00:00Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}
