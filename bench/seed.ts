import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { createDatabase, type Database } from '../server/src/platform/db/database.js';
import { generateCustomer, pickSearchTerms, type DatasetShape, type GeneratedCustomer, type SearchTerms } from './dataset.js';
import { benchDir, type BenchOptions } from './options.js';
import { createOrganisation, readOrganisation, type Organisation } from './setup.js';
import { postgresWriter, sqliteWriter, type BulkWriter } from './writers.js';

export interface SeedFigures {
  reused: boolean;
  seconds: number;
  customers: number;
  contacts: number;
  customersPerSecond: number;
  rowsPerSecond: number;
}

export interface PreparedData {
  /** How the server child and the bench process reach the database. */
  env: { CRM_DATA_DIR: string } | { DATABASE_URL: string };
  open(): Database;
  organisation: Organisation;
  terms: SearchTerms;
  seeding: SeedFigures;
  location: string;
  /** Remove what this run created and the options say not to keep. */
  cleanup(): Promise<void>;
}

const batchSize = 5000;

async function customerCount(database: Database): Promise<number> {
  const counter = await database.db.selectFrom('counters').select('value').where('name', '=', 'customer_archive_no').executeTakeFirst();
  if (!counter) return 0;
  const rows = await database.db.selectFrom('customers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(rows.n) === counter.value ? counter.value : 0;
}

async function fill(writer: BulkWriter, shape: DatasetShape, customers: number): Promise<Omit<SeedFigures, 'reused' | 'seconds' | 'customersPerSecond' | 'rowsPerSecond'>> {
  let contacts = 0;
  let reported = 0;
  for (let from = 1; from <= customers; from += batchSize) {
    const batch: GeneratedCustomer[] = [];
    for (let i = from; i < from + batchSize && i <= customers; i++) batch.push(generateCustomer(shape, i));
    contacts += batch.reduce((n, c) => n + c.contacts.length, 0);
    await writer.write(batch);
    const done = Math.min(customers, from + batchSize - 1);
    const tenths = Math.floor((done * 10) / customers);
    if (tenths > reported) {
      reported = tenths;
      process.stderr.write(`  seeded ${done.toLocaleString('en')} customers\n`);
    }
  }
  process.stderr.write('  analyze…\n');
  await writer.finish(customers);
  return { customers, contacts };
}

async function seed(database: Database, makeWriter: () => Promise<BulkWriter>, options: BenchOptions): Promise<{ organisation: Organisation; figures: SeedFigures }> {
  const started = performance.now();
  const organisation = await createOrganisation(database);
  await database.close();
  const shape: DatasetShape = { seed: options.seed, ownerIds: organisation.ownerIds, adminId: organisation.adminId, nowMs: Date.now() };
  const counts = await fill(await makeWriter(), shape, options.customers);
  const seconds = (performance.now() - started) / 1000;
  return {
    organisation,
    figures: {
      reused: false, seconds, ...counts,
      customersPerSecond: counts.customers / seconds,
      rowsPerSecond: (counts.customers * 2 + counts.contacts) / seconds, // customers, their index rows, contacts
    },
  };
}

function reusedFigures(customers: number): SeedFigures {
  return { reused: true, seconds: 0, customers, contacts: 0, customersPerSecond: 0, rowsPerSecond: 0 };
}

function termsFor(options: BenchOptions, organisation: Organisation): SearchTerms {
  return pickSearchTerms({ seed: options.seed, ownerIds: organisation.ownerIds, adminId: organisation.adminId, nowMs: Date.now() }, options.customers);
}

async function prepareSqlite(options: BenchOptions): Promise<PreparedData> {
  const dataDir = path.resolve(options.reuse ?? path.join(benchDir, '.data', `sqlite-${options.customers}`));
  const config = { engine: 'sqlite' as const, databaseUrl: null, dataDir };
  const open = () => createDatabase(config);
  let seeding: SeedFigures;
  let organisation: Organisation;
  const existing = fs.existsSync(path.join(dataDir, 'crm.sqlite')) ? open() : null;
  const ready = existing ? (await customerCount(existing)) === options.customers : false;
  if (existing && ready) {
    organisation = await readOrganisation(existing);
    await existing.close();
    seeding = reusedFigures(options.customers);
    process.stderr.write(`Reusing ${dataDir} (${options.customers.toLocaleString('en')} customers)\n`);
  } else {
    await existing?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    process.stderr.write(`Seeding ${options.customers.toLocaleString('en')} customers into ${dataDir}\n`);
    const result = await seed(open(), async () => sqliteWriter(path.join(dataDir, 'crm.sqlite')), options);
    organisation = result.organisation;
    seeding = result.figures;
  }
  return {
    env: { CRM_DATA_DIR: dataDir }, open, organisation, seeding, location: dataDir, terms: termsFor(options, organisation),
    async cleanup() {
      if (options.clean) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function onServer<T>(baseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(baseUrl, 'postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function preparePostgres(options: BenchOptions): Promise<PreparedData> {
  const baseUrl = process.env.DATABASE_URL?.trim() || process.env.CRM_TEST_DATABASE_URL?.trim();
  if (!baseUrl) throw new Error('--engine postgres needs DATABASE_URL or CRM_TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres)');
  const reuse = options.reuse;
  const name = reuse ? (reuse.includes('://') ? new URL(reuse).pathname.slice(1) : reuse) : `crm_bench_${Date.now()}`;
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Unusable database name ${name}`);
  const databaseUrl = reuse?.includes('://') ? reuse : withDatabase(baseUrl, name);
  const config = { engine: 'postgres' as const, databaseUrl, dataDir: path.join(benchDir, '.data') };
  const open = () => createDatabase(config);
  let organisation: Organisation;
  let seeding: SeedFigures;
  if (reuse) {
    const database = open();
    const count = await customerCount(database);
    if (count !== options.customers) {
      await database.close();
      throw new Error(`Database ${name} holds ${count} seeded customers, not ${options.customers}.`);
    }
    organisation = await readOrganisation(database);
    await database.close();
    seeding = reusedFigures(options.customers);
  } else {
    await onServer(baseUrl, (client) => client.query(`create database ${name}`));
    process.stderr.write(`Seeding ${options.customers.toLocaleString('en')} customers into PostgreSQL database ${name}\n`);
    let result;
    try {
      result = await seed(open(), () => postgresWriter(databaseUrl), options);
    } catch (error) {
      if (!options.keep) await onServer(baseUrl, (client) => client.query(`drop database if exists ${name} with (force)`));
      throw error;
    }
    organisation = result.organisation;
    seeding = result.figures;
  }
  return {
    env: { DATABASE_URL: databaseUrl }, open, organisation, seeding, location: name, terms: termsFor(options, organisation),
    async cleanup() {
      if (reuse || options.keep) {
        process.stderr.write(`Kept PostgreSQL database ${name} (reuse with --reuse ${name})\n`);
        return;
      }
      await onServer(baseUrl, (client) => client.query(`drop database if exists ${name} with (force)`));
    },
  };
}

export function prepareData(options: BenchOptions): Promise<PreparedData> {
  return options.engine === 'postgres' ? preparePostgres(options) : prepareSqlite(options);
}
