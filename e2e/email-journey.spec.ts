import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEmailSender } from '../server/src/modules/email/index.js';
import { startSmtp, type TestSmtp } from '../server/src/test/smtp.js';
import { admin, chooseOption, clickUntilShown, screenshot, signIn as signInAs, useJourney } from './server.js';

/**
 * Email through a real SMTP server (smtp-server on 127.0.0.1): the administrator opens 邮件设置,
 * is told SMTP is not configured, sets the server and sender, sends a test email and sees it sent
 * in the outbox. A salesperson writes to a customer's contact from the customer page (发邮件): the
 * email reaches the server from the company's address with replies to him, and the timeline keeps
 * it. Naming the administrator (@系统管理员) in a follow-up lights his bell without a reload and
 * reaches his mailbox with a link to the customer. The salesperson chooses his notification emails
 * from the user menu, on a phone in English.
 */
const journey = useJourney();
const seller = { email: 'mail.seller@example.com', password: 'mail-seller-password', name: '邮小二' };
let smtp: TestSmtp;
let customerId = 0;

async function api(context: BrowserContext, method: 'GET' | 'POST' | 'PUT', url: string, data?: unknown) {
  const res = await context.request.fetch(`${journey.server.url}/api/v1${url}`, { method, ...(data === undefined ? {} : { data }) });
  const body = res.status() === 204 ? null : await res.json();
  if (!res.ok()) throw new Error(`${method} ${url}: ${res.status()} ${JSON.stringify(body)}`);
  return body;
}
const signIn = (context: BrowserContext, who: { email: string; password: string }) => signInAs(context, journey.server.url, who);
const noSidewaysScroll = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

beforeAll(async () => {
  smtp = await startSmtp();
  const setup = await journey.browser.newContext();
  await api(setup, 'POST', '/auth/login', admin);
  const roles = await api(setup, 'GET', '/roles?pageSize=100');
  const roleId = roles.items.find((r: { key: string; id: number }) => r.key === 'salesperson').id;
  const sellerId = (await api(setup, 'POST', '/users', { ...seller, roleId })).id;
  customerId = (await api(setup, 'POST', '/customers', { kind: 'organization', name: '邮件往来科技有限公司', ownerId: sellerId, email: 'info@wanglai.example' })).id;
  await api(setup, 'POST', '/contacts', { customerId, name: '李采购', email: 'li@wanglai.example' });
  await setup.close();
});
afterAll(async () => smtp?.close());

describe('email in Chromium', () => {
  it('the administrator sets the SMTP server, sends a test email and sees it sent in the outbox', async () => {
    const context = await journey.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const page = await signIn(context, admin);
    await page.goto(`${journey.server.url}/admin/email-settings`);
    await page.getByTestId('smtp-status').getByText('尚未配置 SMTP', { exact: false }).waitFor();
    await page.getByTestId('outbox-empty').getByText('这里没有邮件。').waitFor();
    await screenshot(page, 'email-01-not-configured');

    await page.getByTestId('smtp-host').fill('127.0.0.1');
    await chooseOption(page, page.getByTestId('smtp-security'), '不加密');
    await page.locator('[data-testid="smtp-port"][value="25"]').waitFor();
    await page.getByTestId('smtp-port').fill(String(smtp.port));
    await page.getByTestId('smtp-from-address').fill('crm@example.com');
    await page.getByTestId('smtp-from-name').fill('邮件往来测试公司');
    expect(await page.getByTestId('smtp-app-url').inputValue()).toBe(journey.server.url);
    await page.getByTestId('smtp-save').click();
    await page.getByTestId('smtp-status').getByText('SMTP 已配置', { exact: false }).waitFor();

    await page.getByTestId('smtp-test').click();
    await page.getByText('已将测试邮件加入发送队列（收件人 admin@example.com）', { exact: false }).waitFor();
    await page.getByTestId('outbox-table').getByText('CRM 测试邮件').waitFor();
    expect(await page.getByTestId('outbox-status').first().textContent()).toBe('等待发送');
    expect(await runEmailSender(journey.server.ctx)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    await page.reload();
    await page.getByTestId('outbox-status').filter({ hasText: '已发送' }).waitFor();
    expect(smtp.mails.map((m) => [m.envelopeTo[0], m.subject])).toEqual([['admin@example.com', 'CRM 测试邮件']]);
    const settings = await api(context, 'GET', '/settings/email');
    expect(settings).toMatchObject({ host: '127.0.0.1', port: smtp.port, security: 'none', configured: true, passwordSet: false });
    await screenshot(page, 'email-02-test-sent');
    await context.close();
  });

  it('a salesperson emails the customer\'s contact from the customer page; the timeline keeps it', async () => {
    const context = await journey.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const page = await signIn(context, seller);
    // The composer over the customer's follow-ups (the timeline's other view).
    await page.goto(`${journey.server.url}/customers/${customerId}?activity=follow-ups`);
    await page.getByTestId('customer-email-open').click();
    const form = page.getByTestId('customer-email-form');
    await chooseOption(page, form.getByTestId('customer-email-contact'), '李采购');
    // The contact's address is where the email goes unless another is typed.
    await form.locator('[data-testid="customer-email-to"][placeholder="li@wanglai.example"]').waitFor();
    await form.getByTestId('customer-email-subject').fill('产线改造方案');
    await form.getByTestId('customer-email-body').fill('李经理您好：\n\n附上产线改造方案，请审阅。\n\n邮小二');
    await screenshot(page, 'email-03-compose');
    await form.getByTestId('customer-email-send').click();
    await page.getByText('发给 li@wanglai.example 的邮件已加入发送队列', { exact: false }).waitFor();
    const row = page.getByTestId('customer-follow-ups').getByTestId('follow-up-row').first();
    await row.getByText('发送邮件至 li@wanglai.example：产线改造方案', { exact: false }).waitFor();

    expect((await runEmailSender(journey.server.ctx)).sent).toBe(1);
    const mail = smtp.mails.at(-1);
    expect(mail?.envelopeTo).toEqual(['li@wanglai.example']);
    expect(mail?.subject).toBe('产线改造方案');
    expect(mail?.text).toBe('李经理您好：\n\n附上产线改造方案，请审阅。\n\n邮小二');
    expect(mail?.headers.get('from')).toContain('crm@example.com');
    expect(mail?.headers.get('reply-to')).toContain(seller.email);
    await screenshot(page, 'email-04-on-timeline');
    await context.close();
  });

  it('a mention reaches the administrator\'s bell without a reload, and his mailbox', async () => {
    const context = await journey.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    // The page's timers run on a clock the journey can move: the bell's minute passes at once.
    await context.clock.install();
    const page = await signIn(context, admin);
    await page.goto(`${journey.server.url}/customers`);
    const count = page.getByTestId('notification-count');
    const before = Number(await count.getAttribute('data-count'));
    const sellerContext = await journey.browser.newContext();
    await api(sellerContext, 'POST', '/auth/login', { email: seller.email, password: seller.password });
    await api(sellerContext, 'POST', '/follow-ups', { customerId, kind: 'note', content: '@系统管理员 客户想要年度折扣，请您定夺。' });
    await sellerContext.close();
    // A minute later the bell has asked again: no reload.
    await page.clock.fastForward(61_000);
    await page.locator(`[data-testid="notification-count"][data-count="${before + 1}"]`).waitFor();
    await page.getByTestId('notification-bell').click();
    await page.getByTestId('notification-item').first().getByText('邮小二 在客户「邮件往来科技有限公司」的跟进记录中提到了您', { exact: false }).waitFor();
    expect((await runEmailSender(journey.server.ctx)).sent).toBe(1);
    const mail = smtp.mails.at(-1);
    expect(mail?.envelopeTo).toEqual([admin.email]);
    expect(mail?.text).toContain(`在 CRM 中查看：${journey.server.url}/customers/${customerId}`);
    await screenshot(page, 'email-05-mentioned');
    await context.close();
  });

  it('on a phone in English he chooses which notifications also arrive by email', async () => {
    const context = await journey.browser.newContext({ locale: 'en-US', viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    const page = await signIn(context, seller);
    await page.getByTestId('user-menu').click();
    const modal = page.getByTestId('notification-preferences');
    // The dialog's own element has no box of its own (its test id sits on the root): wait for its text.
    await clickUntilShown(page.getByTestId('notification-settings'), modal.getByText(`also arrive by email at ${seller.email}`, { exact: false }), page.getByTestId('user-menu'));
    const mentioned = modal.getByTestId('pref-email-mentioned');
    expect(await mentioned.getAttribute('aria-checked')).toBe('true');
    expect(await modal.getByTestId('pref-email-big_deal').getAttribute('aria-checked')).toBe('false');
    await mentioned.click();
    await page.getByText('Notification settings saved').waitFor();
    expect(await mentioned.getAttribute('aria-checked')).toBe('false');
    const prefs = await api(context, 'GET', '/me/notification-preferences');
    expect(prefs.preferences.find((p: { kind: string }) => p.kind === 'mentioned').email).toBe(false);
    await noSidewaysScroll(page);
    await screenshot(page, 'email-06-preferences-phone');
    await context.close();
  });
});
