import { App, Checkbox, Col, DatePicker, Form, Input, Row, type FormInstance } from 'antd';
import { maxLengthOf, contactUpdate } from '@crm/contracts';
import type { Contact } from '@crm/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useI18n, useT } from '../../../app/i18n/i18n-context';
import { isMessageKey } from '../../../app/i18n/translate';
import { ConflictAlert } from '../../../shared/form/conflict-alert';
import { DrawerForm, FormDrawer } from '../../../shared/form/form-drawer';
import { useFormRules } from '../../../shared/form/rules';
import { useSaveProblems } from '../../../shared/form/use-save-problems';
import { useFocusOnOpen } from '../../../shared/hooks/use-focus-on-open';
import { contactKeys, useCreateContact, useUpdateContact } from '../api';
import {
  contactToFormValues,
  createRequest,
  updateRequest,
  type ContactFormValues,
} from './contact-form-model';
import { CustomerPicker } from './customer-picker';
import { CustomFieldItems, customFieldLabel, useActiveCustomFields, type CustomField } from '../../custom-fields';

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
  return (
    <FormDrawer<ContactFormValues> open={open} onClose={onClose} title={contact ? t('contact.editTitle') : t('contact.add')} width={560} testId="contact-drawer">
      {(form) => <ContactFormBody form={form} contact={contact} customerId={customerId} onClose={onClose} />}
    </FormDrawer>
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
  const customFields = useActiveCustomFields('contact');
  const queryClient = useQueryClient();
  useFocusOnOpen(form, contact || customerId ? 'name' : 'customerId');
  const [editing, setEditing] = useState<Contact | undefined>(contact);
  const problems = useSaveProblems<Contact, ContactFormValues>(form);
  const { submit, saving } = useContactSave({ editing, customerId, customFields, onClose, problems });
  const label = (path: string) => {
    const field = path.startsWith('custom.') ? customFields.find((f) => `custom.${f.key}` === path) : undefined;
    return field ? customFieldLabel(field, locale) : contactLabel(t, path);
  };

  const initialValues: ContactFormValues = editing
    ? contactToFormValues(editing, customFields)
    : { name: '', isPrimary: false, customerId };

  const reload = () => {
    const conflict = problems.conflict;
    if (!conflict) return;
    void queryClient.invalidateQueries({ queryKey: contactKeys.all });
    setEditing(conflict);
    problems.clear();
    form.resetFields();
    form.setFieldsValue(contactToFormValues(conflict, customFields));
  };

  return (
    <DrawerForm<ContactFormValues>
      form={form}
      name="contact_form"
      initialValues={initialValues}
      onFinish={submit}
      topRef={problems.topRef}
      conflict={
        problems.conflict ? (
          <ConflictAlert onReload={reload} title="contact.conflictTitle" description="contact.conflictText" reloadLabel="customer.conflictReload" />
        ) : null
      }
      errors={{ message: problems.failure, details: problems.details, labelFor: label }}
      saving={saving}
      saveTestId="contact-save"
      onCancel={onClose}
    >
      <ContactFields label={label} pickCustomer={!editing && !customerId} />
      <CustomFieldItems fields={customFields} />
    </DrawerForm>
  );
}

/** The contact's own fields; the customer is asked only when adding a contact from the contact list. */
function ContactFields({ label, pickCustomer }: { label: (path: string) => string; pickCustomer: boolean }) {
  const rules = useFormRules();
  const half = { xs: 24, md: 12 } as const;
  return (
    <Row gutter={16}>
      {pickCustomer ? (
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
  );
}

/** Adds the contact to its customer, or sends what changed (nothing changed: the drawer just closes). */
function useContactSave({
  editing,
  customerId,
  customFields,
  onClose,
  problems,
}: {
  editing: Contact | undefined;
  customerId: number | undefined;
  customFields: CustomField[];
  onClose: () => void;
  problems: { show: (error: unknown) => void; clear: () => void };
}) {
  const t = useT();
  const { message } = App.useApp();
  const create = useCreateContact();
  const update = useUpdateContact();
  const onError = problems.show;
  const onSaved = (saved: Contact) => {
    void message.success(t('contact.saved', { name: saved.name }));
    onClose();
  };

  const submit = (values: ContactFormValues) => {
    problems.clear();
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
  return { submit, saving: create.isPending || update.isPending };
}
