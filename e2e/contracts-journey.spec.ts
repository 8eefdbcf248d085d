import type { BrowserContext } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { admin, clickUntilShown, screenshot, signIn as signInAs, useJourney } from './server.js';

/**
 * From an accepted quote to the customer's first purchase: a salesperson makes the contract from
 * the quote page, attaches the signed scan and signs it; the customer page then shows its first purchase
 * (初次购买) and its first deal. Then a won deal's offer, a contract typed in yuan from the list, the renewals
 * view, the numbering settings, and the contract page on a phone. axe checks every page it shows.
 */
const journey = useJourney();

const seller = { email: 'contract.seller@example.com', password: 'contract-seller-password', name: '孙合同' };
let customerId = 0;
let quoteId = 0;
let dealId = 0;

async function api(context: BrowserContext, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, data?: unknown) {
  const res = await context.request.fetch(`${journey.server.url}/api/v1${url}`, { method, ...(data === undefined ? {} : { data }) });
  const body = res.status() === 204 ? null : await res.json();
  if (!res.ok()) throw new Error(`${method} ${url}: ${res.status()} ${JSON.stringify(body)}`);
  return body;
}

const signIn = (context: BrowserContext, who: { email: string; password: string }) => signInAs(context, journey.server.url, who);
const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

beforeAll(async () => {
  const setup = await journey.browser.newContext();
  await api(setup, 'POST', '/auth/login', admin);
  const roles = await api(setup, 'GET', '/roles?pageSize=100');
  const roleId = roles.items.find((r: { key: string; id: number }) => r.key === 'salesperson').id;
  const sellerId = (await api(setup, 'POST', '/users', { ...seller, roleId })).id;
  const product = await api(setup, 'POST', '/products', { code: 'ERP-01', name: '企业资源计划系统', unit: '套', standardPrice: 80_000_00, taxRate: 13 });
  customerId = (await api(setup, 'POST', '/customers', { kind: 'organization', name: '远航制造有限公司', category: 'enterprise', status: 'target', ownerId: sellerId })).id;
  const contact = (await api(setup, 'POST', '/contacts', { customerId, name: '陈签约' })).id;
  const deal = await api(setup, 'POST', '/opportunities', { name: 'ERP 项目', customerId, ownerId: sellerId, amount: 160_000_00, expectedCloseDate: '2027-06-30', contacts: [{ contactId: contact, role: 'decision_maker' }] });
  dealId = deal.id;
  await setup.close();

  // The seller quotes and the customer accepts.
  const sales = await journey.browser.newContext();
  await api(sales, 'POST', '/auth/login', { email: seller.email, password: seller.password });
  const quote = await api(sales, 'POST', '/quotes', { customerId, opportunityId: dealId, title: 'ERP 一期', validUntil: '2027-01-31', lines: [{ productId: product.id, quantity: 2, discountPercent: 5 }] });
  quoteId = quote.id;
  const sent = await api(sales, 'POST', `/quotes/${quoteId}/status`, { status: 'sent', version: quote.version });
  await api(sales, 'POST', `/quotes/${quoteId}/status`, { status: 'accepted', version: sent.version });
  await sales.close();
});

describe('contracts in Chromium', () => {
  it('from the accepted quote to an active contract: the customer becomes a first purchase', async () => {
    const context = await journey.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const page = await signIn(context, seller);
    await page.goto(`${journey.server.url}/quotes/${quoteId}`);
    await page.getByTestId('quote-make-contract').click();
    await page.getByTestId('confirm-make-contract').click();
    await page.waitForURL(/\/contracts\/\d+$/);
    const contractId = Number(new URL(page.url()).pathname.split('/').pop());
    await page.getByTestId('contract-heading').waitFor();
    const contract = await api(context, 'GET', `/contracts/${contractId}`);
    // 80,000 × 2 × 0.95 = 152,000; with 13 % tax 171,760.
    expect(contract).toMatchObject({ status: 'draft', quoteId, opportunityId: dealId, amount: 171_760_00, contacts: [{ name: '陈签约', role: 'decision_maker' }] });
    expect(contract.number).toMatch(/^HT-\d{4}-000001$/);
    await page.getByTestId('contract-amount-value').getByText('¥171,760.00').waitFor();
    await page.getByTestId('contract-contact-row').getByText('陈签约').waitFor();
    await screenshot(page, 'contracts-01-draft');

    // The signed scan, then signing (confirmed first).
    await page.getByTestId('contract-attachments').locator('input[type=file]').setInputFiles({ name: '合同签字页.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.getByTestId('contract-attachments').getByText('合同签字页.pdf').waitFor();
    await page.getByTestId('contract-move-active').click();
    // The dialog's button again while the contract is not shown signed (CI saw a click on it land on nothing).
    await clickUntilShown(page.getByTestId('confirm-move'), page.getByTestId('contract-status').getByText('已生效（已签订）'));
    await expect.poll(async () => (await api(context, 'GET', `/contracts/${contractId}`)).status).toBe('active');
    await page.getByTestId('contract-history').locator('[data-action="status_change"]').first().waitFor();
    await screenshot(page, 'contracts-02-active');

    // The customer page: first purchase, one deal, the contract listed.
    await page.getByTestId('contract-customer-link').click();
    await page.getByTestId('customer-contracts').waitFor();
    await page.getByTestId('customer-deal-count').getByText('1').waitFor();
    await page.getByTestId('customer-name').locator('xpath=..').getByText('初次购买').waitFor();
    expect(await api(context, 'GET', `/customers/${customerId}`)).toMatchObject({ status: 'first_purchase', dealCount: 1, dealTotal: 171_760_00 });
    await page.getByTestId('customer-contracts').getByTestId('related-contract').getByText(contract.number, { exact: false }).waitFor();
    await screenshot(page, 'contracts-03-customer');

    // The quote now links to its contract.
    await page.goto(`${journey.server.url}/quotes/${quoteId}`);
    await page.getByTestId('quote-contract-link').getByText(contract.number, { exact: false }).waitFor();
    await context.close();
  });

  it('a won deal offers its contract; a contract typed in yuan from the list; the list, renewals and empty states', async () => {
    const context = await journey.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const page = await signIn(context, seller);
    await page.goto(`${journey.server.url}/opportunities/${dealId}`);
    await page.getByTestId('deal-contracts').waitFor();
    await page.getByTestId('deal-mark-won').click();
    await page.getByTestId('close-deal-modal').waitFor();
    await page.getByTestId('won-submit').click();
    await page.getByTestId('won-contract-create').click();
    await page.waitForURL(/\/contracts\/\d+$/);
    await page.getByTestId('contract-heading').getByText('ERP 项目', { exact: false }).waitFor();
    const fromDeal = await api(context, 'GET', `/contracts/${new URL(page.url()).pathname.split('/').pop()}`);
    // The deal's current quote's products come along: the amount is their sum.
    expect(fromDeal).toMatchObject({ opportunityId: dealId, amount: 171_760_00, contacts: [{ name: '陈签约' }] });
    expect(fromDeal.lines).toHaveLength(1);

    await page.goto(`${journey.server.url}/contracts`);
    await page.getByTestId('contracts-table').waitFor();
    await page.getByTestId('contract-create').click();
    await page.getByTestId('contract-title').fill('年度维保服务');
    await page.getByTestId('contract-customer').click();
    await page.keyboard.type('远航');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '远航制造有限公司' }).click();
    await page.getByTestId('contract-amount').fill('12,345.67');
    await page.getByTestId('contract-endsOn').click();
    await page.keyboard.type(`${new Date().getFullYear() + 1}-01-15`);
    // Tab, not Enter: Enter in a field submits the drawer's form.
    await page.keyboard.press('Tab');
    await page.getByTestId('contract-amount-preview').getByText('¥12,345.67').waitFor();
    await screenshot(page, 'contracts-04-drawer');
    await page.getByTestId('contract-save').click();
    await page.waitForURL(/\/contracts\/\d+$/);
    const typed = await api(context, 'GET', `/contracts/${new URL(page.url()).pathname.split('/').pop()}`);
    expect(typed).toMatchObject({ title: '年度维保服务', amount: 1_234_567, lines: [], status: 'draft', endsOn: `${new Date().getFullYear() + 1}-01-15` });

    await page.goto(`${journey.server.url}/contracts`);
    await page.getByTestId('contracts-table').getByText('年度维保服务').waitFor();
    await screenshot(page, 'contracts-05-list');
    await page.getByTestId('contracts-status-filter').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '已完成' }).click();
    await page.getByTestId('contracts-empty').waitFor();
    expect(new URL(page.url()).searchParams.get('status')).toBe('completed');
    await screenshot(page, 'contracts-06-empty');
    await page.getByTestId('contracts-tab-renewals').click();
    await page.getByTestId('renewals-empty').waitFor();
    await screenshot(page, 'contracts-07-renewals');
    await context.close();
  });

  it('an administrator sets the number pattern, checked as typed', async () => {
    const context = await journey.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const page = await signIn(context, admin);
    await page.goto(`${journey.server.url}/admin/contract-settings`);
    await page.getByTestId('contract-pattern').waitFor();
    await page.getByTestId('contract-pattern').fill('HT{YYYY}');
    await page.getByText('编号格式中须有且只有一个序号').waitFor();
    await page.getByTestId('contract-pattern').fill('SO-{YY}{MM}-{SEQ4}');
    await page.getByTestId('contract-pattern-example').getByText(/^SO-\d{4}-0123$/).waitFor();
    await page.getByTestId('contract-numbering-save').click();
    await expect.poll(async () => (await api(context, 'GET', '/settings/contract-numbering')).pattern).toBe('SO-{YY}{MM}-{SEQ4}');
    await screenshot(page, 'contracts-08-settings');
    await context.close();
  });

  it('on a phone: the list and a contract without sideways scrolling, in English', async () => {
    const context = await journey.browser.newContext({ locale: 'en-US', viewport: { width: 390, height: 844 } });
    const page = await signIn(context, seller);
    await page.goto(`${journey.server.url}/contracts`);
    await page.getByTestId('contracts-table').waitFor();
    const id = (await api(context, 'GET', `/contracts?quoteId=${quoteId}`)).items[0].id;
    await page.goto(`${journey.server.url}/contracts/${id}`);
    await page.getByTestId('contract-status').getByText('Active (signed)').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'contracts-09-phone');
    await context.close();
  });
});
