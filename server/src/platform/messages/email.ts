/** Server messages of email: SMTP settings, the outbox, notification emails, emails to customers, mentions. */
export const emailMessages = {
  emailHostInvalid: { en: 'Not a valid server name (smtp.example.com) or address.', 'zh-CN': '服务器名称（如 smtp.example.com）或地址无效。' },
  emailAppUrlInvalid: { en: 'Enter the address users open the CRM at, such as https://crm.example.com.', 'zh-CN': '请填写打开 CRM 的网址，如 https://crm.example.com。' },
  emailFromNeeded: { en: 'Give the sender address the server may send from.', 'zh-CN': '请填写发件人邮箱（SMTP 服务器允许的发件地址）。' },
  notificationKindTwice: { en: 'Each kind of notification may be listed once.', 'zh-CN': '每种通知只能出现一次。' },
  emailNotRetriable: { en: 'Only a failed or waiting email can be sent again; this one is {status}.', 'zh-CN': '只能重发失败或等待中的邮件，此邮件状态为：{status}。' },
  customerEmailNoAddress: { en: 'Neither the customer nor the contact has an email address: enter the recipient.', 'zh-CN': '客户和联系人都没有邮箱，请填写收件人。' },
  customerEmailContactNotOfCustomer: { en: 'No such contact of this customer.', 'zh-CN': '该客户没有此联系人。' },
  // The follow-up an email to a customer leaves on its timeline (its body follows).
  customerEmailFollowUp: { en: 'Email to {to}: {subject}', 'zh-CN': '发送邮件至 {to}：{subject}' },
  emailLinkLabel: { en: 'Open in the CRM: {url}', 'zh-CN': '在 CRM 中查看：{url}' },
  emailLinkText: { en: 'Open in the CRM', 'zh-CN': '在 CRM 中查看' },
  emailNotificationFooter: {
    en: 'You receive this email because you chose email for this kind of notification (your name at the top right of the CRM → Notification settings).',
    'zh-CN': '您收到此邮件是因为您为此类通知选择了邮件提醒（CRM 右上角您的名字 → 通知设置）。',
  },
  emailTestSubject: { en: 'Test email from the CRM', 'zh-CN': 'CRM 测试邮件' },
  emailTestBody: {
    en: 'This is a test email sent by {name} from the CRM\'s email settings. If you read it, the SMTP settings work.',
    'zh-CN': '这是 {name} 在 CRM 邮件设置中发送的测试邮件。收到此邮件说明 SMTP 设置可用。',
  },
  emailStatus_queued: { en: 'waiting', 'zh-CN': '等待发送' },
  emailStatus_sending: { en: 'being sent', 'zh-CN': '发送中' },
  emailStatus_sent: { en: 'sent', 'zh-CN': '已发送' },
  emailStatus_failed: { en: 'failed', 'zh-CN': '发送失败' },
  // {excerpt}: the start of the follow-up's text.
  notification_mentioned: {
    en: '{actor} mentioned you in a follow-up on {customer}: {excerpt}',
    'zh-CN': '{actor} 在客户「{customer}」的跟进记录中提到了您：{excerpt}',
  },
} as const;
