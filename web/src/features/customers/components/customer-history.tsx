import { Button, Empty, Flex, Select, Skeleton, Timeline } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context';
import { useIsMobile } from '../../../shared/hooks/use-is-mobile';
import { QueryErrorResult } from '../../../shared/layout/results';
import { useUserOptions } from '../../users';
import { useCustomerHistory } from '../api';
import { HistoryEntryContent } from './history-entry';
import { actionGroups, actionStyle, groupKeys, type ActionGroup } from './history-style';

/**
 * The customer's timeline: everything that happened to it, its contacts, deals, quotes and
 * contracts (changes, owner moves, follow-ups, files, merges, imports), newest first, filterable by kind.
 */
export function CustomerHistory({ customerId }: { customerId: number }) {
  const { t } = useI18n();
  const isMobile = useIsMobile();
  const [groups, setGroups] = useState<ActionGroup[]>([]);
  const actions = useMemo(() => groups.flatMap((g) => actionGroups[g]), [groups]);
  const history = useCustomerHistory(customerId, actions);
  const userOptions = useUserOptions().options;
  const owners = useMemo(() => new Map(userOptions.map((o) => [o.value, o.label])), [userOptions]);

  let body: ReactNode;
  if (history.isPending) body = <Skeleton active paragraph={{ rows: 6 }} />;
  else if (history.isError) body = <QueryErrorResult error={history.error} onRetry={() => void history.refetch()} />;
  else {
    const items = history.data.pages.flatMap((page) => page.items);
    body =
      items.length === 0 ? (
        <Empty description={groups.length > 0 ? t('timeline.emptyFiltered') : t('history.empty')} />
      ) : (
        <>
          <Timeline
            items={items.map((entry) => ({
              key: entry.id,
              color: actionStyle[entry.action].color,
              icon: actionStyle[entry.action].icon,
              content: <HistoryEntryContent entry={entry} owners={owners} />,
            }))}
          />
          {history.hasNextPage ? (
            <Button onClick={() => void history.fetchNextPage()} loading={history.isFetchingNextPage}>
              {t('common.loadMore')}
            </Button>
          ) : null}
        </>
      );
  }

  return (
    <Flex vertical gap={12} data-testid="customer-history">
      <Select<ActionGroup[]>
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        placeholder={t('timeline.filterAll')}
        aria-label={t('timeline.filter')}
        value={groups}
        onChange={setGroups}
        options={groupKeys.map((key) => ({ value: key, label: t(`timeline.group.${key}`) }))}
        style={{ width: isMobile ? '100%' : 320, maxWidth: '100%' }}
        data-testid="timeline-filter"
      />
      {body}
    </Flex>
  );
}
