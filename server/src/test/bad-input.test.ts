import { analyticsDefaults, creditDefaults } from '@crm/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer } from './fixtures.js';
import { createTestApp, type Agent, type TestApp } from './harness.js';

/** Every write endpoint refuses bad input with a field-level message, changes nothing and never answers 500. */
let t: TestApp;
let admin: Agent;
const ids: Record<string, number> = {};

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login();
  ids.customer = (await admin.post('/api/v1/customers', buildCustomer({ name: '坏输入客户' }))).body.id;
  ids.contact = (await admin.post('/api/v1/contacts', { customerId: ids.customer, name: '坏输入联系人' })).body.id;
  ids.department = (await admin.post('/api/v1/departments', { name: '坏输入部门' })).body.id;
  ids.role = (await admin.post('/api/v1/roles', { key: 'bad_input', name: '坏输入角色' })).body.id;
  ids.user = (await admin.post('/api/v1/users', { email: 'bad@example.com', name: '坏输入用户', password: 'test-password-2026', roleId: ids.role })).body.id;
  ids.product = (await admin.post('/api/v1/products', { code: 'BAD-1', name: '坏输入产品', standardPrice: 100 })).body.id;
  ids.category = (await admin.post('/api/v1/product-categories', { name: '坏输入分类' })).body.id;
  ids.priceList = (await admin.post('/api/v1/price-lists', { name: '坏输入价格表', items: [{ productId: ids.product, price: 90 }] })).body.id;
  ids.quote = (await admin.post('/api/v1/quotes', { customerId: ids.customer, title: '坏输入报价', validUntil: '2027-01-31', lines: [{ productId: ids.product, quantity: 1 }] })).body.id;
  ids.opportunity = (await admin.post('/api/v1/opportunities', { customerId: ids.customer, name: '坏输入商机', amount: 100, expectedCloseDate: '2027-01-31' })).body.id;
  ids.followUp = (await admin.post('/api/v1/follow-ups', { customerId: ids.customer, kind: 'call', content: '坏输入跟进' })).body.id;
  ids.task = (await admin.post('/api/v1/tasks', { title: '坏输入任务', dueOn: '2027-01-31' })).body.id;
  ids.listView = (await admin.post('/api/v1/list-views', { list: 'customers', name: '坏输入视图', filters: { status: 'potential' } })).body.id;
  ids.report = (await admin.post('/api/v1/work-reports', { kind: 'daily', summary: '坏输入日报' })).body.id;
  ids.reportComment = (await admin.post(`/api/v1/work-reports/${ids.report}/comments`, { content: '坏输入评论' })).body.id;
  ids.contract = (await admin.post('/api/v1/contracts', { customerId: ids.customer, title: '坏输入合同', lines: [{ productId: ids.product, quantity: 1 }] })).body.id;
  // Approvals: a flow for quotes discounted above 50 %, and one such quote waiting for approval.
  const me = (await admin.get('/api/v1/auth/me')).body.user.id;
  ids.approvalFlow = (await admin.post('/api/v1/approval-flows', { name: '坏输入流程', recordType: 'quote', conditions: [{ kind: 'discount_above', percent: 50 }], steps: [{ kind: 'user', userId: me }] })).body.id;
  const discounted = (await admin.post('/api/v1/quotes', { customerId: ids.customer, title: '坏输入审批', validUntil: '2027-01-31', lines: [{ productId: ids.product, quantity: 1, discountPercent: 60 }] })).body;
  await admin.post(`/api/v1/quotes/${discounted.id}/status`, { status: 'sent', version: discounted.version });
  ids.approval = (await admin.get(`/api/v1/approvals?recordType=quote&recordId=${discounted.id}`)).body.items[0].id;
});
afterAll(() => t.close());

const long = 'x'.repeat(5000);
const writes: Array<{ name: string; method: 'POST' | 'PATCH' | 'PUT'; url: () => string; wrongType: unknown; wrongPath: string; tooLong: unknown; longPath: string; read: () => string }> = [
  { name: 'create customer', method: 'POST', url: () => '/api/v1/customers', wrongType: { kind: 'organization', name: 42 }, wrongPath: 'name', tooLong: { kind: 'organization', name: long }, longPath: 'name', read: () => '/api/v1/customers?pageSize=200' },
  { name: 'update customer', method: 'PATCH', url: () => `/api/v1/customers/${ids.customer}`, wrongType: { version: 1, tags: 'vip' }, wrongPath: 'tags', tooLong: { version: 1, notes: long }, longPath: 'notes', read: () => `/api/v1/customers/${ids.customer}` },
  { name: 'bulk update customers', method: 'POST', url: () => '/api/v1/customers/bulk-update', wrongType: { ids: [ids.customer], set: { nextFollowUpOn: 20991231 } }, wrongPath: 'set.nextFollowUpOn', tooLong: { ids: [ids.customer], set: { industry: long } }, longPath: 'set.industry', read: () => `/api/v1/customers/${ids.customer}` },
  { name: 'create contact', method: 'POST', url: () => '/api/v1/contacts', wrongType: { customerId: 'one', name: 'a' }, wrongPath: 'customerId', tooLong: { customerId: ids.customer, name: long }, longPath: 'name', read: () => '/api/v1/contacts?pageSize=200' },
  { name: 'update contact', method: 'PATCH', url: () => `/api/v1/contacts/${ids.contact}`, wrongType: { version: 1, isPrimary: 'yes' }, wrongPath: 'isPrimary', tooLong: { version: 1, email: `${long}@x.com` }, longPath: 'email', read: () => `/api/v1/contacts/${ids.contact}` },
  { name: 'create user', method: 'POST', url: () => '/api/v1/users', wrongType: { email: 'n@example.com', name: 'n', password: 'test-password-2026', roleId: '1' }, wrongPath: 'roleId', tooLong: { email: 'n@example.com', name: long, password: 'test-password-2026', roleId: 1 }, longPath: 'name', read: () => '/api/v1/users?pageSize=200' },
  { name: 'update user', method: 'PATCH', url: () => `/api/v1/users/${ids.user}`, wrongType: { version: 1, active: 'no' }, wrongPath: 'active', tooLong: { version: 1, mobile: long }, longPath: 'mobile', read: () => `/api/v1/users/${ids.user}` },
  { name: 'create department', method: 'POST', url: () => '/api/v1/departments', wrongType: { name: 'd', parentId: 'root' }, wrongPath: 'parentId', tooLong: { name: long }, longPath: 'name', read: () => '/api/v1/departments?pageSize=200' },
  { name: 'update department', method: 'PATCH', url: () => `/api/v1/departments/${ids.department}`, wrongType: { version: '1' }, wrongPath: 'version', tooLong: { version: 1, name: long }, longPath: 'name', read: () => `/api/v1/departments/${ids.department}` },
  { name: 'create role', method: 'POST', url: () => '/api/v1/roles', wrongType: { key: 'ok_key', name: 'r', permissions: ['customers.fly'] }, wrongPath: 'permissions.0', tooLong: { key: 'ok_key', name: long }, longPath: 'name', read: () => '/api/v1/roles?pageSize=200' },
  { name: 'update role', method: 'PATCH', url: () => `/api/v1/roles/${ids.role}`, wrongType: { version: 1, dataScope: 'everything' }, wrongPath: 'dataScope', tooLong: { version: 1, description: long }, longPath: 'description', read: () => `/api/v1/roles/${ids.role}` },
  { name: 'create product category', method: 'POST', url: () => '/api/v1/product-categories', wrongType: { name: 'c', parentId: 'top' }, wrongPath: 'parentId', tooLong: { name: long }, longPath: 'name', read: () => '/api/v1/product-categories' },
  { name: 'update product category', method: 'PATCH', url: () => `/api/v1/product-categories/${ids.category}`, wrongType: { version: 1, name: 5 }, wrongPath: 'name', tooLong: { version: 1, name: long }, longPath: 'name', read: () => '/api/v1/product-categories' },
  { name: 'create product', method: 'POST', url: () => '/api/v1/products', wrongType: { code: 'P-2', name: 'p', standardPrice: '1.00' }, wrongPath: 'standardPrice', tooLong: { code: 'P-2', name: long, standardPrice: 1 }, longPath: 'name', read: () => '/api/v1/products?pageSize=200' },
  { name: 'update product', method: 'PATCH', url: () => `/api/v1/products/${ids.product}`, wrongType: { version: 1, taxRate: 13.333 }, wrongPath: 'taxRate', tooLong: { version: 1, description: long }, longPath: 'description', read: () => `/api/v1/products/${ids.product}` },
  { name: 'create price list', method: 'POST', url: () => '/api/v1/price-lists', wrongType: { name: 'l', items: [{ productId: ids.product, price: -1 }] }, wrongPath: 'items.0.price', tooLong: { name: long }, longPath: 'name', read: () => '/api/v1/price-lists?pageSize=200' },
  { name: 'update price list', method: 'PATCH', url: () => `/api/v1/price-lists/${ids.priceList}`, wrongType: { version: 1, validFrom: '2026-13-45' }, wrongPath: 'validFrom', tooLong: { version: 1, province: long }, longPath: 'province', read: () => `/api/v1/price-lists/${ids.priceList}` },
  { name: 'create quote', method: 'POST', url: () => '/api/v1/quotes', wrongType: { customerId: ids.customer, title: 'q', validUntil: '2027-01-31', lines: [{ productId: ids.product, quantity: 0.0001 }] }, wrongPath: 'lines.0.quantity', tooLong: { customerId: ids.customer, title: 'q', validUntil: '2027-01-31', terms: long }, longPath: 'terms', read: () => '/api/v1/quotes?pageSize=200' },
  { name: 'update quote', method: 'PATCH', url: () => `/api/v1/quotes/${ids.quote}`, wrongType: { version: 1, lines: [{ productId: ids.product, quantity: 1, discountPercent: 101 }] }, wrongPath: 'lines.0.discountPercent', tooLong: { version: 1, title: long }, longPath: 'title', read: () => `/api/v1/quotes/${ids.quote}` },
  { name: 'change quote status', method: 'POST', url: () => `/api/v1/quotes/${ids.quote}/status`, wrongType: { version: 1, status: 'won' }, wrongPath: 'status', tooLong: { version: 1, status: long }, longPath: 'status', read: () => `/api/v1/quotes/${ids.quote}` },
  { name: 'set targets', method: 'PUT', url: () => '/api/v1/targets', wrongType: { year: 2026, metric: 'new_customers', items: [{ subjectType: 'user', subjectId: 'one', period: '2026-12', value: 1 }] }, wrongPath: 'items.0.subjectId', tooLong: { year: 2026, metric: 'new_customers', items: [{ subjectType: 'user', subjectId: ids.user, period: long, value: 1 }] }, longPath: 'items.0.period', read: () => '/api/v1/targets?year=2026&metric=new_customers' },
  { name: 'create contract', method: 'POST', url: () => '/api/v1/contracts', wrongType: { customerId: ids.customer, title: 'c', amount: '1.00' }, wrongPath: 'amount', tooLong: { customerId: ids.customer, title: 'c', notes: long }, longPath: 'notes', read: () => '/api/v1/contracts?pageSize=200' },
  { name: 'update contract', method: 'PATCH', url: () => `/api/v1/contracts/${ids.contract}`, wrongType: { version: 1, contacts: [{ contactId: ids.contact, role: 'boss' }] }, wrongPath: 'contacts.0.role', tooLong: { version: 1, title: long }, longPath: 'title', read: () => `/api/v1/contracts/${ids.contract}` },
  { name: 'change contract status', method: 'POST', url: () => `/api/v1/contracts/${ids.contract}/status`, wrongType: { version: 1, status: 'signed' }, wrongPath: 'status', tooLong: { version: 1, status: long }, longPath: 'status', read: () => `/api/v1/contracts/${ids.contract}` },
  { name: 'contract from a quote', method: 'POST', url: () => `/api/v1/quotes/${ids.quote}/contract`, wrongType: { endsOn: '2027-02-30x' }, wrongPath: 'endsOn', tooLong: { title: long }, longPath: 'title', read: () => '/api/v1/contracts?pageSize=200' },
  { name: 'contract from a deal', method: 'POST', url: () => `/api/v1/opportunities/${ids.opportunity}/contract`, wrongType: { kind: 'deal' }, wrongPath: 'kind', tooLong: { title: long }, longPath: 'title', read: () => '/api/v1/contracts?pageSize=200' },
  { name: 'contract numbering', method: 'PUT', url: () => '/api/v1/settings/contract-numbering', wrongType: { pattern: 'HT-{SEQ3}{SEQ4}', version: 0 }, wrongPath: 'pattern', tooLong: { pattern: long, version: 0 }, longPath: 'pattern', read: () => '/api/v1/settings/contract-numbering' },
  { name: 'payment plan', method: 'PUT', url: () => `/api/v1/contracts/${ids.contract}/payment-plan`, wrongType: { planVersion: 0, instalments: [{ dueOn: '2027-01-31', amount: 1.5 }] }, wrongPath: 'instalments.0.amount', tooLong: { planVersion: 0, instalments: [{ dueOn: '2027-01-31', amount: 100, note: long }] }, longPath: 'instalments.0.note', read: () => `/api/v1/contracts/${ids.contract}/receivables` },
  { name: 'record payment', method: 'POST', url: () => `/api/v1/contracts/${ids.contract}/payments`, wrongType: { receivedOn: '2026-11-01', amount: '100' }, wrongPath: 'amount', tooLong: { receivedOn: '2026-11-01', amount: 100, reference: long }, longPath: 'reference', read: () => `/api/v1/contracts/${ids.contract}/receivables` },
  { name: 'record invoice', method: 'POST', url: () => `/api/v1/contracts/${ids.contract}/invoices`, wrongType: { number: '1', issuedOn: '2026-11-01', amount: 100, kind: 'receipt' }, wrongPath: 'kind', tooLong: { number: long, issuedOn: '2026-11-01', amount: 100 }, longPath: 'number', read: () => `/api/v1/contracts/${ids.contract}/receivables` },
  { name: 'company logo', method: 'PUT', url: () => '/api/v1/settings/company/logo', wrongType: { image: 5, contentType: 'image/png', version: 0 }, wrongPath: 'image', tooLong: { image: 'A'.repeat(400_000), contentType: 'image/png', version: 0 }, longPath: 'image', read: () => '/api/v1/settings/company' },
  { name: 'record follow-up', method: 'POST', url: () => '/api/v1/follow-ups', wrongType: { customerId: ids.customer, kind: 'call', content: 'x', durationMinutes: '10' }, wrongPath: 'durationMinutes', tooLong: { customerId: ids.customer, kind: 'call', content: long }, longPath: 'content', read: () => `/api/v1/customers/${ids.customer}/follow-ups` },
  { name: 'bulk follow-up', method: 'POST', url: () => '/api/v1/follow-ups/bulk', wrongType: { customerIds: [ids.customer], kind: 'call', content: 'x', durationMinutes: '10' }, wrongPath: 'durationMinutes', tooLong: { customerIds: [ids.customer], kind: 'call', content: long }, longPath: 'content', read: () => `/api/v1/customers/${ids.customer}/follow-ups` },
  { name: 'update follow-up', method: 'PATCH', url: () => `/api/v1/follow-ups/${ids.followUp}`, wrongType: { version: 1, contactIds: 'all' }, wrongPath: 'contactIds', tooLong: { version: 1, outcome: long }, longPath: 'outcome', read: () => `/api/v1/follow-ups/${ids.followUp}` },
  { name: 'create task', method: 'POST', url: () => '/api/v1/tasks', wrongType: { title: 't', dueOn: '2027-01-31', dueTime: '25:00' }, wrongPath: 'dueTime', tooLong: { title: long, dueOn: '2027-01-31' }, longPath: 'title', read: () => '/api/v1/tasks?view=open&pageSize=100' },
  { name: 'update task', method: 'PATCH', url: () => `/api/v1/tasks/${ids.task}`, wrongType: { version: 1, recurrence: 'hourly' }, wrongPath: 'recurrence', tooLong: { version: 1, notes: long }, longPath: 'notes', read: () => `/api/v1/tasks/${ids.task}` },
  { name: 'write work report', method: 'POST', url: () => '/api/v1/work-reports', wrongType: { kind: 'daily', summary: 5 }, wrongPath: 'summary', tooLong: { kind: 'daily', summary: long }, longPath: 'summary', read: () => '/api/v1/work-reports?pageSize=200' },
  { name: 'update work report', method: 'PATCH', url: () => `/api/v1/work-reports/${ids.report}`, wrongType: { version: 1, refreshFigures: 'yes' }, wrongPath: 'refreshFigures', tooLong: { version: 1, plan: long }, longPath: 'plan', read: () => `/api/v1/work-reports/${ids.report}` },
  { name: 'comment on work report', method: 'POST', url: () => `/api/v1/work-reports/${ids.report}/comments`, wrongType: { content: ['x'] }, wrongPath: 'content', tooLong: { content: long }, longPath: 'content', read: () => `/api/v1/work-reports/${ids.report}` },
  { name: 'edit work report comment', method: 'PATCH', url: () => `/api/v1/work-reports/${ids.report}/comments/${ids.reportComment}`, wrongType: { version: 1, content: ['x'] }, wrongPath: 'content', tooLong: { version: 1, content: long }, longPath: 'content', read: () => `/api/v1/work-reports/${ids.report}` },
  { name: 'save list view', method: 'POST', url: () => '/api/v1/list-views', wrongType: { list: 'customers', name: 'v', pageSize: '20' }, wrongPath: 'pageSize', tooLong: { list: 'customers', name: long }, longPath: 'name', read: () => '/api/v1/list-views?list=customers' },
  { name: 'update list view', method: 'PATCH', url: () => `/api/v1/list-views/${ids.listView}`, wrongType: { version: 1, filters: { status: 5 } }, wrongPath: 'filters.status', tooLong: { version: 1, filters: { q: long } }, longPath: 'filters.q', read: () => '/api/v1/list-views?list=customers' },
  { name: 'default list view', method: 'PUT', url: () => '/api/v1/list-views/default', wrongType: { list: 'customers', viewId: '1' }, wrongPath: 'viewId', tooLong: { list: long, viewId: 'all' }, longPath: 'list', read: () => '/api/v1/list-views?list=customers' },
  { name: 'contact guard days', method: 'PUT', url: () => '/api/v1/settings/contact-guard', wrongType: { days: '7', version: 0 }, wrongPath: 'days', tooLong: { days: 99999, version: 0 }, longPath: 'days', read: () => '/api/v1/settings/contact-guard' },
  { name: 'contract renewal days', method: 'PUT', url: () => '/api/v1/settings/contract-renewals', wrongType: { days: '30', version: 0 }, wrongPath: 'days', tooLong: { days: 99999, version: 0 }, longPath: 'days', read: () => '/api/v1/settings/contract-renewals' },
  { name: 'task with a reminder', method: 'POST', url: () => '/api/v1/tasks', wrongType: { title: 't', dueOn: '2027-01-31', remindBeforeMinutes: '15' }, wrongPath: 'remindBeforeMinutes', tooLong: { title: 't', dueOn: '2027-01-31', remindBeforeMinutes: 99999 }, longPath: 'remindBeforeMinutes', read: () => '/api/v1/tasks?view=open&pageSize=100' },
  { name: 'care reminder settings', method: 'PUT', url: () => '/api/v1/settings/reminders', wrongType: { customerBirthdayDays: '3', contactBirthdayDays: 3, weddingAnniversaryDays: 3, maintenanceMonths: 0, maintenanceDays: 7, version: 0 }, wrongPath: 'customerBirthdayDays', tooLong: { customerBirthdayDays: 3, contactBirthdayDays: 3, weddingAnniversaryDays: 3, maintenanceMonths: 99999, maintenanceDays: 7, version: 0 }, longPath: 'maintenanceMonths', read: () => '/api/v1/settings/reminders' },
  { name: 'create approval flow', method: 'POST', url: () => '/api/v1/approval-flows', wrongType: { name: 'f', recordType: 'quote', steps: [{ kind: 'user', userId: 'me' }] }, wrongPath: 'steps.0.userId', tooLong: { name: long, recordType: 'quote', steps: [{ kind: 'manager' }] }, longPath: 'name', read: () => '/api/v1/approval-flows?pageSize=200' },
  { name: 'update approval flow', method: 'PATCH', url: () => `/api/v1/approval-flows/${ids.approvalFlow}`, wrongType: { version: 1, conditions: [{ kind: 'amount_above', amount: 1.5 }] }, wrongPath: 'conditions.0.amount', tooLong: { version: 1, name: long }, longPath: 'name', read: () => `/api/v1/approval-flows/${ids.approvalFlow}` },
  { name: 'decide approval', method: 'POST', url: () => `/api/v1/approvals/${ids.approval}/decision`, wrongType: { version: 1, decision: 'maybe' }, wrongPath: 'decision', tooLong: { version: 1, decision: 'reject', comment: long }, longPath: 'comment', read: () => `/api/v1/approvals/${ids.approval}` },
  { name: 'change password', method: 'POST', url: () => '/api/v1/auth/password', wrongType: { currentPassword: 1, newPassword: 'long-enough' }, wrongPath: 'currentPassword', tooLong: { currentPassword: 'x', newPassword: long }, longPath: 'newPassword', read: () => '/api/v1/auth/me' },
  { name: 'set locale', method: 'PUT', url: () => '/api/v1/auth/locale', wrongType: { locale: 7 }, wrongPath: 'locale', tooLong: { locale: long }, longPath: 'locale', read: () => '/api/v1/auth/me' },
  { name: 'analytics settings', method: 'PUT', url: () => '/api/v1/settings/analytics', wrongType: { ...analyticsDefaults, abcAPercent: '80', version: 0 }, wrongPath: 'abcAPercent', tooLong: { ...analyticsDefaults, horizonYears: 99999, version: 0 }, longPath: 'horizonYears', read: () => '/api/v1/settings/analytics' },
  { name: 'SMTP settings', method: 'PUT', url: () => '/api/v1/settings/email', wrongType: { host: 5, port: 25, security: 'none', user: '', fromAddress: '', fromName: '', appUrl: '', version: 0 }, wrongPath: 'host', tooLong: { host: 'smtp.example.com', port: 25, security: 'none', user: '', fromAddress: 'crm@example.com', fromName: long, appUrl: '', version: 0 }, longPath: 'fromName', read: () => '/api/v1/settings/email' },
  { name: 'notification preferences', method: 'PUT', url: () => '/api/v1/me/notification-preferences', wrongType: { preferences: [{ kind: 'mentioned', email: 'yes' }] }, wrongPath: 'preferences.0.email', tooLong: { preferences: Array.from({ length: 40 }, () => ({ kind: 'mentioned', email: true })) }, longPath: 'preferences', read: () => '/api/v1/me/notification-preferences' },
  { name: 'credit assessment', method: 'PUT', url: () => `/api/v1/customers/${ids.customer}/credit-assessment`, wrongType: { version: 0, currentAssets: '100' }, wrongPath: 'currentAssets', tooLong: { version: 0, note: long }, longPath: 'note', read: () => `/api/v1/customers/${ids.customer}/credit-assessment` },
  { name: 'credit settings', method: 'PUT', url: () => '/api/v1/settings/credit', wrongType: { ...creditDefaults, weights: { ...creditDefaults.weights, character: '25' }, version: 0 }, wrongPath: 'weights.character', tooLong: { ...creditDefaults, thresholds: { a: 80, b: 65, c: 99999 }, version: 0 }, longPath: 'thresholds.c', read: () => '/api/v1/settings/credit' },
  { name: 'keep the record against the derived lifecycle', method: 'POST', url: () => `/api/v1/analytics/customers/${ids.customer}/keep-record`, wrongType: { status: 5 }, wrongPath: 'status', tooLong: { lifecycleStage: long }, longPath: 'lifecycleStage', read: () => `/api/v1/analytics/customers/${ids.customer}` },
  { name: 'email a customer', method: 'POST', url: () => `/api/v1/customers/${ids.customer}/emails`, wrongType: { to: 'x@example.com', subject: 5, body: 'b' }, wrongPath: 'subject', tooLong: { to: 'x@example.com', subject: long, body: 'b' }, longPath: 'subject', read: () => `/api/v1/customers/${ids.customer}/follow-ups` },
];

describe('bad input on every write endpoint', () => {
  for (const w of writes) {
    it(w.name, async () => {
      const before = await admin.get(w.read());
      const send = (body: unknown, headers: Record<string, string> = {}) => admin.request(w.method, w.url(), body, headers);

      const malformed = await send('{"name": ');
      expect(malformed.status).toBe(400);
      expect(malformed.body.error.code).toBe('BAD_REQUEST');

      const wrongType = await send(w.wrongType);
      expect(wrongType.status).toBe(400);
      expect(wrongType.body.error.code).toBe('VALIDATION_FAILED');
      expect(wrongType.body.error.details.map((d: { path: string }) => d.path)).toContain(w.wrongPath);

      const unknown = await send({ ...(w.tooLong as object), sneaky: true });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['sneaky', w.longPath]));

      const notObject = await send([1, 2, 3]);
      expect(notObject.status).toBe(400);

      const huge = await send({ name: 'y'.repeat(1024 * 1024 + 10) });
      expect(huge.status).toBe(413);
      expect(huge.body.error.code).toBe('PAYLOAD_TOO_LARGE');

      const after = await admin.get(w.read());
      expect(after.body).toEqual(before.body);
    });
  }

  it('the email outbox: bad ids and filters are 400, a missing email 404, never 500', async () => {
    expect((await admin.post('/api/v1/settings/email/outbox/abc/retry')).status).toBe(400);
    expect((await admin.post('/api/v1/settings/email/outbox/0/retry')).status).toBe(400);
    expect((await admin.post('/api/v1/settings/email/outbox/99999/retry')).status).toBe(404);
    expect((await admin.get('/api/v1/settings/email/outbox?status=lost')).status).toBe(400);
    expect((await admin.get('/api/v1/settings/email/outbox?pageSize=1000')).status).toBe(400);
    expect((await admin.get('/api/v1/settings/email/outbox?page=0')).status).toBe(400);
  });

  it('login refuses malformed and mistyped bodies without a 500', async () => {
    const anonymous = t.anonymous('zh-CN');
    expect((await anonymous.post('/api/v1/auth/login', '{')).status).toBe(400);
    const typed = await anonymous.post('/api/v1/auth/login', { email: 'not-an-email', password: 5 });
    expect(typed.status).toBe(400);
    expect(typed.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['email', 'password']);
  });

  it('calendar feed: a body with anything in it, or not an object, is refused and makes no feed', async () => {
    const send = (body: unknown) => admin.request('POST', '/api/v1/me/calendar-feed', body);
    expect((await send('{"x": ')).body.error.code).toBe('BAD_REQUEST');
    const unknown = await send({ sneaky: true });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details.map((d: { path: string }) => d.path)).toEqual(['sneaky']);
    expect((await send([1, 2, 3])).status).toBe(400);
    expect((await send({ name: 'y'.repeat(1024 * 1024 + 10) })).status).toBe(413);
    expect((await admin.get('/api/v1/me/calendar-feed')).body).toEqual({ active: false, createdAt: null, lastUsedAt: null });
    expect((await admin.get('/api/v1/calendar?from=2026-11-01&to=x')).status).toBe(400);
  });

  it('visit check-in: impossible positions, unknown fields, a check-in on a call or moved by a change are refused and write nothing', async () => {
    const read = `/api/v1/customers/${ids.customer}/follow-ups`;
    const before = (await admin.get(read)).body;
    const here = { latitude: 31.23, longitude: 121.47, accuracyMeters: 20 };
    const post = (checkIn: unknown, kind = 'visit') => admin.post('/api/v1/follow-ups', { customerId: ids.customer, kind, content: 'x', checkIn });
    const refused: Array<[unknown, string]> = [
      [{ ...here, latitude: '31.23' }, 'checkIn.latitude'],
      [{ ...here, longitude: 200 }, 'checkIn.longitude'],
      [{ ...here, accuracyMeters: 1e6 }, 'checkIn.accuracyMeters'],
      [{ ...here, sneaky: true }, 'checkIn.sneaky'],
      [{ ...here, address: 'x'.repeat(5000) }, 'checkIn.address'],
      [[31.23, 121.47], 'checkIn'],
    ];
    for (const [checkIn, path] of refused) {
      const res = await post(checkIn);
      expect(res.status, JSON.stringify(checkIn)).toBe(400);
      expect(res.body.error.details.map((d: { path: string }) => d.path), JSON.stringify(checkIn)).toContain(path);
    }
    expect((await post(here, 'call')).body.error.details).toEqual([{ path: 'checkIn', message: 'Only a visit can carry a check-in.' }]);
    const moved = await admin.patch(`/api/v1/follow-ups/${ids.followUp}`, { version: 1, checkIn: here });
    expect(moved.status).toBe(400);
    expect(moved.body.error.details.map((d: { path: string }) => d.path)).toEqual(['checkIn']);
    expect((await admin.get(read)).body).toEqual(before);
  });

  it('bad ids, query values and routes are 400 or 404, never 500', async () => {
    expect((await admin.get('/api/v1/customers/abc')).status).toBe(400);
    expect((await admin.get('/api/v1/customers/-1')).status).toBe(400);
    expect((await admin.get('/api/v1/customers?pageSize=1000')).status).toBe(400);
    expect((await admin.get('/api/v1/customers?sort=password')).status).toBe(400);
    expect((await admin.get('/api/v1/customers?status=happy')).status).toBe(400);
    expect((await admin.get('/api/v1/customers?nextFollowUpOn=soon')).status).toBe(400);
    expect((await admin.get('/api/v1/customers?noFollowUpDays=1e3')).status).toBe(400);
    expect((await admin.get('/api/v1/list-views?list=planets')).status).toBe(400);
    expect((await admin.get('/api/v1/list-views')).status).toBe(400);
    expect((await admin.patch('/api/v1/list-views/99999', { version: 1, name: 'x' })).status).toBe(404);
    expect((await admin.get('/api/v1/customers?q=%25_%5C')).status).toBe(200);
    expect((await admin.get('/api/v1/recycle-bin/customer/1/restore')).status).toBe(404);
    expect((await admin.post('/api/v1/recycle-bin/planet/1/restore')).status).toBe(400);
    expect((await admin.get('/api/v1/nowhere')).status).toBe(404);
  });
});
