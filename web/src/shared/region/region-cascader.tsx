import { Cascader } from 'antd';
import { useT } from '../../app/i18n/i18n-context';
import { useRegionOptions, type RegionOption } from './region-data';

interface RegionCascaderProps {
  value?: string[];
  onChange?: (value: string[]) => void;
  id?: string;
  disabled?: boolean;
}

function filterRegion(input: string, path: RegionOption[]): boolean {
  return path.some((option) => option.label.includes(input.trim()));
}

/** Province / city / district picker; any level may be the last one chosen. */
export function RegionCascader({ value, onChange, id, disabled }: RegionCascaderProps) {
  const t = useT();
  const regions = useRegionOptions();
  return (
    <Cascader<RegionOption>
      id={id}
      value={value}
      options={regions.data ?? []}
      loading={regions.isPending}
      disabled={disabled}
      changeOnSelect
      allowClear
      showSearch={{ filter: filterRegion }}
      placeholder={t('customer.regionPlaceholder')}
      onChange={(next) => onChange?.((next ?? []).map(String))}
      style={{ width: '100%' }}
    />
  );
}
