import { Alert, Card, Empty, Segmented, Skeleton } from 'antd';
import { emailStatuses, type EmailStatus } from '@crm/contracts';
import { useState } from 'react';
import { useT } from '../../../app/i18n/i18n-context';
import { QueryErrorResult } from '../../../shared/layout/results';
import { useOutbox } from '../api';
import { OutboxTable } from './outbox-table';

type Filter = EmailStatus | 'all';

/** 发件箱: every email with its status (settings.edit); failed ones can be sent again. */
export function OutboxCard() {
  const t = useT();
  const [filter, setFilter] = useState<Filter>('all');
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const outbox = useOutbox({ ...page, ...(filter === 'all' ? {} : { status: filter }) });
  const counts = outbox.data?.counts;
  const label = (f: Filter) => (f === 'all' ? t('email.outbox.all') : `${t(`email.outbox.status.${f}`)}${counts ? ` (${counts[f]})` : ''}`);

  let body;
  if (outbox.isPending) body = <Skeleton active paragraph={{ rows: 4 }} />;
  else if (outbox.isError) body = <QueryErrorResult error={outbox.error} onRetry={() => void outbox.refetch()} />;
  else if (outbox.data.total === 0) body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('email.outbox.empty')} data-testid="outbox-empty" />;
  else body = <OutboxTable list={outbox.data} loading={outbox.isFetching} onPage={(p, s) => setPage({ page: p, pageSize: s })} />;

  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('email.outbox.title')}</h2>} style={{ marginTop: 16 }} data-testid="outbox">
      {counts && counts.failed > 0 ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title={t('email.outbox.failedHint')} /> : null}
      <div style={{ overflowX: 'auto', marginBottom: 12 }}>
        <Segmented<Filter>
          value={filter}
          onChange={(value) => {
            setFilter(value);
            setPage((p) => ({ ...p, page: 1 }));
          }}
          options={(['all', ...emailStatuses] as Filter[]).map((f) => ({ value: f, label: <span data-testid={`outbox-filter-${f}`}>{label(f)}</span> }))}
          aria-label={t('email.outbox.state')}
        />
      </div>
      {body}
    </Card>
  );
}
