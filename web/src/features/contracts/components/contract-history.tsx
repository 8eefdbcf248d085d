import { Empty, Flex, Skeleton, Tag, Timeline, Typography } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-context';
import { formatDateTime, fromNow } from '../../../shared/format/format';
import { QueryErrorResult } from '../../../shared/layout/results';
import { useContractHistory } from '../api';
import { ContractChanges } from './contract-changes';

const colors: Record<string, string> = { create: 'green', update: 'blue', status_change: 'purple', delete: 'red', restore: 'gray', attach: 'gold', detach: 'volcano' };

/** A contract's history: created, changed, moved, its files; newest first. */
export function ContractHistory({ contractId }: { contractId: number }) {
  const { t } = useI18n();
  const history = useContractHistory(contractId);
  if (history.isPending) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (history.isError) return <QueryErrorResult error={history.error} onRetry={() => void history.refetch()} />;
  if (history.data.items.length === 0) return <Empty description={t('history.empty')} />;
  return (
    <Timeline
      items={history.data.items.map((entry) => ({
        key: entry.id,
        color: colors[entry.action] ?? 'blue',
        content: (
          <div data-testid="contract-history-entry" data-action={entry.action}>
            <Flex wrap gap={6} align="baseline">
              <Typography.Text strong>{entry.actorName ?? t('history.system')}</Typography.Text>
              <Tag color={colors[entry.action] ?? 'blue'} style={{ marginInlineEnd: 0 }}>
                {t(`history.action.${entry.action}`)}
              </Tag>
              <Typography.Text type="secondary" title={formatDateTime(entry.at)} style={{ fontSize: 12 }}>
                {formatDateTime(entry.at)} · {fromNow(entry.at)}
              </Typography.Text>
            </Flex>
            <ContractChanges changes={entry.changes} showOld={entry.action !== 'create'} />
          </div>
        ),
      }))}
    />
  );
}
