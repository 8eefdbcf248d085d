import {
  CheckCircleOutlined,
  DeleteOutlined,
  EditOutlined,
  ExportOutlined,
  ImportOutlined,
  PlusCircleOutlined,
  StopOutlined,
  SwapOutlined,
  UndoOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import { Button, Empty, Flex, Skeleton, Tag, Timeline, Typography } from 'antd';
import type { FieldChange, HistoryAction, HistoryEntry } from '@crm/contracts';
import { useMemo, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../app/i18n/i18n-context';
import { isMessageKey, type Translate } from '../../../app/i18n/translate';
import { formatDateTime, formatMoney, fromNow } from '../../../shared/format/format';
import { QueryErrorResult } from '../../../shared/layout/results';
import { useUserOptions } from '../../users';
import { useLeadHistory } from '../api';
import { useSourceLabels } from './lead-bits';

const actionStyle: Partial<Record<HistoryAction, { color: string; icon: ReactNode }>> = {
  create: { color: 'green', icon: <PlusCircleOutlined /> },
  import: { color: 'geekblue', icon: <ImportOutlined /> },
  update: { color: 'blue', icon: <EditOutlined /> },
  delete: { color: 'red', icon: <DeleteOutlined /> },
  restore: { color: 'gray', icon: <UndoOutlined /> },
  assign: { color: 'purple', icon: <SwapOutlined /> },
  claim: { color: 'cyan', icon: <UserAddOutlined /> },
  release: { color: 'orange', icon: <ExportOutlined /> },
  convert: { color: 'green', icon: <CheckCircleOutlined /> },
  disqualify: { color: 'gray', icon: <StopOutlined /> },
};

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

/** A recorded value in words: statuses, owners, sources, MAN answers and money by their meaning. */
function formatValue(
  field: string,
  value: unknown,
  t: Translate,
  locale: 'zh-CN' | 'en',
  owners: ReadonlyMap<number, string>,
  sourceLabel: (key: string) => string,
): string {
  if (isEmpty(value)) return t('common.none');
  if (field.startsWith('man') && typeof value === 'boolean') return value ? t('man.yes') : t('man.no');
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (field === 'ownerId' && typeof value === 'number') return owners.get(value) ?? `#${value}`;
  if (field === 'annualIncome' && typeof value === 'number') return formatMoney(value, 'CNY', locale);
  if (field === 'source' && typeof value === 'string') return sourceLabel(value);
  if ((field === 'customerId' || field === 'contactId' || field === 'opportunityId' || field === 'referrerCustomerId') && typeof value === 'number') return `#${value}`;
  const enumKey = field === 'status' ? `lead.status.${String(value)}` : field === 'gender' ? `gender.${String(value)}` : field === 'creditStanding' ? `credit.${String(value)}` : field === 'kind' ? `kind.${String(value)}` : '';
  if (enumKey && isMessageKey(enumKey)) return t(enumKey);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return formatDateTime(value);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The records a conversion made are recorded by id: they open from the timeline. */
function linkOf(field: string, id: number): string | null {
  if (field === 'customerId' || field === 'referrerCustomerId') return `/customers/${id}`;
  if (field === 'opportunityId') return `/opportunities/${id}`;
  return null;
}

function fieldName(field: string, t: Translate): string {
  const keys = [`lead.f.${field}`, `timeline.field.${field}`];
  for (const key of keys) if (isMessageKey(key)) return t(key);
  return field;
}

/** A lead's history entry as old → new lines (also on its customer's timeline: the conversion). */
export function LeadChanges({ entry, owners }: { entry: HistoryEntry; owners: ReadonlyMap<number, string> }) {
  const { t, locale } = useI18n();
  const sources = useSourceLabels();
  const changes = entry.changes.filter((c: FieldChange) => c.new !== undefined || c.old !== undefined);
  if (changes.length === 0 || entry.action === 'delete' || entry.action === 'restore') return null;
  const format = (field: string, value: unknown) => formatValue(field, value, t, locale, owners, sources.label);
  return (
    <ul style={{ margin: '4px 0 0', paddingInlineStart: 18, overflowWrap: 'anywhere' }}>
      {changes.map((change) => (
        <li key={change.field}>
          <Typography.Text strong>{fieldName(change.field, t)}</Typography.Text>
          {': '}
          {!isEmpty(change.old) || entry.action === 'update' ? (
            <>
              <Typography.Text delete type="secondary">
                {format(change.field, change.old)}
              </Typography.Text>
              {' → '}
            </>
          ) : null}
          {typeof change.new === 'number' && linkOf(change.field, change.new) ? (
            <Link to={linkOf(change.field, change.new) ?? ''}>{format(change.field, change.new)}</Link>
          ) : (
            <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{format(change.field, change.new)}</Typography.Text>
          )}
        </li>
      ))}
    </ul>
  );
}

/** What happened to the lead, newest first: creation, edits, owner moves, qualification, conversion. */
export function LeadHistory({ leadId }: { leadId: number }) {
  const { t } = useI18n();
  const history = useLeadHistory(leadId);
  const userOptions = useUserOptions().options;
  const owners = useMemo(() => new Map(userOptions.map((o) => [o.value, o.label])), [userOptions]);

  if (history.isPending) return <Skeleton active paragraph={{ rows: 5 }} />;
  if (history.isError) return <QueryErrorResult error={history.error} onRetry={() => void history.refetch()} />;
  const items = history.data.pages.flatMap((page) => page.items);
  if (items.length === 0) return <Empty description={t('history.empty')} />;
  return (
    <Flex vertical gap={8} data-testid="lead-history">
      <Timeline
        items={items.map((entry) => {
          const style = actionStyle[entry.action] ?? { color: 'blue', icon: <EditOutlined /> };
          const actionKey = `lead.history.${entry.action}`;
          return {
            key: entry.id,
            color: style.color,
            icon: style.icon,
            content: (
              <div data-testid="history-entry" data-action={entry.action}>
                <Flex wrap gap={6} align="baseline">
                  <Typography.Text strong>{entry.actorName ?? t('history.system')}</Typography.Text>
                  <Tag color={style.color} style={{ marginInlineEnd: 0 }}>
                    {isMessageKey(actionKey) ? t(actionKey) : t(`history.action.${entry.action}`)}
                  </Tag>
                  <Typography.Text type="secondary" title={formatDateTime(entry.at)} style={{ fontSize: 12 }}>
                    {formatDateTime(entry.at)} · {fromNow(entry.at)}
                  </Typography.Text>
                </Flex>
                <LeadChanges entry={entry} owners={owners} />
              </div>
            ),
          };
        })}
      />
      {history.hasNextPage ? (
        <Button onClick={() => void history.fetchNextPage()} loading={history.isFetchingNextPage} style={{ alignSelf: 'flex-start' }}>
          {t('common.loadMore')}
        </Button>
      ) : null}
    </Flex>
  );
}
