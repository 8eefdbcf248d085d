import type { Locale } from '@crm/contracts';
import { accessMessages } from './messages/access.js';
import { approvalsMessages } from './messages/approvals.js';
import { companyMessages } from './messages/company.js';
import { emailMessages } from './messages/email.js';
import { duplicatesMessages } from './messages/duplicates.js';
import { fieldsMessages } from './messages/fields.js';
import { importsMessages } from './messages/imports.js';
import { leadFormsMessages } from './messages/lead-forms.js';
import { leadsMessages } from './messages/leads.js';
import { listViewsMessages } from './messages/list-views.js';
import { workingListsMessages } from './messages/working-lists.js';
import { listsMessages } from './messages/lists.js';
import { notificationsMessages } from './messages/notifications.js';
import { opportunitiesMessages } from './messages/opportunities.js';
import { passwordMessages } from './messages/passwords.js';
import { phonesMessages } from './messages/phones.js';
import { poolMessages } from './messages/pool.js';
import { quotesMessages } from './messages/quotes.js';
import { targetsMessages } from './messages/targets.js';
import { contractsMessages } from './messages/contracts.js';
import { receivablesMessages } from './messages/receivables.js';
import { activitiesMessages } from './messages/activities.js';
import { analyticsMessages } from './messages/analytics.js';
import { creditMessages } from './messages/credit.js';
import { reportsMessages } from './messages/reports.js';
import { remindersMessages } from './messages/reminders.js';
import { stageStatsMessages } from './messages/stage-stats.js';
import { textMessages } from './messages/text.js';

/** Server messages in both languages; every error the API returns is one of these. */
const core = {
  notFound: { en: 'Not found.', 'zh-CN': '记录不存在或无权查看。' },
  forbidden: { en: 'You do not have permission to do this.', 'zh-CN': '您没有执行此操作的权限。' },
  unauthenticated: { en: 'Please sign in.', 'zh-CN': '请先登录。' },
  badCredentials: { en: 'Wrong email or password.', 'zh-CN': '邮箱或密码错误。' },
  throttled: {
    en: 'Too many failed attempts. Try again in {minutes} minutes.',
    'zh-CN': '失败次数过多，请在 {minutes} 分钟后重试。',
  },
  staleVersion: {
    en: 'Someone else changed this record since you opened it. Review the current version and try again.',
    'zh-CN': '此记录在您打开后已被他人修改，请查看最新内容后重试。',
  },
  validationFailed: { en: 'Some fields are not valid.', 'zh-CN': '部分字段填写有误。' },
  malformedJson: { en: 'The request body is not valid JSON.', 'zh-CN': '请求内容不是有效的 JSON。' },
  unsupportedMediaType: {
    en: 'Send the request body as application/json (files as application/octet-stream to an upload address).',
    'zh-CN': '请求内容必须为 application/json（文件须以 application/octet-stream 上传到上传地址）。',
  },
  bodyTooLarge: { en: 'The request body is too large.', 'zh-CN': '请求内容过大。' },
  bodyTooLargeAt: { en: 'The request body is too large: at most {size} may be sent here.', 'zh-CN': '请求内容过大：此处最多可提交 {size}。' },
  crossOrigin: {
    en: 'Requests from other sites are refused.',
    'zh-CN': '拒绝来自其他站点的请求。',
  },
  badRequest: { en: 'The request is not valid.', 'zh-CN': '请求无效。' },
  uploadExpected: {
    en: 'Send the file itself as the request body (application/octet-stream).',
    'zh-CN': '请以 application/octet-stream 直接上传文件内容。',
  },
  internal: {
    en: 'Something went wrong on the server. The error was logged.',
    'zh-CN': '服务器出错，错误已记录。',
  },
  routeNotFound: { en: 'No such API route.', 'zh-CN': '接口不存在。' },
  wrongPassword: { en: 'The current password is wrong.', 'zh-CN': '当前密码错误。' },
  emailTaken: { en: 'This email is already used.', 'zh-CN': '该邮箱已被使用。' },
  roleKeyTaken: { en: 'This key is already used.', 'zh-CN': '该标识已被使用。' },
  unknownDepartment: { en: 'No such department.', 'zh-CN': '部门不存在。' },
  unknownRole: { en: 'No such role.', 'zh-CN': '角色不存在。' },
  unknownUser: { en: 'No such active user.', 'zh-CN': '用户不存在或已停用。' },
  unknownCustomer: { en: 'No such customer.', 'zh-CN': '客户不存在。' },
  departmentCycle: {
    en: 'A department cannot be placed under itself or its sub-departments.',
    'zh-CN': '不能把部门移到自身或其下级部门之下。',
  },
  departmentNotEmpty: {
    en: 'This department still has sub-departments or users. Move them first.',
    'zh-CN': '该部门下仍有下级部门或用户，请先移走。',
  },
  builtInRole: { en: 'Built-in roles cannot be deleted.', 'zh-CN': '内置角色不能删除。' },
  roleInUse: {
    en: 'Users (removed users included) still have this role. Give them another role first.',
    'zh-CN': '仍有用户（含已删除用户）使用该角色，请先为他们更换角色。',
  },
  lastAdministrator: {
    en: 'The last active administrator cannot be removed or demoted.',
    'zh-CN': '不能删除或降级最后一位在职管理员。',
  },
  cannotDeleteSelf: { en: 'You cannot delete yourself.', 'zh-CN': '不能删除自己。' },
  ownerOutsideScope: {
    en: 'You can only give customers to users within your data scope.',
    'zh-CN': '只能把客户分配给您数据范围内的用户。',
  },
  contactNeedsOrganization: {
    en: 'Contacts belong to organisation customers.',
    'zh-CN': '联系人只能属于企业客户。',
  },
  kindChangeWithContacts: {
    en: 'A customer with contacts cannot become a person.',
    'zh-CN': '已有联系人的客户不能改为个人客户。',
  },
  invalidIdCard: { en: 'Not a valid ID-card number.', 'zh-CN': '身份证号码无效。' },
  invalidCreditCode: {
    en: 'Not a valid unified social credit code.',
    'zh-CN': '统一社会信用代码无效。',
  },
  parentDeleted: {
    en: 'Restore the customer this contact belongs to first.',
    'zh-CN': '请先恢复该联系人所属的客户。',
  },
} as const;

const catalogue = {
  ...core,
  ...notificationsMessages,
  ...poolMessages,
  ...opportunitiesMessages,
  ...quotesMessages,
  ...targetsMessages,
  ...contractsMessages,
  ...receivablesMessages,
  ...activitiesMessages,
  ...analyticsMessages,
  ...creditMessages,
  ...reportsMessages,
  ...remindersMessages,
  ...importsMessages,
  ...leadFormsMessages,
  ...leadsMessages,
  ...listViewsMessages,
  ...workingListsMessages,
  ...listsMessages,
  ...duplicatesMessages,
  ...fieldsMessages,
  ...stageStatsMessages,
  ...phonesMessages,
  ...textMessages,
  ...accessMessages,
  ...passwordMessages,
  ...approvalsMessages,
  ...companyMessages,
  ...emailMessages,
};

export type MessageKey = keyof typeof catalogue;

export function isMessageKey(value: string): value is MessageKey {
  return Object.prototype.hasOwnProperty.call(catalogue, value);
}

/** Translate a catalogue key, filling `{name}` placeholders; plain text passes through. */
export function t(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  const text = isMessageKey(key) ? catalogue[key][locale] : key;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** zh-CN unless the caller prefers English (Accept-Language). */
export function pickLocale(acceptLanguage: string | undefined, fallback: Locale = 'zh-CN'): Locale {
  if (!acceptLanguage) return fallback;
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  if (first.startsWith('en')) return 'en';
  if (first.startsWith('zh')) return 'zh-CN';
  return fallback;
}
