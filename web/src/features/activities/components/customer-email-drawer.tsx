import { MailOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Flex, Form, Input, Select } from 'antd';
import { customerEmailCreate, maxLengthOf } from '@crm/contracts';
import { useState } from 'react';
import { useT } from '../../../app/i18n/i18n-context';
import { FormErrorsAlert } from '../../../shared/form/form-errors-alert';
import { useFormRules } from '../../../shared/form/rules';
import { useSaveProblems } from '../../../shared/form/use-save-problems';
import { useIsMobile } from '../../../shared/hooks/use-is-mobile';
import { useContactList } from '../../contacts';
import { useSendCustomerEmail } from '../../email';

interface Values { contactId?: number; to?: string; subject: string; body: string }
const limit = (field: string) => maxLengthOf(customerEmailCreate, field);
const labels: Record<string, 'custEmail.to' | 'custEmail.contact' | 'custEmail.subject' | 'custEmail.body'> = { to: 'custEmail.to', contactId: 'custEmail.contact', subject: 'custEmail.subject', body: 'custEmail.body' };

function EmailForm({ customerId, onSent }: { customerId: number; onSent: () => void }) {
  const t = useT();
  const rules = useFormRules();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const send = useSendCustomerEmail(customerId);
  const problems = useSaveProblems<unknown, Values>(form);
  const contacts = (useContactList({ customerId, page: 1, pageSize: 200, sort: 'name' }).data?.items ?? []).filter((c) => c.email);
  const contactId = Form.useWatch('contactId', form);
  const chosen = contacts.find((c) => c.id === contactId);

  const submit = (values: Values) => {
    problems.clear();
    const to = values.to?.trim();
    send.mutate({ subject: values.subject, body: values.body, ...(to ? { to } : {}), ...(values.contactId ? { contactId: values.contactId } : {}) }, {
      onSuccess: (result) => {
        void message.success(t('custEmail.queued', { to: result.email.to }));
        onSent();
      },
      onError: problems.show,
    });
  };
  return (
    <Form<Values> form={form} name="customer_email" layout="vertical" requiredMark onFinish={submit} data-testid="customer-email-form">
      <div ref={problems.topRef} />
      <FormErrorsAlert message={problems.failure} details={problems.details} labelFor={(path) => (labels[path] ? t(labels[path]) : path)} />
      {contacts.length > 0 ? (
        <Form.Item name="contactId" label={t('custEmail.contact')}>
          <Select allowClear options={contacts.map((c) => ({ value: c.id, label: `${c.name} <${c.email ?? ''}>` }))} optionFilterProp="label" data-testid="customer-email-contact" />
        </Form.Item>
      ) : null}
      <Form.Item name="to" label={t('custEmail.to')} extra={t('custEmail.toHint')} rules={[rules.email]}>
        <Input type="email" autoComplete="email" maxLength={limit('to')} placeholder={chosen?.email ?? undefined} data-testid="customer-email-to" />
      </Form.Item>
      <Form.Item name="subject" label={t('custEmail.subject')} rules={[rules.required, rules.max(limit('subject'))]}>
        <Input maxLength={limit('subject')} autoComplete="off" data-testid="customer-email-subject" />
      </Form.Item>
      <Form.Item name="body" label={t('custEmail.body')} rules={[rules.required, rules.max(limit('body'))]}>
        <Input.TextArea autoSize={{ minRows: 6, maxRows: 16 }} maxLength={limit('body')} data-testid="customer-email-body" />
      </Form.Item>
      <Flex justify="end">
        <Button type="primary" htmlType="submit" icon={<MailOutlined />} loading={send.isPending} data-testid="customer-email-send">{t('custEmail.send')}</Button>
      </Flex>
    </Form>
  );
}

/** 发邮件: write to the customer from its page; the email is queued and kept on the timeline. */
export function CustomerEmailButton({ customerId, customerName }: { customerId: number; customerName: string }) {
  const t = useT();
  const isMobile = useIsMobile();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<MailOutlined />} onClick={() => setOpen(true)} data-testid="customer-email-open">{t('custEmail.action')}</Button>
      <Drawer open={open} onClose={() => setOpen(false)} title={t('custEmail.title', { customer: customerName })} size={isMobile ? '100%' : 560} destroyOnHidden>
        <EmailForm customerId={customerId} onSent={() => setOpen(false)} />
      </Drawer>
    </>
  );
}
