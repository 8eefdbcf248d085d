import { FilterOutlined } from '@ant-design/icons';
import { Badge, Button, Flex, Select } from 'antd';
import { useState, type ReactNode } from 'react';
import { useT } from '../../../app/i18n/i18n-context';
import { useIsMobile } from '../../../shared/hooks/use-is-mobile';
import { SearchBox } from '../../../shared/layout/search-box';
import { useRegionOptions } from '../../../shared/region/region-data';
import { useUserOptions } from '../../users';
import { useEnumOptions } from './customer-enums';
import type { CustomerListParams } from './customer-list-params';
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
  const isMobile = useIsMobile();
  const [expanded, setExpanded] = useState(false);
  const statusOptions = useEnumOptions('status');
  const categoryOptions = useEnumOptions('category');
  const kindOptions = useEnumOptions('kind');
  const owners = useUserOptions();
  const regions = useRegionOptions();
  const width = isMobile ? '100%' : 170;

  const activeCount =
    (view.status.length > 0 ? 1 : 0) +
    [view.category, view.kind, hideOwner ? undefined : view.ownerId, view.province].filter(Boolean).length;

  const selects = (
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
      {extra}
      {activeCount > 0 || view.q ? (
        <Button type="link" onClick={onClear} data-testid="filter-clear">
          {t('common.clearFilters')}
        </Button>
      ) : null}
    </>
  );

  if (isMobile) {
    return (
      <Flex vertical gap={8} style={{ marginBottom: 12 }}>
        <Flex gap={8}>
          <div style={{ flex: 1, minWidth: 0 }}>
            <SearchBox
              value={view.q}
              onSearch={(q) => onChange({ q })}
              placeholder={t('customer.searchPlaceholder')}
              width="100%"
            />
          </div>
          <Badge count={activeCount} size="small">
            <Button
              icon={<FilterOutlined />}
              onClick={() => setExpanded((v) => !v)}
              aria-expanded={expanded}
              aria-label={t('common.filters')}
              data-testid="filter-toggle"
            />
          </Badge>
        </Flex>
        {expanded ? (
          <Flex vertical gap={8}>
            {selects}
          </Flex>
        ) : null}
      </Flex>
    );
  }

  return (
    <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
      <SearchBox value={view.q} onSearch={(q) => onChange({ q })} placeholder={t('customer.searchPlaceholder')} />
      {selects}
    </Flex>
  );
}
