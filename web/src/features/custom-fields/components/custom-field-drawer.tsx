import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Flex, Form, Input, Select, Switch, Typography } from 'antd';
import { customFieldCreate, customFieldOption, maxLengthOf } from '@crm/contracts';
import { useState } from 'react';
import { useT } from '../../../app/i18n/i18n-context';
import type { ApiErrorDetail } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/api/error-message';
import { FormErrorsAlert } from '../../../shared/form/form-errors-alert';
import { useFormRules } from '../../../shared/form/rules';
import { applyServerErrors } from '../../../shared/form/server-errors';
import { useFocusOnOpen } from '../../../shared/hooks/use-focus-on-open';
import { useIsMobile } from '../../../shared/hooks/use-is-mobile';
import { DrawerFooter, useDrawerPadding } from '../../../shared/layout/drawer-footer';
import {
  customFieldTypes,
  useCreateCustomField,
  useUpdateCustomField,
  type CustomField,
  type CustomFieldEntity,
  type CustomFieldOption,
  type CustomFieldType,
} from '../api';

interface FieldFormValues {
  key: string;
  type: CustomFieldType;
  labelZh: string;
  labelEn: string;
  required: boolean;
  options: CustomFieldOption[];
}

const selectTypes: CustomFieldType[] = ['single_select', 'multi_select'];
const limit = (field: string) => maxLengthOf(customFieldCreate, field);
const optionLimit = (field: string) => maxLengthOf(customFieldOption, field);

/** Create or edit one custom field: key and type are fixed once created. */
export function CustomFieldDrawer({
  open,
  entity,
  field,
  onClose,
}: {
  open: boolean;
  entity: CustomFieldEntity;
  field?: CustomField;
  onClose: () => void;
}) {
  const t = useT();
  const isMobile = useIsMobile();
  const padding = useDrawerPadding();
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={field ? t('customField.editTitle') : t('customField.createTitle')}
      size={isMobile ? '100%' : 560}
      destroyOnHidden
      styles={{ body: { padding } }}
      data-testid="custom-field-drawer"
    >
      {open ? <FieldForm entity={entity} field={field} onClose={onClose} /> : null}
    </Drawer>
  );
}

function FieldForm({ entity, field, onClose }: { entity: CustomFieldEntity; field?: CustomField; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const rules = useFormRules();
  const isMobile = useIsMobile();
  const [form] = Form.useForm<FieldFormValues>();
  useFocusOnOpen(form, field ? 'labelZh' : 'key');
  const create = useCreateCustomField();
  const update = useUpdateCustomField();
  const [failure, setFailure] = useState<string | null>(null);
  const [details, setDetails] = useState<ApiErrorDetail[]>([]);
  const type = Form.useWatch('type', form) ?? field?.type ?? 'text';

  const initialValues: FieldFormValues = field
    ? {
        key: field.key,
        type: field.type,
        labelZh: field.labelZh,
        labelEn: field.labelEn,
        required: field.required,
        options: field.options,
      }
    : { key: '', type: 'text', labelZh: '', labelEn: '', required: false, options: [] };

  const onError = (error: unknown) => {
    setDetails(applyServerErrors(form, error));
    setFailure(errorMessage(error, t));
  };

  const submit = (values: FieldFormValues) => {
    setFailure(null);
    setDetails([]);
    const options = selectTypes.includes(values.type)
      ? (values.options ?? []).map((o) => ({
          value: o.value.trim(),
          labelZh: o.labelZh.trim(),
          labelEn: (o.labelEn ?? '').trim() || o.labelZh.trim(),
        }))
      : [];
    const common = {
      labelZh: values.labelZh.trim(),
      labelEn: values.labelEn.trim(),
      required: values.required,
      options,
    };
    const done = (saved: CustomField) => {
      void message.success(t('customField.saved', { name: saved.labelZh }));
      onClose();
    };
    if (field) {
      update.mutate({ id: field.id, body: { ...common, version: field.version } }, { onSuccess: done, onError });
    } else {
      create.mutate({ ...common, entity, key: values.key.trim(), type: values.type }, { onSuccess: done, onError });
    }
  };

  const typeOptions = customFieldTypes.map((value) => ({ value, label: t(`customField.type.${value}`) }));

  return (
    <Form<FieldFormValues> form={form} name="custom_field_form" layout="vertical" initialValues={initialValues} onFinish={submit}>
      <FormErrorsAlert message={failure} details={details} labelFor={(path) => path} />
      <Form.Item
        name="key"
        label={t('customField.f.key')}
        extra={t('customField.keyHint')}
        rules={[
          rules.required,
          { pattern: /^[a-z][a-z0-9_]{0,39}$/, message: t('customField.keyInvalid') },
        ]}
      >
        <Input disabled={Boolean(field)} maxLength={limit('key')} autoComplete="off" data-testid="custom-field-key" />
      </Form.Item>
      <Form.Item name="type" label={t('customField.f.type')} rules={[rules.requiredChoice]}>
        <Select options={typeOptions} disabled={Boolean(field)} data-testid="custom-field-type" />
      </Form.Item>
      <Form.Item name="labelZh" label={t('customField.f.labelZh')} rules={[rules.required, rules.max(limit('labelZh'))]}>
        <Input maxLength={limit('labelZh')} data-testid="custom-field-label-zh" />
      </Form.Item>
      <Form.Item name="labelEn" label={t('customField.f.labelEn')} rules={[rules.required, rules.max(limit('labelEn'))]}>
        <Input maxLength={limit('labelEn')} data-testid="custom-field-label-en" />
      </Form.Item>
      <Form.Item name="required" label={t('customField.f.required')} valuePropName="checked">
        <Switch data-testid="custom-field-required" />
      </Form.Item>
      {selectTypes.includes(type) ? (
        <>
          <Typography.Text strong>{t('customField.f.options')}</Typography.Text>
          <Form.List
            name="options"
            rules={[
              {
                validator: async (_rule, value: unknown) => {
                  if (!Array.isArray(value) || value.length === 0) throw new Error(t('customField.optionsRequired'));
                },
              },
            ]}
          >
            {(items, { add, remove }, { errors }) => (
              <Flex vertical gap={4} style={{ marginTop: 8 }} data-testid="custom-field-options">
                {items.map((item) => (
                  <Flex key={item.key} gap={8} align="start" wrap={isMobile}>
                    <Form.Item
                      name={[item.name, 'value']}
                      rules={[rules.required, rules.max(optionLimit('value'))]}
                      style={{ flex: 1, minWidth: 90, marginBottom: 8 }}
                    >
                      <Input placeholder={t('customField.f.optionValue')} aria-label={t('customField.f.optionValue')} maxLength={optionLimit('value')} />
                    </Form.Item>
                    <Form.Item
                      name={[item.name, 'labelZh']}
                      rules={[rules.required, rules.max(optionLimit('labelZh'))]}
                      style={{ flex: 1, minWidth: 90, marginBottom: 8 }}
                    >
                      <Input placeholder={t('customField.f.labelZh')} aria-label={t('customField.f.labelZh')} maxLength={optionLimit('labelZh')} />
                    </Form.Item>
                    <Form.Item name={[item.name, 'labelEn']} rules={[rules.max(optionLimit('labelEn'))]} style={{ flex: 1, minWidth: 90, marginBottom: 8 }}>
                      <Input placeholder={t('customField.f.labelEn')} aria-label={t('customField.f.labelEn')} maxLength={optionLimit('labelEn')} />
                    </Form.Item>
                    <Button
                      icon={<DeleteOutlined />}
                      aria-label={t('common.delete')}
                      onClick={() => remove(item.name)}
                    />
                  </Flex>
                ))}
                <Form.ErrorList errors={errors} />
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ value: '', labelZh: '', labelEn: '' })}
                  data-testid="custom-field-option-add"
                >
                  {t('customField.addOption')}
                </Button>
              </Flex>
            )}
          </Form.List>
        </>
      ) : null}
      <DrawerFooter>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={create.isPending || update.isPending} data-testid="custom-field-save">
          {t('common.save')}
        </Button>
      </DrawerFooter>
    </Form>
  );
}
