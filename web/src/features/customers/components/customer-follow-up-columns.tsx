import type { Customer } from '@crm/contracts';
import type { ColumnType } from 'antd/es/table';
import type { ReactNode } from 'react';
import type { Translate } from '../../../app/i18n/translate';
import { formatDateTime } from '../../../shared/format/format';
import { sortOrder } from '../../../shared/layout/list-table';
import { LastFollowUp, NextFollowUp } from './customer-follow-up';

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
