import { Button, Flex, Select } from 'antd';
import { useT } from '../../../app/i18n/i18n-context';
import { useIsMobile } from '../../../shared/hooks/use-is-mobile';
import { SearchBox } from '../../../shared/layout/search-box';
import { useRegionOptions } from '../../../shared/region/region-data';
import { useEnumOptions } from '../../customers/components/customer-enums';
import type { CustomerListParams } from '../../customers/components/customer-list-params';

interface PoolFiltersProps {
  view: CustomerListParams;
  onChange: (patch: Partial<CustomerListParams>) => void;
  onClear: () => void;
}

/** The pool's search and filters: those of the customer list, less the owner (there is none). */
export function PoolFilters({ view, onChange, onClear }: PoolFiltersProps) {
  const t = useT();
  const isMobile = useIsMobile();
  const statusOptions = useEnumOptions('status');
  const categoryOptions = useEnumOptions('category');
  const kindOptions = useEnumOptions('kind');
  const regions = useRegionOptions();
  const width = isMobile ? '100%' : 160;
  const active = Boolean(view.q || view.status.length > 0 || view.category || view.kind || view.province);

  return (
    <Flex gap={8} wrap align="center" vertical={isMobile} style={{ marginBottom: 16 }}>
      <SearchBox
        value={view.q}
        onSearch={(q) => onChange({ q })}
        placeholder={t('customer.searchPlaceholder')}
        width={isMobile ? '100%' : 260}
      />
      <Select
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        placeholder={t('customer.f.status')}
        aria-label={t('customer.f.status')}
        options={statusOptions}
        value={view.status}
        onChange={(status) => onChange({ status })}
        style={{ width: isMobile ? '100%' : 220 }}
        data-testid="pool-filter-status"
      />
      <Select
        allowClear
        placeholder={t('customer.f.category')}
        aria-label={t('customer.f.category')}
        options={categoryOptions}
        value={view.category}
        onChange={(category) => onChange({ category })}
        style={{ width }}
      />
      <Select
        allowClear
        placeholder={t('customer.f.kind')}
        aria-label={t('customer.f.kind')}
        options={kindOptions}
        value={view.kind}
        onChange={(kind) => onChange({ kind })}
        style={{ width }}
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('customer.f.province')}
        aria-label={t('customer.f.province')}
        loading={regions.isPending}
        options={(regions.data ?? []).map((r) => ({ value: r.value, label: r.label }))}
        value={view.province}
        onChange={(province) => onChange({ province })}
        style={{ width }}
      />
      {active ? (
        <Button type="link" onClick={onClear}>
          {t('common.clearFilters')}
        </Button>
      ) : null}
    </Flex>
  );
}
