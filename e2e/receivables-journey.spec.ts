import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { admin, screenshot, signIn as signInAs, useJourney } from './server.js';

/**
 * Receivables (回款): a salesperson plans an active contract of ¥100,000 in three monthly
 * instalments (the first one 40 days ago) with the even-split helper, the running sum catching a
 * plan above the amount; a finance user (财务) records the first payment and sees that instalment
 * paid; the receivables page shows the aging buckets and DSO, grouped by owner, the overdue
 * instalment and the payments; the page and the contract on a phone in English.
 */
const journey = useJourney();

const seller = { email: 'recv.seller@example.com', password: 'recv-seller-password', name: '钱回款' };
const finance = { email: 'recv.finance@example.com', password: 'recv-finance-password', name: '赵财务' };
let contractId = 0;
let contractNumber = '';
let draftId = 0;

async function api(context: BrowserContext, method: 'GET' | 'POST' | 'PUT', url: string, data?: unknown) {
  const res = await context.request.fetch(`${journey.server.url}/api/v1${url}`, { method, ...(data === undefined ? {} : { data }) });
  const body = res.status() === 204 ? null : await res.json();
  if (!res.ok()) throw new Error(`${method} ${url}: ${res.status()} ${JSON.stringify(body)}`);
  return body;
}

const signIn = (context: BrowserContext, who: { email: string; password: string }) => signInAs(context, journey.server.url, who);
/** A calendar day `offset` days from today in the company's time zone (the server's "today"). */
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
const noSidewaysScroll = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

beforeAll(async () => {
  const setup = await journey.browser.newContext();
  await api(setup, 'POST', '/auth/login', admin);
  const roles = await api(setup, 'GET', '/roles?pageSize=100');
  const roleId = (key: string) => roles.items.find((r: { key: string; id: number }) => r.key === key).id;
  const departmentId = (await api(setup, 'POST', '/departments', { name: '华东销售部' })).id;
  const sellerId = (await api(setup, 'POST', '/users', { ...seller, roleId: roleId('salesperson'), departmentId })).id;
  await api(setup, 'POST', '/users', { ...finance, roleId: roleId('finance') });
  const customerId = (await api(setup, 'POST', '/customers', { kind: 'organization', name: '东海精密机械有限公司', ownerId: sellerId })).id;
  await setup.close();

  // The salesperson's contract of ¥100,000, signed today; and a draft not signed yet.
  const sales = await journey.browser.newContext();
  await api(sales, 'POST', '/auth/login', { email: seller.email, password: seller.password });
  const created = await api(sales, 'POST', '/contracts', { customerId, title: '数控机床采购', amount: 100_000_00 });
  const active = await api(sales, 'POST', `/contracts/${created.id}/status`, { status: 'active', version: created.version });
  expect(active.status).toBe('active');
  contractId = created.id;
  contractNumber = created.number;
  draftId = (await api(sales, 'POST', '/contracts', { customerId, title: '备件框架协议', amount: 5_000_00 })).id;
  await sales.close();
});

describe('receivables in Chromium', () => {
  it('the salesperson splits the contract into three monthly instalments; the sum may not pass the amount', async () => {
    const context = await journey.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const page = await signIn(context, seller);
    await page.goto(`${journey.server.url}/contracts/${draftId}`);
    await page.getByTestId('receivables-not-payable').waitFor();
    expect(await page.getByTestId('receivables-payment').count()).toBe(0);

    await page.goto(`${journey.server.url}/contracts/${contractId}`);
    const card = page.getByTestId('contract-receivables');
    await card.getByTestId('instalments-empty').waitFor();
    await card.getByTestId('receivable-outstanding').getByText('¥100,000.00').waitFor();
    await card.getByTestId('receivables-plan').click();

    const drawer = page.getByTestId('plan-drawer');
    await drawer.getByTestId('plan-split-count').fill('3');
    await drawer.getByTestId('plan-split-from').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(day(-40));
    await page.keyboard.press('Tab');
    await drawer.getByTestId('plan-split-apply').click();
    await expect.poll(() => drawer.getByTestId('plan-row').count()).toBe(3);
    expect(await drawer.getByTestId('plan-amount-2').inputValue()).toBe('33,333.34');
    await drawer.getByTestId('plan-sum').getByText('已计划 ¥100,000.00，合同金额 ¥100,000.00', { exact: false }).waitFor();

    // Too much in the first instalment: the running sum says by how much, and saving is refused.
    await drawer.getByTestId('plan-amount-0').fill('50000');
    await drawer.getByTestId('plan-sum').getByText('超出合同金额 ¥16,666.67').waitFor();
    await page.getByTestId('plan-save').click();
    await drawer.getByText('各期合计超过合同金额').waitFor();
    await screenshot(page, 'receivables-01-plan-too-much');
    await drawer.getByTestId('plan-amount-0').fill('33333.33');
    await drawer.getByTestId('plan-sum').getByText('¥0.00 未排期').waitFor();
    await page.getByTestId('plan-save').click();
    await drawer.waitFor({ state: 'hidden' });

    const rows = card.getByTestId('instalments-table').locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(3);
    await rows.nth(0).getByText('逾期 40 天').waitFor();
    expect(await rows.nth(2).getByTestId('instalment-status').getAttribute('data-status')).toBe('open');
    const saved = await api(context, 'GET', `/contracts/${contractId}/receivables`);
    expect(saved.instalments.map((i: { dueOn: string; amount: number }) => [i.dueOn, i.amount])).toEqual([
      [day(-40), 33_333_33],
      [expect.any(String), 33_333_33],
      [expect.any(String), 33_333_34],
    ]);
    expect(saved).toMatchObject({ planned: 100_000_00, overdue: 66_666_66, planVersion: 1 });
    await screenshot(page, 'receivables-02-planned');
    await context.close();
  });

  it('finance records the first payment on the contract and sees that instalment paid', async () => {
    const context = await journey.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const page = await signIn(context, finance);
    await page.goto(`${journey.server.url}/contracts/${contractId}`);
    const card = page.getByTestId('contract-receivables');
    await card.getByTestId('instalments-table').waitFor();
    // 财务 reads contracts and edits none of them: only the receivables.
    expect(await page.getByTestId('contract-edit').count()).toBe(0);
    await card.getByTestId('receivables-payment').click();
    const drawer = page.getByTestId('payment-drawer');
    // The first unpaid instalment's outstanding amount, received today by bank transfer.
    expect(await drawer.getByTestId('payment-amount').inputValue()).toBe('33,333.33');
    await drawer.getByTestId('payment-method').getByText('银行转账').waitFor();
    await drawer.getByTestId('payment-reference').fill('ICBC-20260001');
    await screenshot(page, 'receivables-03-payment');
    await page.getByTestId('payment-save').click();
    await drawer.waitFor({ state: 'hidden' });

    const first = card.getByTestId('instalments-table').locator('tbody tr.ant-table-row').first();
    await expect.poll(() => first.getByTestId('instalment-status').getAttribute('data-status')).toBe('paid');
    await card.getByTestId('receivable-received').getByText('¥33,333.33').waitFor();
    await card.getByTestId('payment-row').getByText('ICBC-20260001', { exact: false }).waitFor();
    expect(await api(context, 'GET', `/contracts/${contractId}/receivables`)).toMatchObject({ received: 33_333_33, outstanding: 66_666_67, payments: [{ amount: 33_333_33, method: 'bank_transfer', reference: 'ICBC-20260001' }] });
    await screenshot(page, 'receivables-04-paid');
    await context.close();
  });

  it('the receivables page: DSO, the aging buckets grouped by owner, the overdue instalment and the payments', async () => {
    const context = await journey.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const page = await signIn(context, finance);
    await page.getByTestId('nav-receivables').click();
    await page.waitForURL(/\/receivables$/);
    // 66,666.67 owed ÷ 100,000 signed in 90 days × 90 = 60 days.
    await page.getByTestId('dso').getByText('60 天').waitFor();
    await page.getByTestId('aging-total').getByText('6.67万元').waitFor();
    await page.getByTestId('bucket-days1to30').getByText('3.33万元').waitFor();
    await page.getByTestId('bucket-notDue').getByText('3.33万元').waitFor();
    await page.getByTestId('bucket-days31to60').getByText('¥0.00').waitFor();
    await page.getByTestId('aging-table').getByRole('link', { name: '东海精密机械有限公司' }).waitFor();
    await screenshot(page, 'receivables-05-aging');

    await page.getByTestId('aging-group-by').getByText('按负责人').click();
    const ownerRow = page.getByTestId('aging-table').locator('tr').filter({ hasText: seller.name });
    await ownerRow.getByText('¥66,666.67').waitFor();
    expect(new URL(page.url()).searchParams.get('groupBy')).toBe('owner');
    await page.getByTestId('aging-group-by').getByText('按部门').click();
    await page.getByTestId('aging-table').getByText('华东销售部').waitFor();

    await page.getByTestId('receivables-tab-due').click();
    const due = page.getByTestId('due-table');
    await due.getByRole('link', { name: `${contractNumber} · 数控机床采购` }).waitFor();
    expect(await due.locator('tbody tr.ant-table-row').count()).toBe(1);
    await screenshot(page, 'receivables-06-overdue');
    await due.getByRole('link', { name: `${contractNumber} · 数控机床采购` }).click();
    await page.waitForURL(new RegExp(`/contracts/${contractId}$`));

    await page.goto(`${journey.server.url}/receivables?tab=payments`);
    await page.getByTestId('payments-sum').getByText('3.33万元').waitFor();
    await page.getByTestId('payments-table').getByText('ICBC-20260001').waitFor();
    await screenshot(page, 'receivables-07-payments');
    await context.close();
  });

  it('on a phone in English: the page and the contract without sideways scrolling', async () => {
    const context = await journey.browser.newContext({ locale: 'en-US', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await signIn(context, seller);
    await page.goto(`${journey.server.url}/receivables`);
    await page.getByTestId('dso').getByText('60 days').waitFor();
    await page.getByTestId('aging-table').getByTestId('aging-row').getByText('¥66,666.67').waitFor();
    await noSidewaysScroll(page);
    await screenshot(page, 'receivables-08-phone');

    await page.goto(`${journey.server.url}/contracts/${contractId}`);
    await page.getByTestId('contract-receivables').getByText('Paid').first().waitFor();
    await noSidewaysScroll(page);
    await screenshot(page, 'receivables-09-phone-contract');
    await context.close();
  });
});
