import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { buildApp, defaultWebDist } from '../server/src/app.js';
import { bootstrap } from '../server/src/bootstrap.js';
import { loadConfig } from '../server/src/platform/config.js';
import { createDatabase } from '../server/src/platform/db/database.js';
import { migrate } from '../server/src/platform/db/migrate.js';
import { seedDemo } from '../server/src/modules/demo/index.js';

export const admin = { email: 'admin@example.com', password: 'e2e-admin-password' };

/** The real server on a fresh SQLite database and a free port, serving the built web app; `demo`: with a small demo company. */
export async function startServer(options: { demo?: boolean } = {}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-e2e-'));
  const config = loadConfig({ CRM_DATA_DIR: dataDir, CRM_ADMIN_EMAIL: admin.email, CRM_ADMIN_PASSWORD: admin.password });
  const database = createDatabase(config);
  await migrate(database);
  const { app, ctx } = await buildApp({ config: { ...config, webDist: defaultWebDist }, database });
  await bootstrap(ctx, () => undefined);
  if (options.demo) await seedDemo(ctx, { customers: 40 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    /** The app's context, for a journey that runs background work (the email sender) at a chosen moment. */
    ctx,
    async stop() {
      await app.close();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// Reduced motion: the app then opens drawers, menus and pop-ups without animating, so that a
// click never lands on something still moving (the journeys run beside the API suites on 2 cores).
export const chromiumArgs = ['--force-prefers-reduced-motion', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const screenshotDir = path.resolve('test-results', 'e2e');

/**
 * One server and one Chromium for a spec file: call at its top level. The returned object is
 * filled in before the first test runs.
 */
export function useJourney(options: { demo?: boolean } = {}): { server: Awaited<ReturnType<typeof startServer>>; browser: Browser } {
  const journey = {} as { server: Awaited<ReturnType<typeof startServer>>; browser: Browser };
  beforeAll(async () => {
    fs.mkdirSync(screenshotDir, { recursive: true });
    journey.server = await startServer(options);
    journey.browser = await chromium.launch({ executablePath: process.env.CRM_CHROMIUM ?? '/usr/bin/chromium', args: chromiumArgs });
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await reportOpenPages(journey.browser, task.name);
  });
  afterAll(async () => {
    await journey.browser?.close();
    await journey.server?.stop();
  });
  return journey;
}

/**
 * After a failed test: each page still open, as the user would see it (address, visible text, a
 * screenshot in test-results/e2e/failed-*.png), so that a failure in CI's log tells what happened.
 */
async function reportOpenPages(browser: Browser | undefined, testName: string): Promise<void> {
  const pages = browser?.contexts().flatMap((context) => context.pages()) ?? [];
  for (const [index, page] of pages.entries()) {
    const file = path.join(screenshotDir, `failed-${testName.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60)}-${index}.png`);
    const text = await page.locator('body').innerText({ timeout: 5_000 }).catch((error: unknown) => `(unreadable: ${String(error)})`);
    await page.screenshot({ path: file, fullPage: true, timeout: 10_000 }).catch(() => undefined);
    console.log(`FAILED PAGE ${index} ${page.url()}\n${text.replace(/\n{2,}/g, '\n').slice(0, 3_000)}\nscreenshot: ${file}`);
  }
}

/** A new page in the context, signed in through the login form. */
export async function signIn(context: BrowserContext, baseUrl: string, who: { email: string; password: string } = admin): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => console.log('PAGEERROR', error.message));
  // A server error or a request that never got an answer is worth a line in the log.
  page.on('response', (response) => {
    if (response.status() >= 500) console.log('HTTP', response.status(), response.request().method(), response.url());
  });
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? '';
    if (!reason.includes('ERR_ABORTED')) console.log('REQUESTFAILED', request.method(), request.url(), reason);
  });
  await page.goto(`${baseUrl}/login`);
  await page.locator('#login_form_email').waitFor();
  await expectAccessible(page, 'login');
  await page.locator('#login_form_email').fill(who.email);
  await page.locator('#login_form_password').fill(who.password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return page;
}

/**
 * axe on the page as it is now: a serious or critical violation (contrast, names, nesting,
 * hidden focus...) fails the journey with the rule, the elements and how to fix them.
 */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  // Let Ant Design's opening animations end: half-faded text would be measured.
  await page.waitForTimeout(400);
  let serious = await seriousViolations(page);
  // A toast that began to fade out while axe measured it fails the contrast rule for a moment
  // (the CI saw 3.05:1 on a success message's fade). A fault that is still there once every
  // animation has ended is real; one that went away with the animation is not.
  if (serious.length > 0) {
    await settleAnimations(page);
    serious = await seriousViolations(page);
  }
  if (serious.length === 0) return;
  const lines = serious.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`).join('\n')}`);
  throw new Error(`Accessibility of "${name}" (${page.url()}):\n  ${lines.join('\n  ')}`);
}

async function seriousViolations(page: Page) {
  // Legacy mode runs axe in the page itself: the default opens a blank page for every check,
  // which more than doubled the journeys' time on 2 cores (the app has no frames to walk).
  // Only violations are collected: passing nodes are not read.
  const { violations } = await new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ['violations'] }).analyze();
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Waits (at most 4 s) until no finite CSS animation or transition runs, and no toast is leaving. */
async function settleAnimations(page: Page): Promise<void> {
  await page
    .waitForFunction(
      () =>
        document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity) &&
        document.querySelector('[class*="-leave"]') === null,
      undefined,
      { timeout: 4000, polling: 100 },
    )
    .catch(() => undefined);
  await page.waitForTimeout(200);
}

/**
 * Each step a journey reaches is checked with axe, then kept as a screenshot of what the user sees
 * in test-results/e2e. Not a full-page one: Playwright takes those by shrinking the window to 1×1 px
 * for a moment, which crosses the phone breakpoint, so that a page switching layouts there unmounts
 * its open drawer or dialog and the journey's next click finds nothing.
 */
export async function screenshot(page: Page, name: string) {
  await expectAccessible(page, name);
  return page.screenshot({ path: path.join(screenshotDir, `${name}.png`) });
}

/**
 * Clicks `target` until `shown` appears, three tries at most: on a loaded machine a click on the
 * item of a menu that is still opening, or on a dialog's button, can land on nothing; `opener`
 * opens the menu again when it closed.
 */
export async function clickUntilShown(target: Locator, shown: Locator, opener?: Locator): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      if (opener && !(await target.isVisible())) await opener.click();
      await target.click({ timeout: 10_000 });
      await shown.waitFor({ timeout: 10_000 });
      return;
    } catch (error) {
      if (await shown.isVisible()) return;
      if (attempt >= 3) throw error;
    }
  }
}

/**
 * Picks the option of an Ant Design select that shows `text`, and makes sure the select took it:
 * on a loaded machine a click can land while the list is re-rendered and choose nothing, so the
 * choice is tried up to three times before the journey fails.
 */
export async function chooseOption(page: Page, select: Locator, text: string): Promise<void> {
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first();
  for (let attempt = 1; ; attempt += 1) {
    try {
      if (!(await option.isVisible())) await select.click();
      await option.click({ timeout: 10_000 });
      await select.filter({ hasText: text }).waitFor({ timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      // No Escape to close the list: when the list had already closed, the key reached the drawer
      // or dialog around the select and closed it (the credit and follow-up drawers under load).
      // The next try clicks the option if the list is open, or opens it.
    }
  }
}
