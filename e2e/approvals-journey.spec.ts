import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { admin, chooseOption, clickUntilShown, screenshot, signIn as signInAs, useJourney } from './server.js';

/**
 * A two-step approval in the browser: an administrator defines the flow (amount above 50,000
 * yuan: the owner's manager, then a named director; its page also on a phone in English), a
 * salesperson submits a large quote, the manager approves it from the queue (on a phone), the
 * director approves it (after being told a rejection needs a reason), and the quote is sent.
 * Every page is checked with axe.
 */
const journey = useJourney();

const seller = { email: 'appr.seller@example.com', password: 'appr-seller-password', name: '钱销售' };
const manager = { email: 'appr.manager@example.com', password: 'appr-manager-password', name: '王经理' };
const director = { email: 'appr.director@example.com', password: 'appr-director-password', name: '孙总监' };
let customerId = 0;
let quoteId = 0;
let quoteNumber = '';

async function api(context: BrowserContext, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, data?: unknown) {
  const res = await context.request.fetch(`${journey.server.url}/api/v1${url}`, { method, ...(data === undefined ? {} : { data }) });
  const body = res.status() === 204 ? null : await res.json();
  if (!res.ok()) throw new Error(`${method} ${url}: ${res.status()} ${JSON.stringify(body)}`);
  return body;
}

const signIn = (context: BrowserContext, who: { email: string; password: string }) => signInAs(context, journey.server.url, who);
const noSidewaysScroll = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

/** Choose an option of an Ant Design select (its list opens under the click). */
const choose = chooseOption;

beforeAll(async () => {
  const setup = await journey.browser.newContext();
  await api(setup, 'POST', '/auth/login', admin);
  const roles = (await api(setup, 'GET', '/roles?pageSize=100')).items as Array<{ key: string; id: number }>;
  const role = (key: string) => roles.find((r) => r.key === key)?.id;
  const sales = await api(setup, 'POST', '/departments', { name: '华南销售部' });
  const managerId = (await api(setup, 'POST', '/users', { ...manager, roleId: role('sales_manager'), departmentId: sales.id })).id;
  await api(setup, 'PATCH', `/departments/${sales.id}`, { version: sales.version, managerId });
  const sellerId = (await api(setup, 'POST', '/users', { ...seller, roleId: role('salesperson'), departmentId: sales.id })).id;
  await api(setup, 'POST', '/users', { ...director, roleId: role('read_only') });
  const product = await api(setup, 'POST', '/products', { code: 'ERP-01', name: '企业资源计划系统', unit: '套', standardPrice: 30_000_00, taxRate: 6 });
  customerId = (await api(setup, 'POST', '/customers', { kind: 'organization', name: '南方精密制造有限公司', category: 'enterprise', ownerId: sellerId })).id;
  await setup.close();
  const asSeller = await journey.browser.newContext();
  await api(asSeller, 'POST', '/auth/login', { email: seller.email, password: seller.password });
  // 2 sets × 30,000.00 with 6 % tax: 63,600.00 yuan, above the flow's 50,000.
  const quote = await api(asSeller, 'POST', '/quotes', { customerId, title: 'ERP 实施报价', validUntil: '2027-03-31', lines: [{ productId: product.id, quantity: 2 }] });
  quoteId = quote.id;
  quoteNumber = quote.number;
  await asSeller.close();
});

describe('approvals in Chromium', () => {
  it('an administrator defines a two-step flow: amount above 50,000 yuan, the owner\'s manager, then a named director', async () => {
    const context = await journey.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const page = await signIn(context, admin);
    await page.goto(`${journey.server.url}/admin/approval-flows`);
    await page.getByTestId('flows-empty').waitFor();
    await screenshot(page, 'approvals-01-flows-empty');
    await page.getByTestId('flow-create').click();
    await page.getByTestId('flow-name').fill('大额报价审批');
    await choose(page, page.getByTestId('flow-record-type'), '报价单');
    await page.getByTestId('flow-condition-amount').fill('50,000');
    await page.getByTestId('flow-add-step').click();
    await choose(page, page.getByTestId('flow-step').nth(1).getByTestId('flow-step-user'), director.name);
    await screenshot(page, 'approvals-02-flow-drawer');
    await page.getByTestId('flow-save').click();
    await page.getByTestId('flows-table').getByText('大额报价审批').waitFor();
    const flow = (await api(context, 'GET', '/approval-flows')).items[0];
    expect(flow).toMatchObject({ name: '大额报价审批', recordType: 'quote', active: true, conditions: [{ kind: 'amount_above', amount: 50_000_00 }] });
    expect(flow.steps.map((s: { kind: string; name: string | null }) => [s.kind, s.name])).toEqual([['manager', null], ['user', director.name]]);
    await screenshot(page, 'approvals-03-flows');
    await context.close();
  });

  it('the flows page on a phone, in English: the flow with its condition and steps, opened for editing', async () => {
    const context = await journey.browser.newContext({ locale: 'en-US', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await signIn(context, admin);
    await page.goto(`${journey.server.url}/admin/approval-flows`);
    const row = page.getByTestId('flow-row').filter({ hasText: '大额报价审批' });
    await row.waitFor();
    await page.getByRole('heading', { name: 'Approval flows' }).waitFor();
    const text = await row.innerText();
    for (const part of ['Quote', 'amount above ¥50,000.00', "owner's manager", director.name]) expect(text).toContain(part);
    // The condition and steps follow the name in short lines; with the active switch and the actions, the table fits the phone without scrolling.
    await row.getByTestId('flow-row-steps').filter({ hasText: `owner's manager → ${director.name}` }).waitFor();
    await row.getByRole('switch', { name: 'Active: 大额报价审批' }).waitFor();
    expect(await page.getByTestId('flows-table').locator('.ant-table-content').evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    await noSidewaysScroll(page);
    await screenshot(page, 'approvals-03b-flows-phone');
    // Editing it on the phone: the drawer fills the screen with the flow's fields, in English.
    const drawer = page.getByTestId('flow-drawer');
    await clickUntilShown(row.getByRole('button', { name: 'Edit: 大额报价审批' }), drawer.getByText('Edit approval flow'));
    await expect.poll(() => drawer.getByTestId('flow-name').inputValue()).toBe('大额报价审批');
    await drawer.getByTestId('flow-record-type').filter({ hasText: 'Quote' }).waitFor();
    await drawer.getByTestId('flow-condition').getByTestId('flow-condition-kind').filter({ hasText: 'Amount above' }).waitFor();
    expect(await drawer.getByTestId('flow-condition-amount').inputValue()).toMatch(/^50,000(\.00)?$/);
    await drawer.getByTestId('flow-step').nth(0).getByTestId('flow-step-kind').filter({ hasText: "The owner's manager" }).waitFor();
    await drawer.getByTestId('flow-step').nth(1).getByTestId('flow-step-user').filter({ hasText: director.name }).waitFor();
    for (const label of ['Name', 'Applies to', 'Priority', 'Active', 'Step 1: approver', 'Step 2: approver', 'User']) await drawer.locator('label').getByText(label, { exact: true }).waitFor();
    await noSidewaysScroll(page);
    await screenshot(page, 'approvals-03c-flow-edit-phone');
    await context.close();
  });

  it('the salesperson sees that the quote needs approval and submits it', async () => {
    const context = await journey.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const page = await signIn(context, seller);
    await page.goto(`${journey.server.url}/quotes/${quoteId}`);
    await page.getByTestId('approval-required').getByText('大额报价审批').waitFor();
    await screenshot(page, 'approvals-04-quote-needs-approval');
    await page.getByTestId('quote-submit-approval').click();
    await expect.poll(async () => (await api(context, 'GET', `/quotes/${quoteId}`)).status).toBe('awaiting_approval');
    await page.getByTestId('approval-steps').getByText(manager.name).waitFor();
    // Waiting for approval: it cannot be edited or sent, only withdrawn.
    expect(await page.getByTestId('quote-edit').count()).toBe(0);
    await screenshot(page, 'approvals-05-quote-waiting');
    await page.goto(`${journey.server.url}/approvals?tab=submitted`);
    await page.getByTestId('approvals-table').getByText(quoteNumber).waitFor();
    await context.close();
  });

  it('the manager is told, finds it in the queue on a phone and approves step 1', async () => {
    const context = await journey.browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await signIn(context, manager);
    const notices = (await api(context, 'GET', '/notifications')).items as Array<{ kind: string; message: string }>;
    expect(notices.some((n) => n.kind === 'approval_requested' && n.message.includes(quoteNumber))).toBe(true);
    await page.goto(`${journey.server.url}/approvals`);
    const row = page.getByTestId('approval-row').filter({ hasText: quoteNumber });
    await row.waitFor();
    expect(await row.getByTestId('approval-amount').innerText()).toBe('¥63,600.00');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'approvals-06-queue-phone');
    // The menu's count of what waits.
    await page.getByTestId('nav-toggle').click();
    await page.getByTestId('nav-badge-approvals').waitFor();
    await page.keyboard.press('Escape');
    await row.getByTestId('approval-approve').click();
    await page.getByTestId('approval-comment-input').fill('价格合理，同意');
    await screenshot(page, 'approvals-07-approve-dialog');
    await clickUntilShown(page.getByTestId('approval-confirm'), page.getByTestId('approvals-empty'));
    const [request] = (await api(context, 'GET', `/approvals?recordType=quote&recordId=${quoteId}`)).items;
    expect(request).toMatchObject({ status: 'pending', currentStep: 2 });
    await context.close();
  });

  it('the director must give a reason to reject, approves instead, and the quote is sent', async () => {
    const context = await journey.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const page = await signIn(context, director);
    await page.goto(`${journey.server.url}/approvals`);
    const row = page.getByTestId('approval-row').filter({ hasText: quoteNumber });
    await row.waitFor();
    await screenshot(page, 'approvals-08-queue');
    await row.getByTestId('approval-reject').click();
    // Under load the first click can land while the dialog still zooms in, and nothing validates.
    await clickUntilShown(page.getByTestId('approval-confirm'), page.getByTestId('approval-dialog').getByText('Say why you reject it'));
    await page.getByTestId('approval-dialog').getByRole('button', { name: 'Cancel' }).click();
    expect((await api(context, 'GET', `/approvals?mine=pending`)).total).toBe(1);
    await row.getByTestId('approval-approve').click();
    await clickUntilShown(page.getByTestId('approval-confirm'), page.getByTestId('approvals-empty'));
    await page.getByTestId('approvals-tab-all').click();
    await page.getByTestId('approval-row').filter({ hasText: quoteNumber }).getByTestId('approval-status').getByText('Approved').waitFor();
    await screenshot(page, 'approvals-09-all');
    await context.close();

    const owner = await journey.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const ownerPage = await signIn(owner, seller);
    expect((await api(owner, 'GET', `/quotes/${quoteId}`)).status).toBe('sent');
    const told = (await api(owner, 'GET', '/notifications')).items as Array<{ kind: string; entityId: number }>;
    expect(told.some((n) => n.kind === 'approval_approved' && n.entityId === quoteId)).toBe(true);
    await ownerPage.goto(`${journey.server.url}/quotes/${quoteId}`);
    await ownerPage.getByTestId('approval-card').getByText('价格合理，同意').waitFor();
    await ownerPage.getByTestId('approval-card').locator('[data-status="approved"]').waitFor();
    await screenshot(ownerPage, 'approvals-10-quote-approved');
    // Every decision is on the customer's timeline.
    const history = (await api(owner, 'GET', `/customers/${customerId}/history?entityType=quote`)).items as Array<{ action: string }>;
    expect(history.map((h) => h.action)).toEqual(['approval_approve', 'approval_approve', 'approval_submit']);
    await owner.close();
  });
});
