import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type BenchEngine = 'sqlite' | 'postgres';

export interface BenchOptions {
  customers: number;
  engine: BenchEngine;
  iterations: number;
  /** Keep the seeded data at the end (the PostgreSQL database; SQLite data is kept as the cache anyway). */
  keep: boolean;
  /** SQLite: the data folder; PostgreSQL: a database name or URL. Seeding is skipped when it already holds N customers. */
  reuse: string | null;
  /** SQLite: delete the data folder at the end (by default it stays, as the cache for the next run). */
  clean: boolean;
  seed: number;
  /** HTTP client for the timed requests: node:http with keep-alive (default) or fetch (undici). */
  client: 'http' | 'fetch';
  /** Rows of the import figure (bench/import.ts), into a fresh database after the queries; 0 skips it. */
  importRows: number;
  /** Opportunities of the pipeline figure (bench/sales.ts), on their own database; 0 skips it. */
  opportunities: number;
  /** Payments of the receivables aging figure (bench/receivables.ts), on their own database; 0 skips it. */
  payments: number;
  /** Follow-ups of the workbench figure (bench/workbench.ts), on their own database; 0 skips it. */
  followUps?: number;
  /** Imported purchases of the analytics figure (bench/analytics.ts), over one customer per 20 of them, on their own database; 0 skips it. */
  transactions?: number;
}

export const benchDir = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(benchDir, '..');

const usage = `Usage: npm run bench -- [options]
  --customers N        customers to seed (default 100000)
  --engine E           sqlite (default) or postgres (DATABASE_URL or CRM_TEST_DATABASE_URL)
  --iterations K       timed runs per query (default 200)
  --reuse DIR|DB       SQLite: data folder to use; PostgreSQL: database name or URL to reuse
  --keep               keep the PostgreSQL database at the end (SQLite data always stays in its folder)
  --clean              delete the SQLite data folder at the end
  --seed S             data generator seed (default 20261122)
  --client C           http (node:http keep-alive, default) or fetch (undici)
  --import-rows N      rows of the CSV import figure, into a fresh database (default 100000; 0 skips it)
  --opportunities N    opportunities of the pipeline board / forecast figure (default 1000000; 0 skips it)
  --payments N         payments of the receivables aging figure (default 2000000; 0 skips it)
  --follow-ups N       follow-ups of the workbench figure (default 200000; 0 skips it)
  --transactions N     purchases of the analytics figure, over N/20 customers (default 20000000; 0 skips it)`;

function positiveInt(flag: string, value: string | undefined): number {
  const n = Number(value?.replace(/_/g, ''));
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${flag} needs a positive integer, got ${value ?? 'nothing'}\n${usage}`);
  return n;
}

export function parseOptions(argv: string[]): BenchOptions {
  const options: BenchOptions = { customers: 100_000, engine: 'sqlite', iterations: 200, keep: false, reuse: null, clean: false, seed: 20261122, client: 'http', importRows: 100_000, opportunities: 1_000_000, payments: 2_000_000, followUps: 200_000, transactions: 20_000_000 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] = arg.includes('=') ? (arg.split(/=(.*)/s, 2) as [string, string]) : [arg, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--customers': options.customers = positiveInt(flag, value()); break;
      case '--iterations': options.iterations = positiveInt(flag, value()); break;
      case '--seed': options.seed = positiveInt(flag, value()); break;
      case '--engine': {
        const engine = value();
        if (engine !== 'sqlite' && engine !== 'postgres') throw new Error(`--engine must be sqlite or postgres\n${usage}`);
        options.engine = engine;
        break;
      }
      case '--client': {
        const client = value();
        if (client !== 'http' && client !== 'fetch') throw new Error(`--client must be http or fetch\n${usage}`);
        options.client = client;
        break;
      }
      case '--import-rows': {
        const raw = value();
        options.importRows = raw === '0' ? 0 : positiveInt(flag, raw);
        break;
      }
      case '--opportunities': {
        const raw = value();
        options.opportunities = raw === '0' ? 0 : positiveInt(flag, raw);
        break;
      }
      case '--payments': {
        const raw = value();
        options.payments = raw === '0' ? 0 : positiveInt(flag, raw);
        break;
      }
      case '--follow-ups': {
        const raw = value();
        options.followUps = raw === '0' ? 0 : positiveInt(flag, raw);
        break;
      }
      case '--transactions': {
        const raw = value();
        options.transactions = raw === '0' ? 0 : positiveInt(flag, raw);
        break;
      }
      case '--reuse': options.reuse = value() ?? null; break;
      case '--keep': options.keep = true; break;
      case '--clean': options.clean = true; break;
      case '--help': case '-h': console.log(usage); process.exit(0); break;
      default: throw new Error(`Unknown option ${arg}\n${usage}`);
    }
  }
  return options;
}
