import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Stats } from './measure.js';
import { benchDir, type BenchEngine } from './options.js';
import type { QueryKind } from './queries.js';
import type { SeedFigures } from './seed.js';
import type { ImportFigures } from './import.js';

/** The targets; they are stated for 1,000,000 customers on SQLite. */
export const targets = {
  appliesTo: '1,000,000 customers on SQLite',
  listP95Ms: 30,
  searchP95Ms: 100,
  apiToRawP95: 2,
  serverRssMb: 300,
};

export interface QueryResult {
  name: string;
  kind: QueryKind;
  path: string;
  /** `total` of the answer: rows matching the filter. */
  total: number;
  api: Stats;
  raw: Stats;
  ratioP50: number;
  ratioP95: number;
  targetP95Ms: number;
  latencyOk: boolean;
  ratioOk: boolean;
}

export interface ServerMemory {
  afterStartMb: number;
  maxSampledMb: number;
  /** VmHWM: the peak resident set over the server's life, start-up included. */
  peakMb: number;
  ok: boolean;
}

export interface BenchReport {
  timestamp: string;
  engine: BenchEngine;
  customers: number;
  iterations: number;
  client: 'http' | 'fetch';
  node: string;
  platform: string;
  cpus: number;
  dataLocation: string;
  seeding: SeedFigures;
  server: ServerMemory;
  /** Fixed cost of an authenticated request that reads no customers: HTTP, session, actor. */
  baseline: { path: string; api: Stats };
  queries: QueryResult[];
  targets: typeof targets;
  /** The import figure (bench/import.ts), when it ran. */
  import?: ImportFigures;
}

export function queryResult(q: { name: string; kind: QueryKind; path: string }, total: number, api: Stats, raw: Stats): QueryResult {
  const targetP95Ms = q.kind === 'list' ? targets.listP95Ms : targets.searchP95Ms;
  const ratioP95 = api.p95 / raw.p95;
  return {
    ...q, total, api, raw, ratioP50: api.p50 / raw.p50, ratioP95, targetP95Ms,
    latencyOk: api.p95 < targetP95Ms, ratioOk: ratioP95 <= targets.apiToRawP95,
  };
}

/** Terminal width of a string: CJK characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\p{Script=Han}\u3000-\u30ff\uff00-\uffef]/u.test(ch) ? 2 : 1;
  return w;
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c + ' '.repeat((widths[i] ?? 0) - width(c)) : ' '.repeat((widths[i] ?? 0) - width(c)) + c)).join(' | ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}

const ms = (n: number) => n.toFixed(1);

export function formatReport(r: BenchReport): string {
  const rows = r.queries.map((q) => [
    q.name, q.total.toLocaleString('en'), ms(q.api.p50), ms(q.api.p95), ms(q.raw.p50), ms(q.raw.p95),
    ms(q.api.p50 - q.raw.p50), q.ratioP50.toFixed(2), q.ratioP95.toFixed(2), `<${q.targetP95Ms} ms, ≤${targets.apiToRawP95}x`,
    q.latencyOk && q.ratioOk ? 'yes' : q.latencyOk ? 'no (ratio)' : q.ratioOk ? 'no (time)' : 'no',
  ]);
  const s = r.seeding;
  const seeding = s.reused
    ? 'reused an already seeded database'
    : `${s.seconds.toFixed(1)} s (${Math.round(s.customersPerSecond).toLocaleString('en')} customers/s, ${Math.round(s.rowsPerSecond).toLocaleString('en')} rows/s; ${s.contacts.toLocaleString('en')} contacts)`;
  return [
    `CRM benchmark — ${r.engine}, ${r.customers.toLocaleString('en')} customers, ${r.iterations} runs per query (client ${r.client}), Node ${r.node}, ${r.cpus} CPUs`,
    `Data: ${r.dataLocation}`,
    `Seeding: ${seeding}`,
    '',
    table(['query', 'total', 'api p50', 'api p95', 'raw p50', 'raw p95', 'api−raw p50', 'ratio p50', 'ratio p95', 'target p95', 'ok?'], rows),
    '',
    `Server resident memory: ${r.server.afterStartMb.toFixed(0)} MB after start, ${r.server.maxSampledMb.toFixed(0)} MB max during the runs, ` +
      `${r.server.peakMb.toFixed(0)} MB peak (VmHWM) — target <${targets.serverRssMb} MB: ${r.server.ok ? 'yes' : 'no'}`,
    `Baseline GET ${r.baseline.path} (session and actor only): p50 ${ms(r.baseline.api.p50)} ms, p95 ${ms(r.baseline.api.p95)} ms.`,
    `Times in ms. api = HTTP request to the server process (first page of 20 with its total); raw = the repository's page and count queries in this process.`,
    `Targets apply at ${targets.appliesTo}.`,
  ].join('\n');
}

/** Write a figure's report to bench/results/<name>-<time>.json (whole or not at all); returns the file. */
export function writeResult(name: string, timestamp: string, report: unknown): string {
  const dir = path.join(benchDir, 'results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}-${timestamp.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(`${file}.tmp`, `${JSON.stringify(report, null, 2)}\n`);
  fs.renameSync(`${file}.tmp`, file);
  return file;
}

export function writeReport(r: BenchReport): string {
  return writeResult(`${r.engine}-${r.customers}`, r.timestamp, r);
}

export function machine(): Pick<BenchReport, 'node' | 'platform' | 'cpus'> {
  return { node: process.versions.node, platform: `${os.platform()} ${os.release()} ${os.arch()}`, cpus: os.cpus().length };
}
