import { Skeleton, Table } from 'antd';
import type { StageHistoryEntry } from '@crm/contracts';
import { useI18n } from '../../../app/i18n/i18n-context';
import { formatDateTime } from '../../../shared/format/format';
import { QueryErrorResult } from '../../../shared/layout/results';
import { useStageHistory } from '../api';
import { formatHours, stageName } from './deal-format';

/** When the deal entered and left each stage, and how long it stayed. */
export function StageHistory({ opportunityId }: { opportunityId: number }) {
  const { t, locale } = useI18n();
  const history = useStageHistory(opportunityId);
  if (history.isPending) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (history.isError) return <QueryErrorResult error={history.error} onRetry={() => void history.refetch()} />;
  return (
    <Table<StageHistoryEntry>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={history.data}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('opp.historyEmpty') }}
      columns={[
        { key: 'stage', title: t('opp.f.stage'), render: (_v, e) => stageName({ nameZh: e.stageNameZh, nameEn: e.stageNameEn }, locale) },
        { key: 'entered', title: t('opp.entered'), render: (_v, e) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.enteredAt)}</span> },
        {
          key: 'left',
          title: t('opp.left'),
          render: (_v, e) => <span style={{ whiteSpace: 'nowrap' }}>{e.leftAt ? formatDateTime(e.leftAt) : t('opp.stillHere')}</span>,
        },
        { key: 'hours', title: t('opp.timeInStage'), align: 'right', render: (_v, e) => formatHours(e.hours, t) },
        { key: 'by', title: t('opp.movedBy'), render: (_v, e) => e.enteredByName ?? t('history.system') },
      ]}
      data-testid="stage-history"
    />
  );
}
