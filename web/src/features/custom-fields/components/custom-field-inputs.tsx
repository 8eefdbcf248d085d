import { Col, DatePicker, Divider, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import type { FormRule } from 'antd';
import { customTextMax } from '@crm/contracts';
import { useI18n } from '../../../app/i18n/i18n-context';
import { useFormRules } from '../../../shared/form/rules';
import { useUserOptions } from '../../users';
import type { CustomField } from '../api';
import { customFieldLabel, optionLabel } from './custom-field-values';

const half = { xs: 24, md: 12 } as const;

function yuanFormatter(value: string | number | undefined): string {
  if (value === undefined || value === '') return '';
  const [integer = '', fraction] = String(value).split('.');
  const grouped = integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

function yuanParser(value: string | undefined): number {
  const number = Number((value ?? '').replace(/[¥,\s]/g, ''));
  return Number.isNaN(number) ? 0 : number;
}

/** The input that suits one custom field's type. */
export function CustomFieldInput({ field, disabled }: { field: CustomField; disabled?: boolean }) {
  const { locale } = useI18n();
  const users = useUserOptions();
  const options = field.options.map((o) => ({ value: o.value, label: optionLabel(o, locale) }));
  const testId = `custom-${field.key}`;
  switch (field.type) {
    case 'text':
      return <Input maxLength={customTextMax} disabled={disabled} data-testid={testId} />;
    case 'number':
      return <InputNumber<number> style={{ width: '100%' }} disabled={disabled} data-testid={testId} />;
    case 'money':
      return (
        <InputNumber<number>
          prefix="¥"
          min={0}
          precision={2}
          formatter={yuanFormatter}
          parser={yuanParser}
          style={{ width: '100%' }}
          disabled={disabled}
          data-testid={testId}
        />
      );
    case 'date':
      return <DatePicker style={{ width: '100%' }} disabled={disabled} data-testid={testId} />;
    case 'single_select':
      return <Select allowClear options={options} disabled={disabled} data-testid={testId} />;
    case 'multi_select':
      return <Select mode="multiple" allowClear options={options} disabled={disabled} data-testid={testId} />;
    case 'user':
      return (
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          loading={users.loading}
          options={users.options}
          disabled={disabled}
          data-testid={testId}
        />
      );
    case 'boolean':
      return <Switch disabled={disabled} data-testid={testId} />;
  }
}

/**
 * The custom fields of a form, under the form name `custom` (so that the server's `custom.<key>`
 * errors land on the right field). Nothing is rendered when the entity has no active field.
 */
export function CustomFieldItems({ fields, title }: { fields: CustomField[]; title?: string }) {
  const { t, locale } = useI18n();
  const rules = useFormRules();
  if (fields.length === 0) return null;
  return (
    <>
      <Divider titlePlacement="start">{title ?? t('customField.sectionTitle')}</Divider>
      <Row gutter={16} data-testid="custom-field-items">
        {fields.map((field) => {
          const required: FormRule[] = field.required
            ? [field.type === 'text' ? rules.required : rules.requiredChoice]
            : [];
          return (
            <Col key={field.key} {...(field.type === 'multi_select' ? { xs: 24 } : half)}>
              <Form.Item
                name={['custom', field.key]}
                label={customFieldLabel(field, locale)}
                rules={field.type === 'text' ? [...required, rules.max(customTextMax)] : required}
                valuePropName={field.type === 'boolean' ? 'checked' : 'value'}
              >
                <CustomFieldInput field={field} />
              </Form.Item>
            </Col>
          );
        })}
      </Row>
    </>
  );
}
