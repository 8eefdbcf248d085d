import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Skeleton } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useT } from '../../../app/i18n/i18n-context';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { useIsMobile } from '../../../shared/hooks/use-is-mobile';
import { ListEmpty } from '../../../shared/layout/list-empty';
import { PageHeader } from '../../../shared/layout/page-header';
import { QueryErrorResult } from '../../../shared/layout/results';
import { usePermissions } from '../../auth';
import { ImportButton } from '../../imports';
import { ListViewBar, useListViewState } from '../../list-views';
import { useLeadList } from '../api';
import { LeadBulkBar } from '../components/lead-bulk-bar';
import { LeadFilters } from '../components/lead-filters';
import { LeadFormDrawer } from '../components/lead-form-drawer';
import { hasLeadFilters, parseLeadParams, toLeadApiQuery, toLeadSearchParams, type LeadListParams } from '../components/lead-list-params';
import { LeadTable } from '../components/lead-table';

/** 线索: every lead the user may see, filtered and sorted in the URL. */
export function LeadListPage() {
  const t = useT();
  useDocumentTitle(t('lead.title'));
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const { can } = usePermissions();
  const [params, setParams] = useSearchParams();
  const view = parseLeadParams(params);
  // Saved views; with an empty URL the list waits for the user's default view.
  const views = useListViewState('leads', params, setParams);
  const list = useLeadList(toLeadApiQuery(view), views.ready);
  const [creating, setCreating] = useState(false);
  const [selectedIds, setSelectedIds] = useState<number[]>([]);

  const update = (patch: Partial<LeadListParams>) => {
    // A new filter starts again from the first page; paging keeps the filters.
    const paging = 'page' in patch || 'pageSize' in patch;
    setSelectedIds([]);
    setParams(toLeadSearchParams({ ...view, ...(paging ? {} : { page: 1 }), ...patch }));
  };
  const clear = () => {
    setSelectedIds([]);
    setParams(toLeadSearchParams({ ...parseLeadParams(new URLSearchParams()), pageSize: view.pageSize, sort: view.sort }));
  };

  const createButton = can('leads.create') ? (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="lead-create">
      {t('lead.create')}
    </Button>
  ) : null;

  let body;
  if (list.isPending) {
    body = <Skeleton active paragraph={{ rows: 8 }} />;
  } else if (list.isError) {
    body = <QueryErrorResult error={list.error} onRetry={() => void list.refetch()} />;
  } else if (list.data.total === 0 && list.data.items.length === 0) {
    body = (
      <ListEmpty filtered={hasLeadFilters(view)} filteredText={t('lead.emptyFiltered')} onClear={clear} title={t('lead.emptyTitle')} text={t('lead.emptyText')} testId="lead-empty">
        {createButton}
        <ImportButton entity="leads" />
      </ListEmpty>
    );
  } else {
    const mayBulk = can('leads.assign');
    body = (
      <>
        {isMobile ? null : <LeadBulkBar selectedIds={selectedIds} onClear={() => setSelectedIds([])} />}
        <LeadTable
          view={view}
          items={list.data.items}
          total={list.data.total}
          totalCapped={list.data.totalCapped}
          loading={list.isFetching}
          onChange={update}
          {...(mayBulk ? { selectedIds, onSelect: setSelectedIds } : {})}
        />
      </>
    );
  }

  return (
    <>
      <PageHeader
        title={t('lead.title')}
        subTitle={t('lead.subtitle')}
        extra={
          <>
            <ImportButton entity="leads" />
            {createButton}
          </>
        }
      />
      <Card styles={{ body: { padding: isMobile ? 12 : 24 } }}>
        <ListViewBar state={views} />
        <LeadFilters view={view} onChange={update} onClear={clear} />
        {body}
      </Card>
      <LeadFormDrawer open={creating} onClose={() => setCreating(false)} onSaved={(lead) => void navigate(`/leads/${lead.id}`)} />
    </>
  );
}
