import { Select } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../../app/i18n/i18n-context';
import { useIsMobile } from '../../../shared/hooks/use-is-mobile';
import { FilterBar } from '../../../shared/layout/filter-bar';
import { useRegionOptions } from '../../../shared/region/region-data';
import { useUserOptions } from '../../users';
import { useEnumOptions } from '../../../shared/enums/customer-enums';
import { useCustomerLists } from './customer-lists';
import { activeFilterCount, type CustomerListParams } from './customer-list-params';
import { PUBLIC_POOL } from './customer-form-model';

interface CustomerFiltersProps {
  view: CustomerListParams;
  onChange: (patch: Partial<CustomerListParams>) => void;
  onClear: () => void;
  /** More filter controls (the custom-field filters). */
  extra?: ReactNode;
  /** Leave out the owner filter (the public pool, where there is none). */
  hideOwner?: boolean;
}

export function CustomerFilters({ view, onChange, onClear, extra, hideOwner = false }: CustomerFiltersProps) {
  const t = useT();
  const activeCount = activeFilterCount(view, hideOwner);

  return (
    <FilterBar q={view.q} onSearch={(q) => onChange({ q })} placeholder={t('customer.searchPlaceholder')} activeCount={activeCount} onClear={onClear}>
      <FilterSelects view={view} onChange={onChange} hideOwner={hideOwner} />
      {extra}
    </FilterBar>
  );
}

/**
 * The filter controls. Their choices (users, regions, industries, sources) are fetched when they
 * show: on a phone, once the filters are opened, not with the list's first page.
 */
export function FilterSelects({ view, onChange, hideOwner }: Pick<CustomerFiltersProps, 'view' | 'onChange'> & { hideOwner: boolean }) {
  const t = useT();
  const isMobile = useIsMobile();
  const statusOptions = useEnumOptions('status');
  const categoryOptions = useEnumOptions('category');
  const kindOptions = useEnumOptions('kind');
  const owners = useUserOptions();
  const regions = useRegionOptions();
  const lists = useCustomerLists();
  const width = isMobile ? '100%' : 170;

  return (
    <>
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
        data-testid="filter-status"
      />
      <Select
        allowClear
        placeholder={t('customer.f.category')}
        aria-label={t('customer.f.category')}
        options={categoryOptions}
        value={view.category}
        onChange={(category) => onChange({ category })}
        style={{ width }}
        data-testid="filter-category"
      />
      <Select
        allowClear
        placeholder={t('customer.f.kind')}
        aria-label={t('customer.f.kind')}
        options={kindOptions}
        value={view.kind}
        onChange={(kind) => onChange({ kind })}
        style={{ width }}
        data-testid="filter-kind"
      />
      {hideOwner ? null : (
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('customer.anyOwner')}
          aria-label={t('customer.anyOwner')}
          loading={owners.loading}
          options={[
            { value: PUBLIC_POOL, label: t('customer.publicPool') },
            ...owners.options.map((o) => ({ value: String(o.value), label: o.label })),
          ]}
          value={view.ownerId}
          onChange={(ownerId) => onChange({ ownerId })}
          style={{ width }}
          data-testid="filter-owner"
        />
      )}
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
        data-testid="filter-province"
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('customer.f.industry')}
        aria-label={t('customer.f.industry')}
        loading={lists.loading}
        options={lists.industryOptions(view.industry)}
        value={view.industry}
        onChange={(industry) => onChange({ industry })}
        style={{ width }}
        data-testid="filter-industry"
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('customer.f.source')}
        aria-label={t('customer.f.source')}
        loading={lists.loading}
        options={lists.sourceOptions(view.source)}
        value={view.source}
        onChange={(source) => onChange({ source })}
        style={{ width }}
        data-testid="filter-source"
      />
    </>
  );
}
