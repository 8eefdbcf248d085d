import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Skeleton } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useT } from '../../../app/i18n/i18n-context';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { useIsMobile } from '../../../shared/hooks/use-is-mobile';
import { PageHeader } from '../../../shared/layout/page-header';
import { QueryErrorResult } from '../../../shared/layout/results';
import { usePermissions } from '../../auth';
import { useCustomerList } from '../api';
import { CustomerCards } from '../components/customer-cards';
import { CustomerFilters } from '../components/customer-filters';
import { CustomerFormDrawer } from '../components/customer-form-drawer';
import {
  hasFilters,
  parseListParams,
  toApiQuery,
  toSearchParams,
  type CustomerListParams,
} from '../components/customer-list-params';
import { CustomerTable } from '../components/customer-table';

export function CustomerListPage() {
  const t = useT();
  useDocumentTitle(t('customer.title'));
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const { can } = usePermissions();
  const [params, setParams] = useSearchParams();
  const view = parseListParams(params);
  const list = useCustomerList(toApiQuery(view));
  const [creating, setCreating] = useState(false);

  const update = (patch: Partial<CustomerListParams>) => {
    // A new filter starts again from the first page; paging keeps the filters.
    const paging = 'page' in patch || 'pageSize' in patch;
    setParams(toSearchParams({ ...view, ...(paging ? {} : { page: 1 }), ...patch }));
  };
  const clear = () => setParams(toSearchParams({ ...parseListParams(new URLSearchParams()), pageSize: view.pageSize, sort: view.sort }));

  const createButton = can('customers.create') ? (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="customer-create">
      {t('customer.create')}
    </Button>
  ) : null;

  let body;
  if (list.isPending) {
    body = <Skeleton active paragraph={{ rows: 8 }} />;
  } else if (list.isError) {
    body = <QueryErrorResult error={list.error} onRetry={() => void list.refetch()} />;
  } else if (list.data.total === 0 && list.data.items.length === 0) {
    body = hasFilters(view) ? (
      <Empty description={t('customer.emptyFiltered')} data-testid="customer-empty">
        <Button onClick={clear}>{t('common.clearFilters')}</Button>
      </Empty>
    ) : (
      <Empty
        description={
          <div style={{ maxWidth: 460, margin: '0 auto' }}>
            <strong>{t('customer.emptyTitle')}</strong>
            <p style={{ marginTop: 8 }}>{t('customer.emptyText')}</p>
          </div>
        }
        data-testid="customer-empty"
      >
        {createButton}
      </Empty>
    );
  } else {
    const props = {
      view,
      items: list.data.items,
      total: list.data.total,
      loading: list.isFetching,
      onChange: update,
    };
    body = isMobile ? <CustomerCards {...props} /> : <CustomerTable {...props} />;
  }

  return (
    <>
      <PageHeader title={t('customer.title')} extra={createButton} />
      <Card styles={{ body: { padding: isMobile ? 12 : 24 } }}>
        <CustomerFilters view={view} onChange={update} onClear={clear} />
        {body}
      </Card>
      <CustomerFormDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(customer) => void navigate(`/customers/${customer.id}`)}
      />
    </>
  );
}
