import { Card, List, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../../app/i18n/i18n-context';
import { formatDateTime } from '../../../shared/format/format';
import { useCustomerMerges } from '../api';

/** The merges this customer took part in (as survivor or as merged record); nothing when none. */
export function CustomerMerges({ customerId }: { customerId: number }) {
  const t = useT();
  const query = useCustomerMerges(customerId);
  const items = query.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Card size="small" title={t('merge.historyTitle')} data-testid="customer-merges">
      <List
        size="small"
        dataSource={items}
        renderItem={(m) => (
          <List.Item>
            <Typography.Text>
              {t('merge.historyLine', { merged: `${m.mergedName} (${m.mergedArchiveNo})` })}
              <Link to={`/customers/${m.survivorId}`}>
                {m.survivorName} ({m.survivorArchiveNo})
              </Link>
              <Typography.Text type="secondary">
                {' · '}
                {m.actorName ?? ''} {formatDateTime(m.at)}
              </Typography.Text>
            </Typography.Text>
          </List.Item>
        )}
      />
    </Card>
  );
}
