/**
 * `npm run bench -- [--customers N] [--engine sqlite|postgres] [--iterations K] [--reuse DIR|DB] [--keep] [--clean]`
 *
 * Seeds N customers (or reuses a seeded database), starts the real server in a child process on a
 * loopback port, and times the customer list, the owner filter and substring searches over HTTP and
 * directly against the database; then imports a CSV of `--import-rows` customers (bench/import.ts), then times the pipeline board and forecast over `--opportunities` deals (bench/sales.ts), then the receivables aging over `--payments` payments (bench/receivables.ts), then the workbench over `--follow-ups` follow-ups (bench/workbench.ts), then the analytics run and dashboards over `--transactions` purchases (bench/analytics.ts); Lighthouse scores the login page and the customer list (bench/lighthouse.ts). Prints a table and writes bench/results/<engine>-<N>-<time>.json.
 */
import { machine, formatReport, queryResult, targets, writeReport, type BenchReport, type QueryResult } from './report.js';
import { login } from './http.js';
import { benchImport, formatImport } from './import.js';
import { benchLighthouse, formatLighthouse, writeLighthouse } from './lighthouse.js';
import { timeRuns } from './measure.js';
import { parseOptions } from './options.js';
import { benchQueries, busiestOwner, rawQuery } from './queries.js';
import { benchReceivables, formatReceivables, writeReceivables } from './receivables.js';
import { benchSales, formatSales, writeSales } from './sales.js';
import { benchWorkbench, formatWorkbench, writeWorkbench } from './workbench.js';
import { benchAnalytics, formatAnalytics, writeAnalytics } from './analytics.js';
import { prepareData } from './seed.js';
import { startServer, type ServerHandle } from './server.js';

interface ListAnswer {
  total: number;
  items: unknown[];
}

function isListAnswer(value: unknown): value is ListAnswer {
  return typeof value === 'object' && value !== null && typeof (value as ListAnswer).total === 'number' && Array.isArray((value as ListAnswer).items);
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const data = await prepareData(options);
  const database = data.open();
  let server: ServerHandle | null = null;
  let sampler: NodeJS.Timeout | undefined;
  try {
    const ownerId = await busiestOwner(database);
    const queries = benchQueries(data.terms, ownerId);
    server = await startServer(data.env);
    const client = await login(server.baseUrl, options.client);
    const live = server;
    const afterStartMb = live.memory().rssMb;
    let maxSampledMb = afterStartMb;
    sampler = setInterval(() => {
      maxSampledMb = Math.max(maxSampledMb, live.memory().rssMb);
    }, 50);
    const warmup = Math.min(20, options.iterations);
    const baseline = { path: '/auth/me', api: await timeRuns(() => client.fetchText('/auth/me'), options.iterations, warmup) };
    const results: QueryResult[] = [];
    for (const q of queries) {
      const answer: unknown = JSON.parse(await client.fetchText(q.path));
      if (!isListAnswer(answer)) throw new Error(`GET ${q.path} did not answer a list`);
      const raw = rawQuery(database, q);
      const direct = await raw();
      if (direct.total !== answer.total || direct.rows !== answer.items.length) {
        throw new Error(`${q.name}: the API answered ${answer.total} (${answer.items.length} rows), the raw query ${direct.total} (${direct.rows} rows)`);
      }
      if (answer.total === 0) process.stderr.write(`  warning: ${q.name} has no hits\n`);
      const api = await timeRuns(() => client.fetchText(q.path), options.iterations, warmup);
      const rawStats = await timeRuns(raw, options.iterations, warmup);
      const result = queryResult(q, answer.total, api, rawStats);
      results.push(result);
      process.stderr.write(`  ${q.name}: api p95 ${api.p95.toFixed(1)} ms, raw p95 ${rawStats.p95.toFixed(1)} ms\n`);
    }
    clearInterval(sampler);
    client.close();
    const memory = live.memory();
    maxSampledMb = Math.max(maxSampledMb, memory.rssMb);
    // The first page in a phone's browser (Lighthouse, mobile), on the seeded database (after the memory figures).
    const lighthouse = await benchLighthouse(live.baseUrl);
    console.log(formatLighthouse(lighthouse));
    console.log(`Written to ${writeLighthouse(lighthouse)}`);
    const report: BenchReport = {
      timestamp: new Date().toISOString(),
      engine: options.engine,
      customers: options.customers,
      iterations: options.iterations,
      client: options.client,
      ...machine(),
      dataLocation: data.location,
      seeding: data.seeding,
      server: { afterStartMb, maxSampledMb, peakMb: memory.peakMb, ok: memory.peakMb < targets.serverRssMb },
      baseline,
      queries: results,
      targets,
    };
    // The import figure runs on its own fresh database, once the query server is stopped.
    await server.stop();
    server = null;
    if (options.importRows > 0) report.import = await benchImport({ engine: options.engine, rows: options.importRows, seed: options.seed, listIntervalMs: 100 });
    console.log(formatReport(report));
    if (report.import) console.log(`\n${formatImport(report.import)}`);
    console.log(`\nWritten to ${writeReport(report)}`);
    if (options.opportunities > 0) {
      const sales = await benchSales({ opportunities: options.opportunities, engine: options.engine, iterations: Math.min(options.iterations, 100), keep: options.keep, seed: options.seed });
      console.log(`\n${formatSales(sales)}`);
      console.log(`Written to ${writeSales(sales)}`);
    }
    if (options.payments > 0) {
      const receivables = await benchReceivables({ payments: options.payments, engine: options.engine, iterations: Math.min(options.iterations, 30), keep: options.keep, reuse: null, seed: options.seed });
      console.log(`\n${formatReceivables(receivables)}`);
      console.log(`Written to ${writeReceivables(receivables)}`);
    }
    if ((options.followUps ?? 0) > 0) {
      const workbench = await benchWorkbench({ followUps: options.followUps ?? 0, customers: options.customers, engine: options.engine, iterations: Math.min(options.iterations, 100), keep: options.keep, reuse: null, seed: options.seed });
      console.log(`\n${formatWorkbench(workbench)}`);
      console.log(`Written to ${writeWorkbench(workbench)}`);
    }
    const transactions = options.transactions ?? 0;
    if (transactions > 0) {
      const analytics = await benchAnalytics({ transactions, customers: Math.max(1, Math.floor(transactions / 20)), engine: options.engine, iterations: Math.min(options.iterations, 5), keep: options.keep, reuse: null, seed: options.seed });
      console.log(`\n${formatAnalytics(analytics)}`);
      console.log(`Written to ${writeAnalytics(analytics)}`);
    }
  } finally {
    // Also when a query failed: a sampler left running would keep the process alive.
    clearInterval(sampler);
    await server?.stop();
    await database.close();
    await data.cleanup();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
