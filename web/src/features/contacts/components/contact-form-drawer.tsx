import { Alert, App, Button, Checkbox, Col, DatePicker, Drawer, Form, Input, Row, type FormInstance } from 'antd';
import { maxLengthOf, contactUpdate } from '@crm/contracts';
import type { Contact } from '@crm/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useI18n, useT } from '../../../app/i18n/i18n-context';
import { isMessageKey } from '../../../app/i18n/translate';
import { isApiError, type ApiErrorDetail } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/api/error-message';
import { FormErrorsAlert } from '../../../shared/form/form-errors-alert';
import { useFormRules } from '../../../shared/form/rules';
import { applyServerErrors } from '../../../shared/form/server-errors';
import { useFocusOnOpen } from '../../../shared/hooks/use-focus-on-open';
import { useIsMobile } from '../../../shared/hooks/use-is-mobile';
import { DrawerFooter, useDrawerPadding } from '../../../shared/layout/drawer-footer';
import { contactKeys, useCreateContact, useUpdateContact } from '../api';
import {
  contactToFormValues,
  createRequest,
  updateRequest,
  type ContactFormValues,
} from './contact-form-model';
import { CustomerPicker } from './customer-picker';
import { CustomFieldItems, customFieldLabel, useActiveCustomFields } from '../../custom-fields';

/** A field's length limit, from the shared schema the server validates with. */
const limit = (field: string) => maxLengthOf(contactUpdate, field);

interface ContactFormDrawerProps {
  open: boolean;
  /** The contact to edit; absent to add one. */
  contact?: Contact;
  /** The customer a new contact belongs to; absent to let the user pick one. */
  customerId?: number;
  onClose: () => void;
}

export function ContactFormDrawer({ open, contact, customerId, onClose }: ContactFormDrawerProps) {
  const t = useT();
  const isMobile = useIsMobile();
  const padding = useDrawerPadding();
  const [form] = Form.useForm<ContactFormValues>();
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={contact ? t('contact.editTitle') : t('contact.add')}
      size={isMobile ? '100%' : 560}
      destroyOnHidden
      styles={{ body: { padding } }}
      data-testid="contact-drawer"
    >
      {open ? <ContactFormBody form={form} contact={contact} customerId={customerId} onClose={onClose} /> : null}
    </Drawer>
  );
}

function contactLabel(t: ReturnType<typeof useT>, path: string): string {
  const key = `contact.f.${path}`;
  return isMessageKey(key) ? t(key) : path;
}

function ContactFormBody({
  form,
  contact,
  customerId,
  onClose,
}: Omit<ContactFormDrawerProps, 'open'> & { form: FormInstance<ContactFormValues> }) {
  const t = useT();
  const { locale } = useI18n();
  const { message } = App.useApp();
  const rules = useFormRules();
  const customFields = useActiveCustomFields('contact');
  const queryClient = useQueryClient();
  const topRef = useRef<HTMLDivElement>(null);
  useFocusOnOpen(form, contact || customerId ? 'name' : 'customerId');
  const [editing, setEditing] = useState<Contact | undefined>(contact);
  const [conflict, setConflict] = useState<Contact | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [details, setDetails] = useState<ApiErrorDetail[]>([]);
  const create = useCreateContact();
  const update = useUpdateContact();
  const label = (path: string) => {
    const field = path.startsWith('custom.') ? customFields.find((f) => `custom.${f.key}` === path) : undefined;
    return field ? customFieldLabel(field, locale) : contactLabel(t, path);
  };

  const initialValues: ContactFormValues = editing
    ? contactToFormValues(editing, customFields)
    : { name: '', isPrimary: false, customerId };

  const onError = (error: unknown) => {
    if (isApiError(error) && error.code === 'CONFLICT' && error.current) {
      setConflict(error.current as Contact);
    } else {
      setDetails(applyServerErrors(form, error));
      setFailure(errorMessage(error, t));
    }
    topRef.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  };

  const onSaved = (saved: Contact) => {
    void message.success(t('contact.saved', { name: saved.name }));
    onClose();
  };

  const submit = (values: ContactFormValues) => {
    setFailure(null);
    setDetails([]);
    setConflict(null);
    if (editing) {
      const request = updateRequest(editing, values, customFields);
      if (Object.keys(request).length === 1) {
        onClose();
        return;
      }
      update.mutate({ id: editing.id, body: request }, { onSuccess: onSaved, onError });
      return;
    }
    const target = customerId ?? values.customerId;
    if (!target) return;
    create.mutate(createRequest(target, values, customFields), { onSuccess: onSaved, onError });
  };

  const reload = () => {
    if (!conflict) return;
    void queryClient.invalidateQueries({ queryKey: contactKeys.all });
    setEditing(conflict);
    setConflict(null);
    form.resetFields();
    form.setFieldsValue(contactToFormValues(conflict, customFields));
  };

  const half = { xs: 24, md: 12 } as const;
  return (
    <Form<ContactFormValues>
      form={form}
      name="contact_form"
      layout="vertical"
      initialValues={initialValues}
      onFinish={submit}
      scrollToFirstError
      requiredMark
    >
      <div ref={topRef} />
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          role="alert"
          data-testid="conflict-alert"
          style={{ marginBottom: 16 }}
          title={t('contact.conflictTitle')}
          description={t('contact.conflictText')}
          action={
            <Button type="primary" size="small" onClick={reload} data-testid="conflict-reload">
              {t('customer.conflictReload')}
            </Button>
          }
        />
      ) : null}
      <FormErrorsAlert message={failure} details={details} labelFor={label} />
      <Row gutter={16}>
        {!editing && !customerId ? (
          <Col xs={24}>
            <Form.Item name="customerId" label={label('customerId')} rules={[rules.requiredChoice]}>
              <CustomerPicker />
            </Form.Item>
          </Col>
        ) : null}
        <Col {...half}>
          <Form.Item name="name" label={label('name')} rules={[rules.required, rules.max(limit('name'))]}>
            <Input maxLength={limit('name')} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="title" label={label('title')} rules={[rules.max(limit('title'))]}>
            <Input maxLength={limit('title')} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="department" label={label('department')} rules={[rules.max(limit('department'))]}>
            <Input maxLength={limit('department')} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="mobile" label={label('mobile')} rules={[rules.mobile]}>
            <Input type="tel" inputMode="tel" maxLength={limit('mobile')} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="phone" label={label('phone')} rules={[rules.phone]}>
            <Input type="tel" inputMode="tel" maxLength={limit('phone')} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="email" label={label('email')} rules={[rules.email]}>
            <Input inputMode="email" maxLength={limit('email')} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="wechat" label={label('wechat')} rules={[rules.max(limit('wechat'))]}>
            <Input maxLength={limit('wechat')} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="birthday" label={label('birthday')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="isPrimary" valuePropName="checked">
            <Checkbox>{label('isPrimary')}</Checkbox>
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="notes" label={label('notes')} rules={[rules.max(limit('notes'))]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={limit('notes')} showCount />
          </Form.Item>
        </Col>
      </Row>
      <CustomFieldItems fields={customFields} />
      <DrawerFooter>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={create.isPending || update.isPending} data-testid="contact-save">
          {t('common.save')}
        </Button>
      </DrawerFooter>
    </Form>
  );
}
