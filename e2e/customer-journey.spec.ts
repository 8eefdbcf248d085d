import { describe, expect, it } from 'vitest';
import { screenshot, signIn, useJourney } from './server.js';

const journey = useJourney();
const shot = screenshot;

describe('customer journey in Chromium', () => {
  it('log in, create a customer with a contact, find it by Chinese substring, edit, see history, get the conflict message', async () => {
    const context = await journey.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    const page = await signIn(context, journey.server.url);
    await shot(page, '01-after-login');

    await page.goto(`${journey.server.url}/customers`);
    await page.getByTestId('customer-create').first().click();
    await page.locator('#customer_form_name').fill('杭州张伟数码科技有限公司');
    await shot(page, '02-create-form');
    await page.getByTestId('customer-save').click();
    await page.waitForURL(/\/customers\/\d+$/);
    await expect.poll(() => page.getByTestId('customer-name').textContent()).toContain('杭州张伟数码科技有限公司');
    const detailUrl = page.url();

    await page.getByTestId('contacts-tab').click();
    await page.getByTestId('contact-add').click();
    await page.locator('#contact_form_name').fill('欧阳明');
    await page.locator('#contact_form_mobile').fill('13912345678');
    await page.getByTestId('contact-save').click();
    await expect.poll(() => page.getByTestId('customer-contacts').textContent()).toContain('欧阳明');
    await shot(page, '03-contact-added');

    await page.goto(`${journey.server.url}/customers`);
    await page.getByTestId('search-input').locator('input').first().fill('张伟数码');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-testid=customer-link]:visible').allTextContents()).toEqual(['杭州张伟数码科技有限公司']);
    // The contact's name finds its customer too.
    await page.getByTestId('search-input').locator('input').first().fill('欧阳');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-testid=customer-link]:visible').allTextContents()).toEqual(['杭州张伟数码科技有限公司']);
    await shot(page, '04-search');

    // A second tab opens the same customer before the first one saves.
    const second = await context.newPage();
    await second.goto(detailUrl);
    await second.getByTestId('customer-edit').click();
    await second.locator('#customer_form_address').fill('第二个标签页的地址');

    await page.goto(detailUrl);
    await page.getByTestId('customer-edit').click();
    await page.locator('#customer_form_address').fill('西湖区文三路 100 号');
    await page.getByTestId('customer-save').click();
    await expect.poll(() => page.getByTestId('customer-profile').textContent()).toContain('西湖区文三路 100 号');

    await page.getByTestId('history-tab').click();
    await expect.poll(() => page.getByTestId('customer-history').textContent()).toContain('西湖区文三路 100 号');
    await shot(page, '05-history');

    await second.getByTestId('customer-save').click();
    await expect(second.getByTestId('conflict-alert').waitFor({ state: 'visible', timeout: 10_000 })).resolves.toBeUndefined();
    await shot(second, '06-conflict');
    // The stale save did not overwrite the first tab's change.
    const reread = await context.request.get(`${journey.server.url}/api/v1/customers/${detailUrl.split('/').pop()}`);
    expect((await reread.json()).address).toBe('西湖区文三路 100 号');
    await context.close();
  });

  it('works on a 390 px phone screen without horizontal scrolling, in English', async () => {
    const context = await journey.browser.newContext({ locale: 'en-US', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await signIn(context, journey.server.url);
    await page.goto(`${journey.server.url}/customers`);
    await page.locator('[data-testid=nav-toggle]:visible').first().waitFor();
    await page.waitForLoadState('networkidle');
    await shot(page, '07-phone-customers');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await page.locator('body').textContent()).toMatch(/Customers/);
    await context.close();
  });
});
