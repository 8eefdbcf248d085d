import { Flex, Tag, Typography } from 'antd';
import type { HistoryEntry } from '@crm/contracts';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../app/i18n/i18n-context';
import type { MessageKey } from '../../../app/i18n/translate';
import { formatDateTime, fromNow } from '../../../shared/format/format';
import { HistoryDetails } from './history-details';
import { actionStyle } from './history-style';

/** What an entry is about, by its kind of record, and where that record opens (its own page). */
const targets: Partial<Record<HistoryEntry['entityType'], { key: MessageKey; path?: string }>> = {
  contact: { key: 'history.entity.contact' },
  opportunity: { key: 'history.entity.opportunity', path: '/opportunities' },
  lead: { key: 'history.entity.lead', path: '/leads' },
  contract: { key: 'history.entity.contract', path: '/contracts' },
  quote: { key: 'history.entity.quote', path: '/quotes' },
};

function Target({ entry }: { entry: HistoryEntry }) {
  const { t } = useI18n();
  const target = targets[entry.entityType];
  // The customer's own entries, and its files (on the customer, named in the details).
  if (!target) return <span>{t('history.entity.customer')}</span>;
  const text = t(target.key, { name: entry.label ?? '' });
  return target.path && entry.action !== 'delete' ? <Link to={`${target.path}/${entry.entityId}`}>{text}</Link> : <span>{text}</span>;
}

/** One event of the customer's timeline: who, did what, to what, when; then its details. */
export function HistoryEntryContent({ entry, owners }: { entry: HistoryEntry; owners: ReadonlyMap<number, string> }) {
  const { t } = useI18n();
  const style = actionStyle[entry.action];
  return (
    <div data-testid="history-entry" data-action={entry.action} data-entity={entry.entityType}>
      <Flex wrap gap={6} align="baseline">
        <Typography.Text strong>{entry.actorName ?? t('history.system')}</Typography.Text>
        <Tag color={style.color} style={{ marginInlineEnd: 0 }}>
          {t(`history.action.${entry.action}`)}
        </Tag>
        <Target entry={entry} />
        <Typography.Text type="secondary" title={formatDateTime(entry.at)} style={{ fontSize: 12 }}>
          {formatDateTime(entry.at)} · {fromNow(entry.at)}
        </Typography.Text>
      </Flex>
      <HistoryDetails entry={entry} owners={owners} />
    </div>
  );
}
