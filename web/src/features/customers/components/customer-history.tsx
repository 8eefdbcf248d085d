import {
  AuditOutlined,
  CheckCircleOutlined,
  CloseCircleOutlined,
  DeleteOutlined,
  DisconnectOutlined,
  EditOutlined,
  ExportOutlined,
  ImportOutlined,
  MergeCellsOutlined,
  MergeOutlined,
  MessageOutlined,
  PaperClipOutlined,
  PlusCircleOutlined,
  RollbackOutlined,
  SwapOutlined,
  UndoOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import { Button, Empty, Flex, Select, Skeleton, Tag, Timeline, Typography } from 'antd';
import type { FieldChange, HistoryAction, HistoryEntry } from '@crm/contracts';
import { useMemo, useState, type ReactNode } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context';
import { isMessageKey } from '../../../app/i18n/translate';
import { formatDateTime, fromNow } from '../../../shared/format/format';
import { useIsMobile } from '../../../shared/hooks/use-is-mobile';
import { QueryErrorResult } from '../../../shared/layout/results';
import { ContractChanges } from '../../contracts';
import { useUserOptions } from '../../users';
import { useCustomerHistory } from '../api';
import { contactFieldKinds, customerFieldKinds, fieldLabel, formatFieldValue } from './customer-fields';
import { useCustomerLists } from './customer-lists';

const actionStyle: Record<HistoryAction, { color: string; icon: ReactNode }> = {
  create: { color: 'green', icon: <PlusCircleOutlined /> },
  update: { color: 'blue', icon: <EditOutlined /> },
  delete: { color: 'red', icon: <DeleteOutlined /> },
  restore: { color: 'gray', icon: <UndoOutlined /> },
  assign: { color: 'purple', icon: <SwapOutlined /> },
  claim: { color: 'cyan', icon: <UserAddOutlined /> },
  release: { color: 'orange', icon: <ExportOutlined /> },
  pool_return: { color: 'orange', icon: <RollbackOutlined /> },
  merge: { color: 'magenta', icon: <MergeCellsOutlined /> },
  merged: { color: 'magenta', icon: <MergeOutlined /> },
  import: { color: 'geekblue', icon: <ImportOutlined /> },
  follow_up: { color: 'lime', icon: <MessageOutlined /> },
  confirm: { color: 'green', icon: <CheckCircleOutlined /> },
  attach: { color: 'gold', icon: <PaperClipOutlined /> },
  detach: { color: 'volcano', icon: <DisconnectOutlined /> },
  convert: { color: 'green', icon: <SwapOutlined /> },
  disqualify: { color: 'gray', icon: <DeleteOutlined /> },
  stage_change: { color: 'blue', icon: <RollbackOutlined /> },
  won: { color: 'green', icon: <CheckCircleOutlined /> },
  lost: { color: 'red', icon: <DisconnectOutlined /> },
  reopen: { color: 'orange', icon: <UndoOutlined /> },
  status_change: { color: 'blue', icon: <SwapOutlined /> },
  approval_submit: { color: 'gold', icon: <AuditOutlined /> },
  approval_approve: { color: 'green', icon: <CheckCircleOutlined /> },
  approval_reject: { color: 'red', icon: <CloseCircleOutlined /> },
  approval_withdraw: { color: 'gray', icon: <UndoOutlined /> },
};

/** The timeline's filter: kinds of event, each a set of actions (sent as `actions=`). */
const actionGroups = {
  changes: ['create', 'update', 'delete', 'restore', 'confirm'],
  ownership: ['assign', 'claim', 'release', 'pool_return'],
  follow_up: ['follow_up'],
  files: ['attach', 'detach'],
  sales: ['convert', 'disqualify', 'stage_change', 'won', 'lost', 'reopen', 'status_change', 'approval_submit', 'approval_approve', 'approval_reject', 'approval_withdraw'],
  merges: ['merge', 'merged', 'import'],
} as const satisfies Record<string, readonly HistoryAction[]>;
type ActionGroup = keyof typeof actionGroups;
const groupKeys = Object.keys(actionGroups) as ActionGroup[];

function ChangeLine({
  entity,
  change,
  owners,
  showOld,
}: {
  entity: 'customer' | 'contact';
  change: FieldChange;
  owners: ReadonlyMap<number, string>;
  showOld: boolean;
}) {
  const { t, locale } = useI18n();
  const kinds = entity === 'customer' ? customerFieldKinds : contactFieldKinds;
  const kind = kinds[change.field];
  const timelineKey = `timeline.field.${change.field}`;
  // A follow-up's kind (call, visit…) is not the customer's kind (organisation, person).
  const activityKey = `activity.kind.${String(change.new)}`;
  const followUpKind = change.field === 'kind' && isMessageKey(activityKey);
  const label = followUpKind ? t('timeline.field.followUpKind') : isMessageKey(timelineKey) ? t(timelineKey) : fieldLabel(t, entity, change.field);
  const reasonKey = `timeline.reason.${String(change.new)}`;
  const lists = useCustomerLists();
  // Industry and source are keys of the managed lists: shown by their labels.
  const listLabel = entity === 'customer' && change.field === 'industry' ? lists.industryLabel : entity === 'customer' && change.field === 'source' ? lists.sourceLabel : null;
  const show = (value: unknown) =>
    listLabel && typeof value === 'string' && value !== '' ? listLabel(value) : formatFieldValue(kind, value, t, locale, owners);
  let now = show(change.new);
  // Event details the field catalogue does not know: a rule's reason code, when it happened.
  if (change.field === 'reason' && isMessageKey(reasonKey)) now = t(reasonKey);
  if (change.field === 'at' && typeof change.new === 'string') now = formatDateTime(change.new);
  if (followUpKind) now = t(activityKey);
  return (
    <li>
      <Typography.Text strong>{label}</Typography.Text>
      {': '}
      {showOld ? (
        <>
          <Typography.Text delete type="secondary">
            {show(change.old)}
          </Typography.Text>
          {' → '}
        </>
      ) : null}
      <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{now}</Typography.Text>
    </li>
  );
}

/** An entry's details: field changes as old → new; for events (a note, a reason), just the value. */
function EntryDetails({ entry, owners }: { entry: HistoryEntry; owners: ReadonlyMap<number, string> }) {
  const entity = entry.entityType === 'contact' ? 'contact' : 'customer';
  const changes = entry.changes.filter((c) => c.new !== undefined || c.old !== undefined);
  if (changes.length === 0 || entry.action === 'create' || entry.action === 'delete' || entry.action === 'restore') return null;
  // A contract's changes read in the contract's words (its statuses, money, dates).
  if (entry.entityType === 'contract') return <ContractChanges changes={changes} showOld />;
  return (
    <ul style={{ margin: '4px 0 0', paddingInlineStart: 18, overflowWrap: 'anywhere' }}>
      {changes.map((change) => (
        <ChangeLine
          key={change.field}
          entity={entity}
          change={change}
          owners={owners}
          showOld={(change.old !== null && change.old !== undefined) || entry.action === 'update' || change.field === 'ownerId'}
        />
      ))}
    </ul>
  );
}

/**
 * The customer's timeline: everything that happened to it and its contacts (changes, owner moves,
 * follow-ups, files, merges, imports), newest first, filterable by kind.
 */
export function CustomerHistory({ customerId }: { customerId: number }) {
  const { t } = useI18n();
  const isMobile = useIsMobile();
  const [groups, setGroups] = useState<ActionGroup[]>([]);
  const actions = useMemo(() => groups.flatMap((g) => actionGroups[g]), [groups]);
  const history = useCustomerHistory(customerId, actions);
  const userOptions = useUserOptions().options;
  const owners = useMemo(() => new Map(userOptions.map((o) => [o.value, o.label])), [userOptions]);

  const filter = (
    <Select<ActionGroup[]>
      mode="multiple"
      allowClear
      maxTagCount="responsive"
      placeholder={t('timeline.filterAll')}
      aria-label={t('timeline.filter')}
      value={groups}
      onChange={setGroups}
      options={groupKeys.map((key) => ({ value: key, label: t(`timeline.group.${key}`) }))}
      style={{ width: isMobile ? '100%' : 320 }}
      data-testid="timeline-filter"
    />
  );

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
            items={items.map((entry) => {
              const target =
                entry.entityType === 'contact'
                  ? t('history.entity.contact', { name: entry.label ?? '' })
                  : entry.entityType === 'contract'
                    ? t('history.entity.contract', { name: entry.label ?? '' })
                  : entry.entityType === 'quote'
                    ? t('history.entity.quote', { name: entry.label ?? '' })
                    : t('history.entity.customer');
              const style = actionStyle[entry.action];
              return {
                key: entry.id,
                color: style.color,
                icon: style.icon,
                content: (
                  <div data-testid="history-entry" data-action={entry.action}>
                    <Flex wrap gap={6} align="baseline">
                      <Typography.Text strong>{entry.actorName ?? t('history.system')}</Typography.Text>
                      <Tag color={style.color} style={{ marginInlineEnd: 0 }}>
                        {t(`history.action.${entry.action}`)}
                      </Tag>
                      <span>{target}</span>
                      <Typography.Text type="secondary" title={formatDateTime(entry.at)} style={{ fontSize: 12 }}>
                        {formatDateTime(entry.at)} · {fromNow(entry.at)}
                      </Typography.Text>
                    </Flex>
                    <EntryDetails entry={entry} owners={owners} />
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
        </>
      );
  }

  return (
    <Flex vertical gap={12} data-testid="customer-history">
      {filter}
      {body}
    </Flex>
  );
}
