import { Checkbox, DatePicker, Flex, InputNumber, Select, TreeSelect } from 'antd';
import type { Pipeline } from '@crm/contracts';
import { opportunityStatuses } from '@crm/contracts';
import { useT } from '../../../app/i18n/i18n-context';
import { dateToIso, isoToDate } from '../../../shared/form/normalize';
import { useIsMobile } from '../../../shared/hooks/use-is-mobile';
import { FilterBar } from '../../../shared/layout/filter-bar';
import { usePermissions } from '../../auth';
import { treeSelectData, useDepartments } from '../../departments';
import { useUserOptions } from '../../users';
import { statusLabels } from './deal-format';
import type { DealParams } from './deal-params';

interface DealFiltersProps {
  view: DealParams;
  pipelines: Pipeline[];
  /** The pipeline shown when the URL names none (the board's default). */
  pipelineId: number | undefined;
  onChange: (patch: Partial<DealParams>) => void;
  onClear: () => void;
}

/** The filters the board and the table share; the table adds the status. */
export function DealFilters({ view, pipelines, pipelineId, onChange, onClear }: DealFiltersProps) {
  const t = useT();
  const isMobile = useIsMobile();
  const { can } = usePermissions();
  const owners = useUserOptions();
  const departments = useDepartments(can('departments.view'));
  const width = isMobile ? '100%' : 170;

  const activeCount = [
    view.ownerId,
    view.departmentId,
    view.closeFrom ?? view.closeTo,
    view.amountMin ?? view.amountMax,
    view.overdue || undefined,
    view.status,
  ].filter((v) => v !== undefined).length;

  const controls = (
    <>
      <Select
        placeholder={t('opp.f.pipeline')}
        aria-label={t('opp.f.pipeline')}
        allowClear={view.view === 'table'}
        options={pipelines.filter((p) => p.active || p.id === pipelineId).map((p) => ({ value: p.id, label: p.name }))}
        value={pipelineId}
        onChange={(next: number | undefined) => onChange({ pipelineId: next })}
        style={{ width }}
        data-testid="filter-pipeline"
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('opp.anyOwner')}
        aria-label={t('opp.anyOwner')}
        loading={owners.loading}
        options={owners.options}
        value={view.ownerId}
        onChange={(ownerId: number | undefined) => onChange({ ownerId })}
        style={{ width }}
        data-testid="filter-owner"
      />
      {can('departments.view') ? (
        <TreeSelect
          allowClear
          treeDefaultExpandAll
          showSearch={{ treeNodeFilterProp: 'title' }}
          placeholder={t('opp.anyDepartment')}
          aria-label={t('opp.anyDepartment')}
          loading={departments.isPending}
          treeData={treeSelectData(departments.data ?? [])}
          value={view.departmentId}
          onChange={(departmentId: number | undefined) => onChange({ departmentId })}
          style={{ width }}
          data-testid="filter-department"
        />
      ) : null}
      <DatePicker.RangePicker
        allowEmpty={[true, true]}
        placeholder={[t('opp.closeFrom'), t('opp.closeTo')]}
        aria-label={t('opp.f.expectedCloseDate')}
        value={[isoToDate(view.closeFrom), isoToDate(view.closeTo)]}
        onChange={(range) =>
          onChange({ closeFrom: dateToIso(range?.[0]) ?? undefined, closeTo: dateToIso(range?.[1]) ?? undefined })
        }
        style={{ width: isMobile ? '100%' : 250 }}
        data-testid="filter-close"
      />
      <Flex gap={4} align="center" style={{ width: isMobile ? '100%' : undefined }}>
        <InputNumber<number>
          min={0}
          precision={2}
          placeholder={t('opp.amountMin')}
          aria-label={t('opp.amountMin')}
          value={view.amountMin ?? null}
          onChange={(value) => onChange({ amountMin: value ?? undefined })}
          style={{ width: isMobile ? '50%' : 120 }}
          data-testid="filter-amount-min"
        />
        <span aria-hidden>–</span>
        <InputNumber<number>
          min={0}
          precision={2}
          placeholder={t('opp.amountMax')}
          aria-label={t('opp.amountMax')}
          value={view.amountMax ?? null}
          onChange={(value) => onChange({ amountMax: value ?? undefined })}
          style={{ width: isMobile ? '50%' : 120 }}
          data-testid="filter-amount-max"
        />
      </Flex>
      {view.view === 'table' ? (
        <Select
          allowClear
          placeholder={t('opp.f.status')}
          aria-label={t('opp.f.status')}
          options={opportunityStatuses.map((s) => ({ value: s, label: t(statusLabels[s]) }))}
          value={view.status}
          onChange={(status) => onChange({ status })}
          style={{ width: isMobile ? '100%' : 120 }}
          data-testid="filter-status"
        />
      ) : null}
      <Checkbox checked={view.overdue} onChange={(event) => onChange({ overdue: event.target.checked })} data-testid="filter-overdue">
        {t('opp.overdueOnly')}
      </Checkbox>
    </>
  );

  return (
    <FilterBar q={view.q} onSearch={(q) => onChange({ q })} placeholder={t('opp.searchPlaceholder')} searchWidth={220} activeCount={activeCount} onClear={onClear}>
      {controls}
    </FilterBar>
  );
}
