import { Button, DatePicker, Flex, Select } from 'antd';
import { workReportKinds, type WorkReportKind } from '@crm/contracts';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../../app/i18n/i18n-context';
import { useUserOptions } from '../../users';
import { activeFilterCount, type ReportFilters } from './report-model';

interface ReportFilterBarProps {
  filters: ReportFilters;
  onChange: (patch: Partial<ReportFilters>) => void;
  onClear: () => void;
}

const day = (d: Dayjs | null | undefined): string | null => (d ? d.format('YYYY-MM-DD') : null);

/** Kind, author (on the team tab) and the days the periods overlap; all kept in the address. */
export function ReportFilterBar({ filters, onChange, onClear }: ReportFilterBarProps) {
  const t = useT();
  const users = useUserOptions();
  return (
    <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
      <Select<WorkReportKind>
        allowClear
        value={filters.kind ?? undefined}
        onChange={(kind) => onChange({ kind: kind ?? null })}
        options={workReportKinds.map((k) => ({ value: k, label: t(`report.kind.${k}`) }))}
        placeholder={t('report.allKinds')}
        aria-label={t('report.f.kind')}
        style={{ width: 170 }}
        data-testid="report-kind-filter"
      />
      {filters.tab === 'team' ? (
        <Select<number>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={filters.authorId ?? undefined}
          onChange={(id) => onChange({ authorId: id ?? null })}
          options={users.options}
          placeholder={t('report.allAuthors')}
          aria-label={t('report.f.author')}
          style={{ width: 180, maxWidth: '100%' }}
          data-testid="report-author-filter"
        />
      ) : null}
      <DatePicker.RangePicker
        value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
        onChange={(range) => onChange({ from: day(range?.[0]), to: day(range?.[1]) })}
        allowEmpty={[true, true]}
        aria-label={t('report.f.dates')}
        style={{ maxWidth: '100%' }}
        data-testid="report-dates-filter"
      />
      {activeFilterCount(filters) > 0 ? (
        <Button type="link" onClick={onClear} data-testid="report-filters-clear">
          {t('common.clearFilters')}
        </Button>
      ) : null}
    </Flex>
  );
}
