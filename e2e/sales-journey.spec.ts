import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { admin, screenshot, signIn as signInAs, useJourney } from './server.js';

/**
 * From a website visitor to a won deal: the public web form makes a lead, the assignment rule
 * gives it to the salesperson, who qualifies it with MAN, converts it with an opportunity and
 * drags the deal across the board to won. The department's manager hears about the big deal.
 */
const journey = useJourney();

const seller = { email: 'sales.one@example.com', password: 'sales-one-password', name: '王销售' };
const manager = { email: 'sales.head@example.com', password: 'sales-head-password', name: '赵经理' };
const visitor = { name: '陈先生', company: '星河智能制造有限公司', mobile: '13912345678', email: 'chen@xinghe.example.com' };
const ids: Record<string, number> = {};
let formToken = '';

async function api(context: BrowserContext, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, data?: unknown) {
  const res = await context.request.fetch(`${journey.server.url}/api/v1${url}`, { method, ...(data === undefined ? {} : { data }) });
  const body = res.status() === 204 ? null : await res.json();
  if (!res.ok()) throw new Error(`${method} ${url}: ${res.status()} ${JSON.stringify(body)}`);
  return body;
}

const signIn = (context: BrowserContext, who: { email: string; password: string }) => signInAs(context, journey.server.url, who);

beforeAll(async () => {
  // The administrator sets up a sales team, a round-robin rule for it, a web form and the big-deal amount.
  const setup = await journey.browser.newContext();
  await api(setup, 'POST', '/auth/login', admin);
  const roles = await api(setup, 'GET', '/roles?pageSize=100');
  const roleId = (key: string) => roles.items.find((r: { key: string; id: number }) => r.key === key).id;
  const team = await api(setup, 'POST', '/departments', { name: '直销一组' });
  ids.seller = (await api(setup, 'POST', '/users', { ...seller, roleId: roleId('salesperson'), departmentId: team.id })).id;
  ids.manager = (await api(setup, 'POST', '/users', { ...manager, roleId: roleId('sales_manager'), departmentId: team.id })).id;
  await api(setup, 'PATCH', `/departments/${team.id}`, { managerId: ids.manager, version: team.version });
  const rules = await api(setup, 'GET', '/settings/lead-assignment');
  await api(setup, 'PUT', '/settings/lead-assignment', {
    version: rules.version,
    rules: [{ id: 'web-team', name: '官网线索轮流分配', kind: 'round_robin', enabled: true, userIds: [ids.seller], provinces: [], sources: [] }],
  });
  const sales = await api(setup, 'GET', '/settings/sales');
  const { version, ...settings } = sales;
  await api(setup, 'PUT', '/settings/sales', { ...settings, bigDealAmount: 10_000_000, version });
  const form = await api(setup, 'POST', '/lead-forms', {
    name: '官网咨询表单',
    title: '预约产品演示',
    fields: [{ field: 'name', required: true }, { field: 'company' }, { field: 'mobile', required: true }, { field: 'email' }],
    thankYou: '感谢您的咨询，我们会在一个工作日内联系您。',
    source: 'web_form',
  });
  formToken = form.token;
  await setup.close();
});

/** The text box of a form control, whether the test id sits on the input or on a wrapper around it. */
function inputOf(page: Page, testId: string) {
  return page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
}

async function dragTo(page: Page, cardTestId: string, columnTestId: string) {
  const card = page.getByTestId(cardTestId);
  const column = page.getByTestId(columnTestId);
  await card.scrollIntoViewIfNeeded();
  const from = await card.boundingBox();
  if (!from) throw new Error(`${cardTestId} is not on screen`);
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  // Past dnd-kit's activation distance first, then over the target column.
  await page.mouse.move(from.x + from.width / 2 + 12, from.y + from.height / 2, { steps: 4 });
  await column.scrollIntoViewIfNeeded();
  const to = await column.boundingBox();
  if (!to) throw new Error(`${columnTestId} is not on screen`);
  await page.mouse.move(to.x + to.width / 2, to.y + Math.min(120, to.height / 2), { steps: 20 });
  await page.mouse.up();
}

describe('sales journey in Chromium', () => {
  it('web form → lead assigned by rule → MAN → convert → deal dragged to won', async () => {
    // A visitor fills in the public form on a phone.
    const visitorContext = await journey.browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 } });
    const formPage = await visitorContext.newPage();
    await formPage.goto(`${journey.server.url}/f/${formToken}`);
    await formPage.getByTestId('public-form-title').waitFor();
    await formPage.getByTestId('public-field-name').fill(visitor.name);
    await formPage.getByTestId('public-field-company').fill(visitor.company);
    await formPage.getByTestId('public-field-mobile').fill(visitor.mobile);
    await formPage.getByTestId('public-field-email').fill(visitor.email);
    await screenshot(formPage, 'sales-01-public-form-phone');
    await formPage.getByTestId('public-form-submit').click();
    await expect.poll(() => formPage.getByTestId('public-form-thanks').textContent(), { timeout: 10_000 }).toContain('感谢您的咨询');
    const bodyWidth = await formPage.evaluate(() => document.documentElement.scrollWidth);
    expect(bodyWidth).toBeLessThanOrEqual(390);
    await visitorContext.close();

    // The salesperson finds the lead in their list: the rule gave it to them.
    const context = await journey.browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await signIn(context, seller);
    await page.getByTestId('nav-leads').click();
    await page.waitForURL(/\/leads/);
    const row = page.locator('tbody tr.ant-table-row', { hasText: visitor.name });
    await row.waitFor();
    expect(await row.textContent()).toContain(seller.name);
    await screenshot(page, 'sales-02-lead-list');
    const leads = await api(context, 'GET', `/leads?q=${encodeURIComponent(visitor.name)}`);
    expect(leads.total).toBe(1);
    const lead = leads.items[0];
    expect(lead).toMatchObject({ ownerId: ids.seller, source: 'web_form', status: 'new', company: visitor.company });

    // MAN: money, authority and need all "yes" → grade MAN, the ideal prospect.
    await page.goto(`${journey.server.url}/leads/${lead.id}`);
    await page.getByTestId('man-card').waitFor();
    for (const question of ['man-money', 'man-authority', 'man-need']) {
      await page.getByTestId(question).locator('.ant-segmented-item-label', { hasText: /^有$/ }).click();
      await expect.poll(async () => (await api(context, 'GET', `/leads/${lead.id}`)).version, { timeout: 10_000 }).toBeGreaterThan(lead.version);
      lead.version = (await api(context, 'GET', `/leads/${lead.id}`)).version;
    }
    await expect.poll(() => page.getByTestId('lead-grade').first().textContent(), { timeout: 10_000 }).toContain('MAN');
    expect(await page.getByTestId('man-advice').textContent()).toBeTruthy();
    await screenshot(page, 'sales-03-lead-man');

    // Convert: a new customer, a contact and an opportunity of ¥200,000.
    await page.getByTestId('lead-convert').click();
    await page.getByTestId('convert-with-opportunity').waitFor();
    await page.getByTestId('convert-with-opportunity').click();
    await page.getByTestId('convert-opportunity-name').fill('星河智能 MES 项目');
    await inputOf(page, 'convert-opportunity-amount').fill('200000');
    const closeDate = inputOf(page, 'convert-opportunity-close');
    await closeDate.click();
    await closeDate.fill('2026-12-31');
    await closeDate.press('Enter');
    await screenshot(page, 'sales-04-convert');
    await page.getByTestId('convert-submit').click();
    await expect.poll(async () => (await api(context, 'GET', `/leads/${lead.id}`)).status, { timeout: 10_000 }).toBe('converted');
    const converted = await api(context, 'GET', `/leads/${lead.id}`);
    expect(converted.convertedCustomerId).toBeGreaterThan(0);
    expect(converted.convertedContactId).toBeGreaterThan(0);
    expect(converted.convertedOpportunityId).toBeGreaterThan(0);
    const customer = await api(context, 'GET', `/customers/${converted.convertedCustomerId}`);
    expect(customer).toMatchObject({ name: visitor.company, source: 'web_form', ownerId: ids.seller });
    const deal = await api(context, 'GET', `/opportunities/${converted.convertedOpportunityId}`);
    expect(deal).toMatchObject({ amount: 20_000_000, status: 'open', leadId: lead.id, source: 'web_form', customerId: customer.id });

    // The board: drag the deal to won and give the final amount.
    await page.goto(`${journey.server.url}/opportunities`);
    const card = page.getByTestId(`deal-card-${deal.id}`);
    await card.waitFor();
    await screenshot(page, 'sales-05-board');
    await dragTo(page, `deal-card-${deal.id}`, 'board-column-won');
    await page.getByTestId('close-deal-modal').waitFor();
    const wonAmount = inputOf(page, 'won-amount');
    await wonAmount.fill('198000');
    await page.getByTestId('won-submit').click();
    // Generous: in CI this journey shares two cores with the API suites of both engines.
    await expect.poll(async () => (await api(context, 'GET', `/opportunities/${deal.id}`)).status, { timeout: 30_000 }).toBe('won');
    const won = await api(context, 'GET', `/opportunities/${deal.id}`);
    expect(won.wonAmount).toBe(19_800_000);
    await expect.poll(() => page.getByTestId('board-column-won').getByTestId(`deal-card-${deal.id}`).count(), { timeout: 30_000 }).toBe(1);
    await screenshot(page, 'sales-06-board-won');

    // The customer's timeline has the conversion and the win; the stage history has both stages.
    const history = await api(context, 'GET', `/customers/${customer.id}/history?pageSize=100`);
    const actions = history.items.map((e: { action: string }) => e.action);
    expect(actions).toContain('convert');
    expect(actions).toContain('won');
    const stages = await api(context, 'GET', `/opportunities/${deal.id}/stage-history`);
    expect(stages.items.length).toBe(2);

    // The team's manager was told about the big deal.
    const managerContext = await journey.browser.newContext({ locale: 'zh-CN' });
    await api(managerContext, 'POST', '/auth/login', { email: manager.email, password: manager.password });
    const notes = await api(managerContext, 'GET', '/notifications');
    expect(notes.items.some((n: { kind: string; entityId: number }) => n.kind === 'big_deal' && n.entityId === deal.id)).toBe(true);
    await managerContext.close();
    await context.close();
  });
});
