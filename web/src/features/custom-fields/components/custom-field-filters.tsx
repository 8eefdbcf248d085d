import { FilterOutlined } from '@ant-design/icons';
import { Badge, Button, DatePicker, Flex, Input, InputNumber, Popover, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../../app/i18n/i18n-context';
import { useUserOptions } from '../../users';
import { useActiveCustomFields, type CustomField, type CustomFieldEntity } from '../api';
import { customFieldLabel, optionLabel } from './custom-field-values';

/** The `cf_` parameters of a URL: custom-field filters, passed to the list API as they are. */
export function customFilterEntries(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of params) if (/^cf_[a-z][a-z0-9_]*$/.test(key) && value !== '') out[key] = value;
  return out;
}

/** Copies the `cf_` parameters of `from` into `to` (a list page rebuilding its URL keeps them). */
export function keepCustomFilters(from: URLSearchParams, to: URLSearchParams): URLSearchParams {
  for (const [key, value] of Object.entries(customFilterEntries(from))) to.set(key, value);
  return to;
}

type Patch = Record<string, string | undefined>;

function FilterInput({ field, values, onChange }: { field: CustomField; values: Record<string, string>; onChange: (patch: Patch) => void }) {
  const { t, locale } = useI18n();
  const users = useUserOptions();
  const key = `cf_${field.key}`;
  const value = values[key];
  const from = values[`${key}_from`];
  const to = values[`${key}_to`];
  const options = field.options.map((o) => ({ value: o.value, label: optionLabel(o, locale) }));
  // Money is stored in fen; the user types yuan.
  const scale = field.type === 'money' ? 100 : 1;
  const num = (v: string | undefined) => (v === undefined || v === '' || Number.isNaN(Number(v)) ? null : Number(v) / scale);
  const numText = (v: number | null) => (v === null ? undefined : String(Math.round(v * scale)));
  switch (field.type) {
    case 'text':
      return (
        <Input.Search
          allowClear
          defaultValue={value}
          onSearch={(text) => onChange({ [key]: text.trim() || undefined })}
          aria-label={customFieldLabel(field, locale)}
        />
      );
    case 'number':
    case 'money':
      return (
        <Flex gap={4}>
          <InputNumber<number>
            placeholder={t('customField.filterFrom')}
            value={num(from)}
            onChange={(v) => onChange({ [`${key}_from`]: numText(v) })}
            style={{ flex: 1 }}
          />
          <InputNumber<number>
            placeholder={t('customField.filterTo')}
            value={num(to)}
            onChange={(v) => onChange({ [`${key}_to`]: numText(v) })}
            style={{ flex: 1 }}
          />
        </Flex>
      );
    case 'date':
      return (
        <DatePicker.RangePicker
          style={{ width: '100%' }}
          value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
          allowEmpty={[true, true]}
          onChange={(range) =>
            onChange({
              [`${key}_from`]: range?.[0]?.format('YYYY-MM-DD'),
              [`${key}_to`]: range?.[1]?.format('YYYY-MM-DD'),
            })
          }
        />
      );
    case 'single_select':
    case 'multi_select':
      return <Select allowClear options={options} value={value} onChange={(v?: string) => onChange({ [key]: v })} style={{ width: '100%' }} />;
    case 'user':
      return (
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={users.options.map((o) => ({ value: String(o.value), label: o.label }))}
          value={value}
          onChange={(v?: string) => onChange({ [key]: v })}
          style={{ width: '100%' }}
        />
      );
    case 'boolean':
      return (
        <Select
          allowClear
          options={[
            { value: 'true', label: t('common.yes') },
            { value: 'false', label: t('common.no') },
          ]}
          value={value}
          onChange={(v?: string) => onChange({ [key]: v })}
          style={{ width: '100%' }}
        />
      );
  }
}

/** A "custom fields" filter button: one filter per active custom field, kept as `cf_` URL parameters. */
export function CustomFieldFilters({
  entity,
  params,
  onChange,
}: {
  entity: CustomFieldEntity;
  params: URLSearchParams;
  /** Sets (or with undefined removes) `cf_` parameters; the page goes back to its first page. */
  onChange: (patch: Patch) => void;
}) {
  const { t, locale } = useI18n();
  const fields = useActiveCustomFields(entity);
  if (fields.length === 0) return null;
  const values = customFilterEntries(params);
  const active = Object.keys(values).length;
  const content = (
    <Flex vertical gap={10} style={{ width: 300, maxHeight: 460, overflow: 'auto' }} data-testid="custom-filters">
      {fields.map((field) => (
        <Flex key={field.key} vertical gap={4}>
          <Typography.Text>{customFieldLabel(field, locale)}</Typography.Text>
          <FilterInput field={field} values={values} onChange={onChange} />
        </Flex>
      ))}
      {active > 0 ? (
        <Button
          type="link"
          style={{ alignSelf: 'flex-start', paddingInline: 0 }}
          onClick={() => onChange(Object.fromEntries(Object.keys(values).map((k) => [k, undefined])))}
        >
          {t('common.clearFilters')}
        </Button>
      ) : null}
    </Flex>
  );
  return (
    <Popover content={content} title={t('customField.filters')} trigger="click" placement="bottomLeft">
      <Badge count={active} size="small">
        <Button icon={<FilterOutlined />} data-testid="custom-filters-open">
          {t('customField.filters')}
        </Button>
      </Badge>
    </Popover>
  );
}
