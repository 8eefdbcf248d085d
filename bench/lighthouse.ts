/**
 * `npx tsx bench/lighthouse.ts [--runs N]` (also a step of `npm run bench`, on its seeded database)
 *
 * Lighthouse 12 in its mobile mode (simulated slow 4G and a 4x slower CPU) on the login page and
 * the customer list of the real server, in Debian's Chromium (headless): the performance score,
 * the JavaScript the page downloads (bytes on the wire, compressed, and unpacked) and the number
 * of script requests. Alone it runs on a fresh demo company (300 customers). Writes
 * bench/results/lighthouse-<time>.json. Targets: performance >= 80, JavaScript <= 350 KB.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { benchDir } from './options.js';
import { benchAdmin } from './setup.js';
import { startServer } from './server.js';

export const lighthouseTargets = { performance: 80, scriptKb: 350 };

export interface PageFigures {
  page: string;
  path: string;
  /** Median of the runs, 0-100. */
  performance: number;
  runs: number[];
  /** JavaScript as transferred (compressed, with headers) and as unpacked, in KB (1024 bytes). */
  scriptTransferKb: number;
  scriptResourceKb: number;
  scriptRequests: number;
  firstContentfulPaintMs: number;
  largestContentfulPaintMs: number;
  totalBlockingTimeMs: number;
  ok: boolean;
}

export interface LighthouseReport {
  timestamp: string;
  lighthouse: string;
  chromium: string;
  pages: PageFigures[];
  targets: typeof lighthouseTargets;
}

interface NetworkItem {
  resourceType?: string;
  transferSize?: number;
  resourceSize?: number;
}

const chromiumPath = process.env.CRM_CHROMIUM ?? '/usr/bin/chromium';
const pages = [
  { page: 'login', path: '/login', signedIn: false },
  { page: 'customer list', path: '/customers', signedIn: true },
];

async function sessionCookie(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(benchAdmin),
  });
  if (res.status !== 200) throw new Error(`Login failed (${res.status}): ${await res.text()}`);
  const session = res.headers.getSetCookie().map((c) => c.split(';')[0] ?? '').find((c) => c.startsWith('crm_session='));
  if (!session) throw new Error('Login answered without a crm_session cookie');
  return session;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

/** Runs Lighthouse `runs` times on each page of the server at `baseUrl`; the median score counts. */
export async function benchLighthouse(baseUrl: string, runs = 3): Promise<LighthouseReport> {
  const cookie = await sessionCookie(baseUrl);
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const figures: PageFigures[] = [];
    let versions = { lighthouse: '', chromium: '' };
    for (const target of pages) {
      const scores: number[] = [];
      let last: NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'] | null = null;
      for (let run = 0; run < runs; run++) {
        const audit = () =>
          lighthouse(`${baseUrl}${target.path}`, {
            port: chrome.port,
            logLevel: 'error',
            output: 'json',
            onlyCategories: ['performance'],
            // The signed-in page gets the session of a real login (Lighthouse keeps no cookies between pages).
            ...(target.signedIn ? { extraHeaders: { Cookie: cookie } } : {}),
          });
        let result = await audit();
        // Chromium sometimes records no navigation start in the trace of a loaded machine
        // (NO_NAVSTART): that run measured nothing, so it is taken once more.
        if (result?.lhr.runtimeError?.code === 'NO_NAVSTART') result = await audit();
        if (!result) throw new Error(`Lighthouse gave no result for ${target.path}`);
        const lhr = result.lhr;
        if (lhr.runtimeError) throw new Error(`Lighthouse failed on ${target.path}: ${lhr.runtimeError.message}`);
        const finalPath = new URL(lhr.finalDisplayedUrl).pathname;
        if (finalPath !== target.path) throw new Error(`${target.path} ended on ${finalPath} (not signed in?)`);
        scores.push(Math.round((lhr.categories.performance?.score ?? 0) * 100));
        // The whole report, to see where the time goes (CRM_LIGHTHOUSE_DUMP=<folder>).
        const dump = process.env.CRM_LIGHTHOUSE_DUMP;
        if (dump) fs.writeFileSync(path.join(dump, `${target.page.replace(/\W+/g, '-')}-${run}.json`), JSON.stringify(lhr));
        last = lhr;
      }
      if (!last) continue;
      versions = { lighthouse: last.lighthouseVersion, chromium: last.environment.hostUserAgent };
      const network = (last.audits['network-requests']?.details as { items?: NetworkItem[] } | undefined)?.items ?? [];
      const scripts = network.filter((item) => item.resourceType === 'Script');
      const numeric = (id: string) => Math.round(last.audits[id]?.numericValue ?? 0);
      const performance = median(scores);
      const scriptTransferKb = kb(scripts.reduce((sum, item) => sum + (item.transferSize ?? 0), 0));
      figures.push({
        page: target.page,
        path: target.path,
        performance,
        runs: scores,
        scriptTransferKb,
        scriptResourceKb: kb(scripts.reduce((sum, item) => sum + (item.resourceSize ?? 0), 0)),
        scriptRequests: scripts.length,
        firstContentfulPaintMs: numeric('first-contentful-paint'),
        largestContentfulPaintMs: numeric('largest-contentful-paint'),
        totalBlockingTimeMs: numeric('total-blocking-time'),
        ok: performance >= lighthouseTargets.performance && scriptTransferKb <= lighthouseTargets.scriptKb,
      });
    }
    return { timestamp: new Date().toISOString(), ...versions, pages: figures, targets: lighthouseTargets };
  } finally {
    chrome.kill();
  }
}

export function formatLighthouse(report: LighthouseReport): string {
  const lines = [`Lighthouse ${report.lighthouse} (mobile), ${report.chromium}`];
  for (const p of report.pages) {
    lines.push(
      `  ${p.page.padEnd(14)} performance ${String(p.performance).padStart(3)} (runs ${p.runs.join(', ')}), ` +
        `JavaScript ${p.scriptTransferKb} KB transferred / ${p.scriptResourceKb} KB unpacked in ${p.scriptRequests} files, ` +
        `FCP ${p.firstContentfulPaintMs} ms, LCP ${p.largestContentfulPaintMs} ms, TBT ${p.totalBlockingTimeMs} ms  ${p.ok ? 'ok' : 'MISSED'}`,
    );
  }
  lines.push(`  targets: performance >= ${report.targets.performance}, JavaScript <= ${report.targets.scriptKb} KB`);
  return lines.join('\n');
}

export function writeLighthouse(report: LighthouseReport): string {
  const dir = path.join(benchDir, 'results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `lighthouse-${report.timestamp.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}

function runsOption(argv: string[]): number {
  const at = argv.indexOf('--runs');
  const runs = at === -1 ? 3 : Number(argv[at + 1]);
  if (!Number.isInteger(runs) || runs <= 0) throw new Error('--runs needs a positive integer');
  return runs;
}

async function main(): Promise<void> {
  const runs = runsOption(process.argv.slice(2));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-lighthouse-'));
  // The demo company gives the customer list a full page of rows.
  const demo = { CRM_DATA_DIR: dataDir, CRM_DEMO: '1' };
  const server = await startServer(demo);
  try {
    const report = await benchLighthouse(server.baseUrl, runs);
    console.log(formatLighthouse(report));
    console.log(`Written to ${writeLighthouse(report)}`);
    if (report.pages.some((p) => !p.ok)) process.exitCode = 1;
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
