import { Alert, App, Button, Drawer, Form, Input, Select, Switch, type FormInstance } from 'antd';
import { type LeadForm, maxLengthOf, leadFormCreate } from '@crm/contracts';
import { useState } from 'react';
import { useT } from '../../../app/i18n/i18n-context';
import { isApiError, type ApiErrorDetail } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/api/error-message';
import { FormErrorsAlert } from '../../../shared/form/form-errors-alert';
import { applyServerErrors, toNamePath, type FieldPath } from '../../../shared/form/server-errors';
import { useFocusOnOpen } from '../../../shared/hooks/use-focus-on-open';
import { useIsMobile } from '../../../shared/hooks/use-is-mobile';
import { DrawerFooter, useDrawerPadding } from '../../../shared/layout/drawer-footer';
import { sourceOptions, useSourceLabels } from '../../leads';
import { useCreateLeadForm, useUpdateLeadForm } from '../api';
import { FieldsEditor, fromFieldRows, toFieldRows, type FieldRow } from './fields-editor';

/** A field's length limit, from the shared schema the server validates with. */
const limit = (field: string) => maxLengthOf(leadFormCreate, field);

interface WebFormValues {
  name: string;
  title?: string | null;
  description?: string | null;
  fields: FieldRow[];
  thankYou: string;
  source: string;
  active: boolean;
}

const labelKeys = {
  name: 'webForm.f.name',
  title: 'webForm.f.title',
  description: 'webForm.f.description',
  fields: 'webForm.f.fields',
  thankYou: 'webForm.f.thankYou',
  source: 'webForm.f.source',
  active: 'webForm.f.active',
} as const;

/** Errors on one field row (`fields.3.label`) go beside the whole field list. */
function formPath(path: string): FieldPath {
  if (path.startsWith('fields')) return ['fields'];
  return toNamePath(path);
}

function toValues(form: LeadForm | undefined, thankYou: string): WebFormValues {
  return {
    name: form?.name ?? '',
    title: form?.title ?? null,
    description: form?.description ?? null,
    fields: toFieldRows(form?.fields),
    thankYou: form?.thankYou ?? thankYou,
    source: form?.source ?? 'web_form',
    active: form?.active ?? true,
  };
}

function WebFormBody({ form, editing, onClose }: { form: FormInstance<WebFormValues>; editing?: LeadForm; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const sources = useSourceLabels();
  const create = useCreateLeadForm();
  const update = useUpdateLeadForm(editing?.id ?? 0);
  const [failure, setFailure] = useState<{ message: string | null; details: ApiErrorDetail[] }>({ message: null, details: [] });
  const [conflict, setConflict] = useState(false);
  useFocusOnOpen(form, 'name');

  const submit = (values: WebFormValues) => {
    setFailure({ message: null, details: [] });
    setConflict(false);
    const body = {
      name: values.name.trim(),
      ...(values.title?.trim() ? { title: values.title.trim() } : {}),
      ...(values.description?.trim() ? { description: values.description.trim() } : {}),
      fields: fromFieldRows(values.fields),
      thankYou: values.thankYou.trim(),
      source: values.source,
      active: values.active,
    };
    const onError = (error: unknown) => {
      if (isApiError(error) && error.code === 'CONFLICT') {
        setConflict(true);
        return;
      }
      const details = applyServerErrors(form, error, formPath);
      setFailure({ message: errorMessage(error, t), details });
    };
    if (editing) {
      update.mutate(
        { ...body, title: values.title?.trim() || null, description: values.description?.trim() || null, version: editing.version },
        {
          onSuccess: (saved) => {
            void message.success(t('webForm.saved', { name: saved.name }));
            onClose();
          },
          onError,
        },
      );
    } else {
      create.mutate(body, {
        onSuccess: (created) => {
          void message.success(t('webForm.created', { name: created.name }));
          onClose();
        },
        onError,
      });
    }
  };

  const labelFor = (path: string) => {
    const key = labelKeys[path.split('.')[0] as keyof typeof labelKeys] as (typeof labelKeys)[keyof typeof labelKeys] | undefined;
    return key ? t(key) : path;
  };

  return (
    <Form<WebFormValues>
      form={form}
      name="web_form"
      layout="vertical"
      initialValues={toValues(editing, t('webForm.defaultThankYou'))}
      onFinish={submit}
      requiredMark
      onFinishFailed={({ errorFields }) => {
        const first = errorFields[0];
        if (first) form.scrollToField(first.name, { block: 'center' });
      }}
    >
      {conflict ? (
        <Alert type="warning" showIcon role="alert" style={{ marginBottom: 16 }} title={t('common.conflictTitle')} description={t('webForm.conflictText')} />
      ) : null}
      <FormErrorsAlert message={failure.message} details={failure.details} labelFor={labelFor} />
      <Form.Item
        name="name"
        label={t('webForm.f.name')}
        extra={t('webForm.nameHint')}
        rules={[
          { required: true, whitespace: true, message: t('common.required') },
          { max: limit('name'), message: t('common.tooLong', { max: limit('name') }) },
        ]}
      >
        <Input maxLength={limit('name')} data-testid="web-form-name" />
      </Form.Item>
      <Form.Item name="title" label={t('webForm.f.title')} extra={t('webForm.titleHint')} rules={[{ max: limit('title'), message: t('common.tooLong', { max: limit('title') }) }]}>
        <Input maxLength={limit('title')} data-testid="web-form-title" />
      </Form.Item>
      <Form.Item name="description" label={t('webForm.f.description')} rules={[{ max: limit('description'), message: t('common.tooLong', { max: limit('description') }) }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={limit('description')} />
      </Form.Item>
      <Form.Item
        name="fields"
        label={t('webForm.f.fields')}
        extra={t('webForm.fieldsHint')}
        rules={[
          {
            validator: async (_rule, rows: FieldRow[] | undefined) => {
              if (!rows?.some((r) => r.included)) throw new Error(t('webForm.fieldsRequired'));
            },
          },
        ]}
      >
        <FieldsEditor />
      </Form.Item>
      <Form.Item
        name="thankYou"
        label={t('webForm.f.thankYou')}
        rules={[
          { required: true, whitespace: true, message: t('common.required') },
          { max: limit('thankYou'), message: t('common.tooLong', { max: limit('thankYou') }) },
        ]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={limit('thankYou')} data-testid="web-form-thank-you" />
      </Form.Item>
      <Form.Item name="source" label={t('webForm.f.source')} extra={t('webForm.sourceHint')} rules={[{ required: true, message: t('common.required') }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={sources.loading}
          options={sourceOptions(sources.items, sources.label, editing?.source)}
          data-testid="web-form-source"
        />
      </Form.Item>
      <Form.Item name="active" label={t('webForm.f.active')} valuePropName="checked" extra={t('webForm.activeHint')}>
        <Switch data-testid="web-form-active" />
      </Form.Item>
      <DrawerFooter>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={create.isPending || update.isPending} data-testid="web-form-save">
          {t('common.save')}
        </Button>
      </DrawerFooter>
    </Form>
  );
}

/** Create or edit a web form (网站表单) in a drawer. */
export function WebFormDrawer({ open, editing, onClose }: { open: boolean; editing?: LeadForm; onClose: () => void }) {
  const t = useT();
  const isMobile = useIsMobile();
  const padding = useDrawerPadding();
  const [form] = Form.useForm<WebFormValues>();
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={editing ? t('webForm.editTitle') : t('webForm.create')}
      size={isMobile ? '100%' : 720}
      destroyOnHidden
      styles={{ body: { padding } }}
      data-testid="web-form-drawer"
    >
      {open ? <WebFormBody form={form} editing={editing} onClose={onClose} /> : null}
    </Drawer>
  );
}
