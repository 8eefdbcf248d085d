import { Button, Empty, Flex, Skeleton, Tag, Timeline, Typography } from 'antd';
import type { FieldChange, HistoryEntry } from '@crm/contracts';
import { useMemo } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context';
import { formatDateTime, fromNow } from '../../../shared/format/format';
import { QueryErrorResult } from '../../../shared/layout/results';
import { useUserOptions } from '../../users';
import { useCustomerHistory } from '../api';
import { contactFieldKinds, customerFieldKinds, fieldLabel, formatFieldValue } from './customer-fields';

const actionColors: Record<HistoryEntry['action'], string> = {
  create: 'green',
  update: 'blue',
  delete: 'red',
  restore: 'gray',
  assign: 'purple',
  claim: 'cyan',
  release: 'orange',
  pool_return: 'orange',
  merge: 'magenta',
  merged: 'magenta',
  import: 'geekblue',
  follow_up: 'lime',
  confirm: 'green',
  attach: 'gold',
  detach: 'volcano',
};

function ChangeLine({
  entity,
  change,
  owners,
}: {
  entity: 'customer' | 'contact';
  change: FieldChange;
  owners: ReadonlyMap<number, string>;
}) {
  const { t, locale } = useI18n();
  const kinds = entity === 'customer' ? customerFieldKinds : contactFieldKinds;
  const kind = kinds[change.field];
  return (
    <li>
      <Typography.Text strong>{fieldLabel(t, entity, change.field)}</Typography.Text>
      {': '}
      <Typography.Text delete type="secondary">
        {formatFieldValue(kind, change.old, t, locale, owners)}
      </Typography.Text>
      {' → '}
      <Typography.Text>{formatFieldValue(kind, change.new, t, locale, owners)}</Typography.Text>
    </li>
  );
}

/** What happened to the customer and its contacts: who, when, which field from what to what. */
export function CustomerHistory({ customerId }: { customerId: number }) {
  const { t } = useI18n();
  const history = useCustomerHistory(customerId);
  const userOptions = useUserOptions().options;
  const owners = useMemo(() => new Map(userOptions.map((o) => [o.value, o.label])), [userOptions]);

  if (history.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (history.isError) return <QueryErrorResult error={history.error} onRetry={() => void history.refetch()} />;
  const items = history.data.pages.flatMap((page) => page.items);
  if (items.length === 0) return <Empty description={t('history.empty')} />;

  return (
    <Flex vertical gap={8} data-testid="customer-history">
      <Timeline
        items={items.map((entry) => {
          const entity = entry.entityType === 'contact' ? 'contact' : 'customer';
          const target =
            entity === 'contact'
              ? t('history.entity.contact', { name: entry.label ?? '' })
              : t('history.entity.customer');
          return {
            key: entry.id,
            color: actionColors[entry.action],
            content: (
              <div data-testid="history-entry">
                <Flex wrap gap={6} align="baseline">
                  <Typography.Text strong>{entry.actorName ?? t('history.system')}</Typography.Text>
                  <Tag color={actionColors[entry.action]} style={{ marginInlineEnd: 0 }}>
                    {t(`history.action.${entry.action}`)}
                  </Tag>
                  <span>{target}</span>
                  <Typography.Text type="secondary" title={formatDateTime(entry.at)} style={{ fontSize: 12 }}>
                    {formatDateTime(entry.at)} · {fromNow(entry.at)}
                  </Typography.Text>
                </Flex>
                {entry.changes.length > 0 && entry.action === 'update' ? (
                  <ul style={{ margin: '4px 0 0', paddingInlineStart: 18, overflowWrap: 'anywhere' }}>
                    {entry.changes.map((change) => (
                      <ChangeLine key={change.field} entity={entity} change={change} owners={owners} />
                    ))}
                  </ul>
                ) : null}
              </div>
            ),
          };
        })}
      />
      {history.hasNextPage ? (
        <Button onClick={() => void history.fetchNextPage()} loading={history.isFetchingNextPage}>
          {t('common.loadMore')}
        </Button>
      ) : null}
    </Flex>
  );
}
