import { Button, List, Skeleton } from 'antd';
import type { WorkReportKind, WorkReportListItem } from '@crm/contracts';
import { useT } from '../../../app/i18n/i18n-context';
import { useIsMobile } from '../../../shared/hooks/use-is-mobile';
import { ListEmpty } from '../../../shared/layout/list-empty';
import { QueryErrorResult } from '../../../shared/layout/results';
import { usePermissions } from '../../auth';
import { useReports } from '../api';
import { ReportListItem } from './report-list-item';
import { activeFilterCount, reportListQuery, reportPageSize, type ReportFilters } from './report-model';

interface ReportListProps {
  filters: ReportFilters;
  onPage: (page: number) => void;
  onClear: () => void;
  onWrite: (kind: WorkReportKind) => void;
}

/** My reports, or my team's: latest period first, twenty a page; empty and loading states. */
export function ReportList({ filters, onPage, onClear, onWrite }: ReportListProps) {
  const t = useT();
  const isMobile = useIsMobile();
  const { me, can } = usePermissions();
  const query = useReports(reportListQuery(filters, me?.user.id ?? null));

  if (query.isPending) return <Skeleton active paragraph={{ rows: 6 }} data-testid="reports-loading" />;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.items.length === 0) {
    const mine = filters.tab === 'mine';
    return (
      <ListEmpty
        filtered={activeFilterCount(filters) > 0}
        filteredText={t('report.emptyFiltered')}
        onClear={onClear}
        title={t(mine ? 'report.emptyMine' : 'report.emptyTeam')}
        text={t(mine ? 'report.emptyMineText' : 'report.emptyTeamText')}
        testId="reports-empty"
      >
        {mine && can('reports.create') ? <Button type="primary" onClick={() => onWrite('daily')}>{t('report.write.daily')}</Button> : null}
      </ListEmpty>
    );
  }
  return (
    <List<WorkReportListItem>
      dataSource={query.data.items}
      rowKey="id"
      loading={query.isFetching && query.isPlaceholderData}
      data-testid="report-list"
      pagination={
        query.data.total > reportPageSize
          ? { current: filters.page, pageSize: reportPageSize, total: query.data.total, onChange: onPage, showSizeChanger: false, simple: isMobile, align: 'center' }
          : false
      }
      renderItem={(report) => (
        <List.Item>
          <ReportListItem report={report} showAuthor={filters.tab === 'team'} />
        </List.Item>
      )}
    />
  );
}
