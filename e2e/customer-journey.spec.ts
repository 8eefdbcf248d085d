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

    // Desktop: the facts on the left, the composer over the timeline in the middle, related records (contacts) on the right.
    const left = async (testId: string) => (await page.getByTestId(testId).boundingBox())?.x ?? -1;
    await page.getByTestId('customer-history').waitFor();
    const [facts, middle, related] = [await left('customer-facts'), await left('follow-up-composer'), await left('customer-related')];
    expect(facts).toBeLessThan(middle);
    expect(middle).toBeLessThan(related);
    await page.getByTestId('customer-contacts-card').getByTestId('contact-add').click();
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

    await expect.poll(() => page.getByTestId('customer-history').textContent()).toContain('西湖区文三路 100 号');
    await shot(page, '05-history');

    // A deal's events say what they are about, in the reader's language: created with its stage and amount, moved from stage to stage.
    const customerId = Number(detailUrl.split('/').pop());
    const deal = await (await context.request.post(`${journey.server.url}/api/v1/opportunities`, { data: { name: '数码门店升级', customerId, amount: 12_345_600, expectedCloseDate: '2027-03-31' } })).json();
    const pipelines = await (await context.request.get(`${journey.server.url}/api/v1/pipelines`)).json();
    const stages = pipelines.items.find((p: { id: number }) => p.id === deal.pipelineId).stages as Array<{ id: number; kind: string; nameZh: string }>;
    const next = stages.filter((st) => st.kind === 'open')[1];
    expect((await context.request.post(`${journey.server.url}/api/v1/opportunities/${deal.id}/move`, { data: { stageId: next?.id, version: deal.version } })).status()).toBe(200);
    await page.reload();
    const dealEvents = page.locator('[data-testid=history-entry][data-entity=opportunity]');
    await expect.poll(() => dealEvents.count()).toBe(2);
    const moved = await dealEvents.nth(0).textContent();
    const created = await dealEvents.nth(1).textContent();
    expect(moved).toContain('商机 数码门店升级');
    expect(moved).toContain(`阶段: 探索客户 → ${next?.nameZh ?? ''}`);
    expect(created).toContain('创建了');
    expect(created).toContain('阶段: 探索客户');
    expect(created).toContain('¥123,456.00');
    for (const text of [moved, created]) {
      expect(text).not.toContain('Explore');
      expect(text).not.toContain('stage');
    }
    await dealEvents.nth(0).getByRole('link', { name: '商机 数码门店升级' }).waitFor();
    await shot(page, '05b-deal-on-timeline');

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

    // The record page on a phone: its parts as tabs, the composer and timeline first, in English.
    const found = await (await context.request.get(`${journey.server.url}/api/v1/customers?q=${encodeURIComponent('张伟数码')}`)).json();
    await page.goto(`${journey.server.url}/customers/${found.items[0].id}`);
    await page.getByTestId('follow-up-composer').waitFor();
    const moved = page.locator('[data-testid=history-entry][data-entity=opportunity]').first();
    await expect.poll(() => moved.textContent()).toContain('deal 数码门店升级');
    expect(await moved.textContent()).toContain('Stage: Explore →');
    expect(await moved.textContent()).not.toContain('探索客户');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, '08-phone-record-activity');
    await page.getByTestId('related-tab').click();
    await page.getByTestId('customer-contacts-card').getByText('欧阳明').waitFor();
    await page.getByTestId('profile-tab').click();
    await page.getByTestId('customer-profile').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, '09-phone-record-profile');
    await context.close();
  });
});
