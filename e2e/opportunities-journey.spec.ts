import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { admin, chooseOption, screenshot, signIn as signInAs, useJourney } from './server.js';

/**
 * The pipeline board and what surrounds it: moving deals with the keyboard (and undoing), closing
 * one as lost with a reason, a move refused because someone else changed the deal, the bulk
 * transfer in the table, the forecast's drill-down, and the phone's "move to stage" menu.
 */
const journey = useJourney();

const seller = { email: 'deal.seller@example.com', password: 'deal-seller-password', name: '孙销售' };
/** Deal ids, filled in before the tests run. */
const deals = { moved: 0, lost: 0, stale: 0, phone: 0, won: 0 };
let sellerId = 0;
/** The default pipeline's first stage, where every deal starts. */
let exploreStageId = 0;

async function api(context: BrowserContext, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, data?: unknown) {
  const res = await context.request.fetch(`${journey.server.url}/api/v1${url}`, { method, ...(data === undefined ? {} : { data }) });
  const body = res.status() === 204 ? null : await res.json();
  if (!res.ok()) throw new Error(`${method} ${url}: ${res.status()} ${JSON.stringify(body)}`);
  return body;
}

const signIn = (context: BrowserContext, who: { email: string; password: string }) => signInAs(context, journey.server.url, who);

/** Lifts a card with the keyboard, moves it `steps` columns to the right and drops it. */
async function keyboardMove(page: Page, dealId: number, steps: number) {
  await page.getByTestId(`deal-card-${dealId}`).locator('[aria-roledescription]').focus();
  await page.keyboard.press('Space');
  // dnd-kit measures the columns just after the lift: a key pressed sooner moves nothing.
  await page.waitForTimeout(300);
  for (let i = 0; i < steps; i += 1) {
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(150);
  }
  await page.keyboard.press('Space');
}

function thisMonth(day: number): string {
  const now = new Date();
  return `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

beforeAll(async () => {
  const setup = await journey.browser.newContext();
  await api(setup, 'POST', '/auth/login', admin);
  const roles = await api(setup, 'GET', '/roles?pageSize=100');
  const roleId = roles.items.find((r: { key: string; id: number }) => r.key === 'salesperson').id;
  sellerId = (await api(setup, 'POST', '/users', { ...seller, roleId })).id;
  const customer = await api(setup, 'POST', '/customers', { kind: 'organization', name: '远景精密机械有限公司' });
  const pipelines = await api(setup, 'GET', '/pipelines');
  const explore = pipelines.items[0].stages.find((s: { key: string | null }) => s.key === 'explore').id;
  exploreStageId = explore;
  const create = async (key: keyof typeof deals, amount: number, ownerId?: number) => {
    const deal = await api(setup, 'POST', '/opportunities', {
      name: `远景 ${key}`,
      customerId: customer.id,
      stageId: explore,
      amount,
      expectedCloseDate: thisMonth(28),
      forecastCategory: 'commit',
      ...(ownerId ? { ownerId } : {}),
    });
    deals[key] = deal.id;
  };
  await create('moved', 5_000_000);
  await create('lost', 3_000_000);
  await create('stale', 2_000_000);
  await create('won', 4_000_000);
  await create('phone', 1_000_000, sellerId);
  await setup.close();
});

describe('opportunities in Chromium', () => {
  it('board moves with undo, lost with a reason, a stale move refused; table transfer; forecast drill-down', async () => {
    const context = await journey.browser.newContext({ locale: 'en-US', viewport: { width: 1400, height: 900 } });
    const page = await signIn(context, admin);
    await page.goto(`${journey.server.url}/opportunities`);
    await page.getByTestId(`deal-card-${deals.moved}`).waitFor();
    await screenshot(page, 'opportunities-01-board');

    // Keyboard: one column to the right, then Undo puts it back.
    await keyboardMove(page, deals.moved, 1);
    await expect.poll(async () => (await api(context, 'GET', `/opportunities/${deals.moved}`)).stageKey).toBe('contact');
    await expect.poll(() => page.getByTestId('board-column-contact').getByTestId(`deal-card-${deals.moved}`).count()).toBe(1);
    await page.getByTestId('undo-move').click();
    await expect.poll(async () => (await api(context, 'GET', `/opportunities/${deals.moved}`)).stageKey).toBe('explore');

    // To lost (nine open stages, won, then lost): the reason is asked first.
    await keyboardMove(page, deals.lost, 10);
    await page.getByTestId('close-deal-modal').waitFor();
    // The choice is checked before submitting: a click on a list still opening can choose nothing.
    await chooseOption(page, page.getByTestId('lost-reason'), 'Price too high');
    await page.getByTestId('lost-note').fill('预算推迟到明年');
    await screenshot(page, 'opportunities-02-lost-reason');
    await page.getByTestId('lost-submit').click();
    await expect.poll(async () => (await api(context, 'GET', `/opportunities/${deals.lost}`)).status).toBe('lost');
    const lost = await api(context, 'GET', `/opportunities/${deals.lost}`);
    expect(lost).toMatchObject({ lostReason: 'price', lostNote: '预算推迟到明年', stageKey: 'lost' });

    // To won (after nine open stages): the final amount is asked first, then the contract is offered.
    await keyboardMove(page, deals.won, 9);
    await page.getByTestId('close-deal-modal').waitFor();
    await page.getByTestId('won-submit').click();
    await expect.poll(async () => (await api(context, 'GET', `/opportunities/${deals.won}`)).status).toBe('won');
    await page.getByTestId('won-contract-later').waitFor();
    await screenshot(page, 'opportunities-02b-won-contract-offer');
    await page.getByTestId('won-contract-later').click();

    // Someone else saves the deal after the board was read: the move is refused and the card stays.
    const stale = await api(context, 'GET', `/opportunities/${deals.stale}`);
    await api(context, 'PATCH', `/opportunities/${deals.stale}`, { nextStep: '电话回访', version: stale.version });
    await keyboardMove(page, deals.stale, 1);
    await page.locator('.ant-message').getByText('Someone else changed this deal').waitFor();
    expect((await api(context, 'GET', `/opportunities/${deals.stale}`)).stageKey).toBe('explore');
    await expect.poll(() => page.getByTestId('board-column-explore').getByTestId(`deal-card-${deals.stale}`).count()).toBe(1);

    // The table: select two deals and transfer them; the count is in the dialog.
    await page.goto(`${journey.server.url}/opportunities?view=table&sort=name`);
    await page.getByTestId('deal-table').waitFor();
    const rows = page.getByTestId('deal-table').locator('.ant-table-row');
    await rows.filter({ hasText: '远景 moved' }).locator('.ant-checkbox-input').check();
    await rows.filter({ hasText: '远景 stale' }).locator('.ant-checkbox-input').check();
    await page.getByTestId('bulk-transfer').click();
    await page.getByText('Transfer 2 opportunities').waitFor();
    await page.getByTestId('deal-transfer-owner').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: seller.name }).click();
    await page.getByTestId('deal-transfer-submit').click();
    await expect.poll(async () => (await api(context, 'GET', `/opportunities/${deals.moved}`)).ownerId).toBe(sellerId);
    expect((await api(context, 'GET', `/opportunities/${deals.stale}`)).ownerId).toBe(sellerId);
    await screenshot(page, 'opportunities-03-table');

    // The forecast: this month's commit figure opens the deals behind it.
    await page.goto(`${journey.server.url}/forecast`);
    await page.getByTestId('forecast-table').waitFor();
    await page.getByTestId('forecast-chart').waitFor();
    await page.getByTestId('forecast-table').locator('.ant-table-summary a').first().click();
    await page.getByTestId('forecast-drill').getByTestId('drill-deal').first().waitFor();
    expect(await page.getByTestId('forecast-drill').getByTestId('drill-deal').count()).toBeGreaterThan(0);
    await screenshot(page, 'opportunities-04-forecast');

    // The stage funnel beside it: a stage's link (reached by the keyboard) opens the deals now in that stage.
    await page.keyboard.press('Escape');
    const drill = page.getByTestId('stage-funnel-table').getByTestId(`stage-funnel-drill-${exploreStageId}`);
    await drill.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('deal-table').waitFor();
    const url = new URL(page.url());
    expect(url.pathname).toBe('/opportunities');
    expect(url.searchParams.get('stageId')).toBe(String(exploreStageId));
    expect(url.searchParams.get('view')).toBe('table');
    await page.getByTestId('deal-stage-filter').waitFor();
    const listed = page.getByTestId('deal-table').locator('.ant-table-row');
    await listed.filter({ hasText: '远景 moved' }).waitFor();
    expect(await listed.filter({ hasText: '远景 won' }).count()).toBe(0);
    expect(await listed.filter({ hasText: '远景 lost' }).count()).toBe(0);
    await screenshot(page, 'opportunities-04b-stage-drill');
    await context.close();
  });

  it('on a phone: one stage at a time and "move to stage" on each card', async () => {
    const context = await journey.browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 } });
    const page = await signIn(context, seller);
    await page.goto(`${journey.server.url}/opportunities`);
    await page.getByTestId(`deal-card-${deals.phone}`).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.getByTestId(`deal-card-${deals.phone}`).getByTestId('deal-move-menu').click();
    await page.locator('.ant-dropdown:visible .ant-dropdown-menu-item').first().click();
    await expect.poll(async () => (await api(context, 'GET', `/opportunities/${deals.phone}`)).stageKey).toBe('contact');
    await screenshot(page, 'opportunities-05-phone');

    // The stage funnel on a phone: the stage's link fits the screen and opens the deals now in it (the seller's own).
    await page.goto(`${journey.server.url}/forecast`);
    const drill = page.getByTestId('stage-funnel-table').getByTestId(`stage-funnel-drill-${exploreStageId}`);
    await drill.waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await drill.click();
    await page.getByTestId('deal-stage-filter').waitFor();
    expect(new URL(page.url()).searchParams.get('stageId')).toBe(String(exploreStageId));
    await page.getByTestId('deal-link').filter({ hasText: '远景 moved' }).first().waitFor();
    await screenshot(page, 'opportunities-06-phone-stage-drill');
    await context.close();
  });
});
