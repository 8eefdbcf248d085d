import fs from 'node:fs';
import type { BrowserContext, Download, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { admin, clickUntilShown, screenshot, signIn as signInAs, useJourney } from './server.js';

/**
 * From the catalogue to a printed quote: the products and price-list pages, the company logo
 * uploaded on the company settings page, a salesperson quoting from the customer page (the unit
 * price comes from the customer's price list, totals in yuan), sending it, revising it (v2, v1
 * kept), the printable sheet with the logo and the PDF download, and on a phone in English the
 * products and price-list pages (each opened for editing) and the quote page.
 */
const journey = useJourney();

const seller = { email: 'quote.seller@example.com', password: 'quote-seller-password', name: '钱报价' };
let customerId = 0;
let dealId = 0;
/** A 32 × 32 PNG logo (a blue disc with a white centre, transparent around it). */
const logoPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAYAAABzenr0AAAAeklEQVR42u2X0Q0AIQhDneJWvfFxgrtQClITmvhrnyRCWes2Pa/Z32kxLYWJmtMQrDEFkm0OQVSZuyFaAbyXfImCYIwjIDAAqlSAqNwA2a+Hq1BhDlVhAAZAGuDIN2xvRPKt+Mgwah/Hk4hkQqlELJdYTGRWM4nltFIb5q1JDVOee90AAAAASUVORK5CYII=',
  'base64',
);

async function api(context: BrowserContext, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, data?: unknown) {
  const res = await context.request.fetch(`${journey.server.url}/api/v1${url}`, { method, ...(data === undefined ? {} : { data }) });
  const body = res.status() === 204 ? null : await res.json();
  if (!res.ok()) throw new Error(`${method} ${url}: ${res.status()} ${JSON.stringify(body)}`);
  return body;
}

const signIn = (context: BrowserContext, who: { email: string; password: string }) => signInAs(context, journey.server.url, who);
const noSidewaysScroll = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

/** Click a PDF button: the browser downloads the quote's PDF, named after its number. */
async function downloadPdf(page: Page, testId: string): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return { download, bytes: fs.readFileSync(await download.path()) };
}

/**
 * Pick a product on the quote's line, and wait until the line shows it: on a loaded machine the
 * option list may refresh (the search answers) under the click, which then selects nothing.
 */
async function chooseProduct(page: Page, code: string): Promise<void> {
  const select = page.getByTestId('quote-line').getByTestId('product-select');
  for (let attempt = 0; attempt < 3; attempt++) {
    await select.click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: code }).click();
    for (let wait = 0; wait < 30; wait++) {
      if ((await select.textContent())?.includes(code)) return;
      await page.waitForTimeout(100);
    }
    await page.keyboard.press('Escape');
  }
  throw new Error(`the quote line did not take product ${code}`);
}

beforeAll(async () => {
  const setup = await journey.browser.newContext();
  await api(setup, 'POST', '/auth/login', admin);
  const company = await api(setup, 'GET', '/settings/company');
  await api(setup, 'PUT', '/settings/company', { timeZone: company.timeZone, name: '杭州示例科技有限公司', nameEn: 'Hangzhou Example Technology Co., Ltd.', version: company.version });
  const roles = await api(setup, 'GET', '/roles?pageSize=100');
  const roleId = roles.items.find((r: { key: string; id: number }) => r.key === 'salesperson').id;
  const sellerId = (await api(setup, 'POST', '/users', { ...seller, roleId })).id;
  const category = await api(setup, 'POST', '/product-categories', { name: '工业软件' });
  const product = await api(setup, 'POST', '/products', { code: 'MES-01', name: '制造执行系统', categoryId: category.id, unit: '套', standardPrice: 120_000_00, taxRate: 6 });
  await api(setup, 'POST', '/products', { code: 'SVC-01', name: '实施服务', unit: '人天', standardPrice: 3_000_00, taxRate: 6 });
  await api(setup, 'POST', '/price-lists', { name: '分销商价格', customerCategory: 'distributor', items: [{ productId: product.id, price: 99_999_99 }] });
  customerId = (await api(setup, 'POST', '/customers', { kind: 'organization', name: '华瑞分销有限公司', category: 'distributor', ownerId: sellerId })).id;
  dealId = (await api(setup, 'POST', '/opportunities', { name: 'MES 二期', customerId, ownerId: sellerId, amount: 500_000_00, expectedCloseDate: '2027-06-30' })).id;
  await setup.close();
});

describe('quotes in Chromium', () => {
  it('the catalogue pages, for an administrator', async () => {
    const context = await journey.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const page = await signIn(context, admin);
    await page.goto(`${journey.server.url}/products`);
    await page.getByTestId('products-table').getByText('MES-01').waitFor();
    await screenshot(page, 'quotes-01-products');
    await page.getByTestId('product-create').click();
    await page.getByTestId('product-code').fill('HW-01');
    await page.getByTestId('product-name').fill('工控机');
    await page.getByTestId('product-price').fill('8,888.80');
    await page.getByTestId('product-save').click();
    await page.getByTestId('products-table').getByText('HW-01').waitFor();
    const created = (await api(context, 'GET', '/products?q=HW-01')).items[0];
    expect(created).toMatchObject({ standardPrice: 888_880, taxRate: 13, unit: '个' });
    await page.goto(`${journey.server.url}/price-lists`);
    await page.getByTestId('price-lists-table').getByText('分销商价格').waitFor();
    await screenshot(page, 'quotes-02-price-lists');
    await context.close();
  });

  it('the catalogue pages on a phone, in English: a product and the price list open for editing', async () => {
    const context = await journey.browser.newContext({ locale: 'en-US', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await signIn(context, admin);
    await page.goto(`${journey.server.url}/products`);
    const products = page.getByTestId('products-table');
    const mes = products.locator('tr').filter({ hasText: 'MES-01' });
    await mes.waitFor();
    await page.getByRole('heading', { name: 'Products' }).waitFor();
    expect(await mes.innerText()).toContain('¥120,000.00');
    // Category, unit, cost, tax rate and the active column wait in the drawer: the name (code under it), price and actions fit the phone without scrolling the table.
    expect(await products.locator('.ant-table-content').evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    await noSidewaysScroll(page);
    await screenshot(page, 'quotes-02c-products-phone');
    // Editing a product on the phone: the drawer fills the screen, its fields in English, the price in yuan.
    const drawer = page.getByTestId('product-drawer');
    await clickUntilShown(mes.getByRole('button', { name: 'Edit 制造执行系统' }), drawer.getByText('Edit product'));
    await expect.poll(() => drawer.getByTestId('product-code').inputValue()).toBe('MES-01');
    expect(await drawer.getByTestId('product-price').inputValue()).toMatch(/^120,000(\.00)?$/);
    for (const label of ['Code', 'Unit', 'Name', 'Category', 'Standard price', 'Cost', 'Tax rate', 'Description']) await drawer.locator('label').getByText(label, { exact: true }).waitFor();
    await drawer.getByRole('button', { name: 'Save' }).waitFor();
    await noSidewaysScroll(page);
    await screenshot(page, 'quotes-02d-product-edit-phone');

    await page.goto(`${journey.server.url}/price-lists`);
    const lists = page.getByTestId('price-lists-table');
    const distributor = lists.locator('tr').filter({ hasText: '分销商价格' });
    await distributor.waitFor();
    await page.getByRole('heading', { name: 'Price lists' }).waitFor();
    expect(await distributor.innerText()).toContain('Distributor or agent');
    // Province, validity and item count wait in the drawer: the list, its state and actions fit the phone without scrolling the table.
    expect(await lists.locator('.ant-table-content').evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    await noSidewaysScroll(page);
    await screenshot(page, 'quotes-02e-price-lists-phone');
    // The list's drawer: its name, and the product's price in yuan.
    const listDrawer = page.getByTestId('price-list-drawer');
    await clickUntilShown(distributor.getByRole('button', { name: 'Edit 分销商价格' }), listDrawer.getByText('Edit price list'));
    await expect.poll(() => listDrawer.getByTestId('price-list-name').inputValue()).toBe('分销商价格');
    await expect.poll(() => listDrawer.getByRole('spinbutton', { name: 'Price' }).inputValue()).toBe('99,999.99');
    for (const label of ['Customer category', 'Province', 'Valid from', 'Valid to', 'Prices']) await listDrawer.locator('label').getByText(label, { exact: true }).waitFor();
    await listDrawer.getByText('MES-01').first().waitFor();
    await noSidewaysScroll(page);
    await screenshot(page, 'quotes-02f-price-list-edit-phone');
    await context.close();
  });

  it('an administrator uploads the company logo on the company settings page', async () => {
    const context = await journey.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const page = await signIn(context, admin);
    await page.goto(`${journey.server.url}/admin/company-settings`);
    const card = page.getByTestId('company-logo');
    await card.getByText('尚未上传 Logo').waitFor();
    // A GIF is refused on the page, before anything is sent.
    await card.locator('input[type=file]').setInputFiles({ name: 'logo.gif', mimeType: 'image/gif', buffer: Buffer.from('GIF89a') });
    await page.getByTestId('company-logo-problem').getByText('logo.gif 不是 PNG 或 JPEG 图片').waitFor();
    await card.locator('input[type=file]').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: logoPng });
    await page.getByTestId('company-logo-preview').waitFor();
    await expect.poll(() => page.getByTestId('company-logo-preview').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(32);
    expect((await api(context, 'GET', '/settings/company')).logo).toMatchObject({ width: 32, height: 32 });
    await screenshot(page, 'quotes-02b-company-logo');
    await context.close();
  });

  it('a salesperson quotes from the customer page, sends, revises and prints', async () => {
    const context = await journey.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const page = await signIn(context, seller);
    await page.goto(`${journey.server.url}/customers/${customerId}`);
    await page.getByTestId('customer-quotes').waitFor();
    await page.getByTestId('customer-quote-create').click();
    await page.getByTestId('quote-title').fill('MES 一期报价');
    await page.getByTestId('quote-add-line').click();
    await chooseProduct(page, 'MES-01');
    // The distributor price list's price fills the line.
    await expect.poll(() => page.getByTestId('quote-line-price').inputValue(), { timeout: 10_000 }).toBe('99,999.99');
    await page.getByTestId('quote-line-quantity').fill('3');
    await page.getByTestId('quote-line-discount').fill('33');
    // 99,999.99 × 3 × 0.67 = 200,999.9799 -> 200,999.98; with 6 % tax 213,059.978694 -> 213,059.98
    await page.getByTestId('quote-preview').getByText('¥213,059.98').waitFor();
    await screenshot(page, 'quotes-03-drawer');
    await page.getByTestId('quote-save').click();
    await page.getByTestId('customer-quote').first().waitFor();
    const quote = (await api(context, 'GET', `/quotes?customerId=${customerId}`)).items[0];
    expect(quote).toMatchObject({ title: 'MES 一期报价', total: 21_305_998, subtotal: 20_099_998, status: 'draft' });
    const full = await api(context, 'GET', `/quotes/${quote.id}`);
    expect(full.lines[0]).toMatchObject({ unitPrice: 99_999_99, priceListId: expect.any(Number), quantity: 3, discountPercent: 33 });

    await page.getByTestId('customer-quote').first().getByRole('link').click();
    await page.getByTestId('quote-total').getByText('¥213,059.98').waitFor();
    await page.getByTestId('quote-status-menu').click();
    await page.locator('.ant-dropdown:visible .ant-dropdown-menu-item').filter({ hasText: '已发送' }).click();
    await expect.poll(async () => (await api(context, 'GET', `/quotes/${quote.id}`)).status).toBe('sent');

    // Editing a sent quote makes v2 and keeps v1.
    await page.getByTestId('quote-edit').click();
    await page.getByTestId('quote-line-quantity').fill('2');
    await page.getByTestId('quote-save').click();
    await expect.poll(async () => (await api(context, 'GET', `/quotes/${quote.id}`)).revision).toBe(2);
    await page.getByTestId('quote-revisions').getByText('第 1 版').waitFor();
    await screenshot(page, 'quotes-04-quote');
    // The PDF download: a PDF named after the quote's number and revision, in Chinese.
    const fromQuote = await downloadPdf(page, 'quote-pdf');
    expect(fromQuote.download.suggestedFilename()).toBe(`报价单-${quote.number}-v2.pdf`);
    expect(fromQuote.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    await page.goto(`${journey.server.url}/quotes/${quote.id}/print`);
    await page.getByTestId('quote-print-sheet').getByText('华瑞分销有限公司').waitFor();
    expect(await page.getByTestId('print-company').innerText()).toBe('杭州示例科技有限公司');
    // The letterhead: the logo (loaded, 32 px wide) beside the company's names.
    const logo = page.getByTestId('print-letterhead').getByTestId('print-logo');
    await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(32);
    expect(await logo.getAttribute('alt')).toBe('公司 Logo');
    expect(await page.getByTestId('print-letterhead').innerText()).toContain('Hangzhou Example Technology Co., Ltd.');
    const total = await page.getByTestId('print-total').innerText();
    expect(total).toBe(`¥${(((await api(context, 'GET', `/quotes/${quote.id}`)).total as number) / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`);
    await screenshot(page, 'quotes-05-print');
    const fromPrint = await downloadPdf(page, 'quote-print-pdf');
    expect(fromPrint.download.suggestedFilename()).toBe(`报价单-${quote.number}-v2.pdf`);
    expect(fromPrint.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // From the deal page: the new quote is the deal's, and its current one.
    await page.goto(`${journey.server.url}/opportunities/${dealId}`);
    await page.getByTestId('deal-quotes').waitFor();
    await page.getByTestId('customer-quote-create').click();
    expect(await page.getByTestId('quote-title').inputValue()).toBe('MES 二期');
    await page.getByTestId('quote-add-line').click();
    await chooseProduct(page, 'SVC-01');
    await expect.poll(() => page.getByTestId('quote-line-price').inputValue(), { timeout: 10_000 }).toMatch(/^3,000(\.00)?$/);
    await page.getByTestId('quote-save').click();
    await page.getByTestId('deal-quotes').getByTestId('customer-quote').waitFor();
    const dealQuote = (await api(context, 'GET', `/quotes?opportunityId=${dealId}`)).items[0];
    expect(dealQuote).toMatchObject({ opportunityId: dealId, isCurrent: true, total: 3_180_00 });
    await screenshot(page, 'quotes-06-deal');
    await context.close();
  });

  it('on a phone: the quote list and a quote without sideways scrolling', async () => {
    const context = await journey.browser.newContext({ locale: 'en-US', viewport: { width: 390, height: 844 } });
    const page = await signIn(context, seller);
    await page.goto(`${journey.server.url}/quotes`);
    await page.getByTestId('quotes-table').waitFor();
    const id = (await api(context, 'GET', '/quotes')).items[0].id;
    await page.goto(`${journey.server.url}/quotes/${id}`);
    await page.getByTestId('quote-total').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'quotes-07-phone');
    // In English the sheet carries the English company name.
    await page.goto(`${journey.server.url}/quotes/${id}/print`);
    await page.getByTestId('print-company').getByText('Hangzhou Example Technology Co., Ltd.').waitFor();
    await screenshot(page, 'quotes-08-print-en');
    // The PDF from an English screen is labelled in English.
    const english = await downloadPdf(page, 'quote-print-pdf');
    expect(english.download.suggestedFilename()).toMatch(/^Quotation-BJ-\d{4}-\d{6}-v\d+\.pdf$/);
    await context.close();
  });
});
