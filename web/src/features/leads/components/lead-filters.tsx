import { DatePicker, Select } from 'antd';
import { manGrades } from '@crm/contracts';
import dayjs from 'dayjs';
import { useT } from '../../../app/i18n/i18n-context';
import { useIsMobile } from '../../../shared/hooks/use-is-mobile';
import { FilterBar } from '../../../shared/layout/filter-bar';
import { useRegionOptions } from '../../../shared/region/region-data';
import { useUserOptions } from '../../users';
import { useSourceLabels, useStatusOptions } from './lead-bits';
import { LEAD_POOL, type LeadListParams } from './lead-list-params';

interface LeadFiltersProps {
  view: LeadListParams;
  onChange: (patch: Partial<LeadListParams>) => void;
  onClear: () => void;
  /** Leave out the owner filter (the lead pool, where there is none). */
  hideOwner?: boolean;
}

/** The lead list's filters; every change goes to the URL through `onChange`. */
export function LeadFilters({ view, onChange, onClear, hideOwner = false }: LeadFiltersProps) {
  const t = useT();
  const isMobile = useIsMobile();
  const statusOptions = useStatusOptions();
  const sources = useSourceLabels();
  const owners = useUserOptions();
  const regions = useRegionOptions();
  const width = isMobile ? '100%' : 170;

  const activeCount =
    (view.status.length > 0 ? 1 : 0) +
    (view.grade.length > 0 ? 1 : 0) +
    (view.createdFrom || view.createdTo ? 1 : 0) +
    [view.source, hideOwner ? undefined : view.ownerId, view.province].filter(Boolean).length;

  const range: [dayjs.Dayjs | null, dayjs.Dayjs | null] | null =
    view.createdFrom || view.createdTo
      ? [view.createdFrom ? dayjs(view.createdFrom) : null, view.createdTo ? dayjs(view.createdTo) : null]
      : null;

  const selects = (
    <>
      <Select
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        placeholder={t('lead.f.status')}
        aria-label={t('lead.f.status')}
        options={statusOptions}
        value={view.status}
        onChange={(status) => onChange({ status })}
        style={{ width: isMobile ? '100%' : 200 }}
        data-testid="lead-filter-status"
      />
      <Select
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        placeholder={t('lead.f.grade')}
        aria-label={t('lead.f.grade')}
        options={manGrades.map((g) => ({ value: g, label: g }))}
        value={view.grade}
        onChange={(grade) => onChange({ grade })}
        style={{ width: isMobile ? '100%' : 190 }}
        data-testid="lead-filter-grade"
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('lead.f.source')}
        aria-label={t('lead.f.source')}
        loading={sources.loading}
        options={sources.items.map((s) => ({ value: s.key, label: sources.label(s.key) }))}
        value={view.source}
        onChange={(source) => onChange({ source })}
        style={{ width }}
        data-testid="lead-filter-source"
      />
      {hideOwner ? null : (
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('lead.anyOwner')}
          aria-label={t('lead.anyOwner')}
          loading={owners.loading}
          options={[
            { value: LEAD_POOL, label: t('lead.pool') },
            ...owners.options.map((o) => ({ value: String(o.value), label: o.label })),
          ]}
          value={view.ownerId}
          onChange={(ownerId) => onChange({ ownerId })}
          style={{ width }}
          data-testid="lead-filter-owner"
        />
      )}
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('lead.f.province')}
        aria-label={t('lead.f.province')}
        loading={regions.isPending}
        options={(regions.data ?? []).map((r) => ({ value: r.value, label: r.label }))}
        value={view.province}
        onChange={(province) => onChange({ province })}
        style={{ width }}
        data-testid="lead-filter-province"
      />
      <DatePicker.RangePicker
        allowEmpty={[true, true]}
        value={range}
        placeholder={[t('lead.createdFrom'), t('lead.createdTo')]}
        aria-label={t('lead.f.createdAt')}
        onChange={(dates) =>
          onChange({
            createdFrom: dates?.[0]?.format('YYYY-MM-DD'),
            createdTo: dates?.[1]?.format('YYYY-MM-DD'),
          })
        }
        style={{ width: isMobile ? '100%' : 250 }}
        data-testid="lead-filter-created"
      />
    </>
  );

  return (
    <FilterBar q={view.q} onSearch={(q) => onChange({ q })} placeholder={t('lead.searchPlaceholder')} activeCount={activeCount} onClear={onClear} testIdPrefix="lead-filter">
      {selects}
    </FilterBar>
  );
}
