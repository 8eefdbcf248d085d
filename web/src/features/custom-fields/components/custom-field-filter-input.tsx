import { DatePicker, Flex, Input, InputNumber, Select } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../../app/i18n/i18n-context';
import { useUserOptions } from '../../users';
import type { CustomField } from '../api';
import { customFieldLabel, optionLabel } from './custom-field-values';

export type Patch = Record<string, string | undefined>;

/** The filter of one custom field (number and date ranges, choices, text). */
export function FilterInput({ field, values, onChange }: { field: CustomField; values: Record<string, string>; onChange: (patch: Patch) => void }) {
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
