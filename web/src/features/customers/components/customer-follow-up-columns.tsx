import { Tag } from 'antd';
import type { Customer } from '@crm/contracts';
import type { ColumnType } from 'antd/es/table';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import type { Translate } from '../../../app/i18n/translate';
import { formatDate, formatDateTime, fromNow } from '../../../shared/format/format';
import { sortOrder } from '../../../shared/layout/list-table';

/** Today in the browser (YYYY-MM-DD): what "overdue" and "today" mean on screen. */
const today = () => dayjs().format('YYYY-MM-DD');

/** A customer's next follow-up day, marked when it is today or overdue. */
export function NextFollowUp({ on, t }: { on: string | null; t: Translate }) {
  if (!on) return null;
  const now = today();
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {formatDate(on)}{' '}
      {on < now ? <Tag color="error">{t('customer.nextOverdue')}</Tag> : on === now ? <Tag color="warning">{t('customer.nextToday')}</Tag> : null}
    </span>
  );
}

/** When a customer was last followed up: how long ago (the time on hover), or never. */
export function LastFollowUp({ at, t }: { at: string | null; t: Translate }) {
  if (!at) return <span style={{ color: 'var(--ant-color-text-secondary)' }}>{t('customer.followUpNever')}</span>;
  return (
    <span title={formatDateTime(at)} style={{ whiteSpace: 'nowrap' }}>
      {fromNow(at)}
    </span>
  );
}

/** The sortable date columns of the customer table: last and next follow-up, created. */
export function followUpColumns(t: Translate, sort: string, nextCell?: (c: Customer) => ReactNode): ColumnType<Customer>[] {
  const sortable = (key: string) => ({ key, sorter: true, sortOrder: sortOrder(sort, key) });
  return [
    { ...sortable('lastFollowUpAt'), title: t('customer.f.lastFollowUpAt'), render: (_v, c) => <LastFollowUp at={c.lastFollowUpAt} t={t} /> },
    { ...sortable('nextFollowUpOn'), title: t('customer.f.nextFollowUpOn'), render: (_v, c) => (nextCell ? nextCell(c) : <NextFollowUp on={c.nextFollowUpOn} t={t} />) },
    {
      ...sortable('createdAt'),
      title: t('customer.f.createdAt'),
      render: (_v, c) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(c.createdAt)}</span>,
    },
  ];
}
