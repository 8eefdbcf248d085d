import { SwapOutlined, UserAddOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Popconfirm, Skeleton } from 'antd';
import type { Lead } from '@crm/contracts';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useT } from '../../../app/i18n/i18n-context';
import { errorMessage } from '../../../shared/api/error-message';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { useIsMobile } from '../../../shared/hooks/use-is-mobile';
import { ListEmpty } from '../../../shared/layout/list-empty';
import { PageHeader } from '../../../shared/layout/page-header';
import { QueryErrorResult } from '../../../shared/layout/results';
import { testId } from '../../../shared/test-id';
import { usePermissions } from '../../auth';
import { useClaimLead, useLeadList } from '../api';
import { AssignModal } from '../components/assign-modal';
import { LeadBulkBar } from '../components/lead-bulk-bar';
import { LeadFilters } from '../components/lead-filters';
import { hasLeadFilters, LEAD_POOL, parseLeadParams, toLeadApiQuery, toLeadSearchParams, type LeadListParams } from '../components/lead-list-params';
import { LeadTable } from '../components/lead-table';

function PoolActions({ lead, onAssign }: { lead: Lead; onAssign: (lead: Lead) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const claim = useClaimLead();
  return (
    <Flex gap={8} wrap>
      {lead.can.claim ? (
        <Popconfirm
          title={t('lead.claimConfirm', { name: lead.name })}
          okText={t('lead.claim')}
          cancelText={t('common.cancel')}
          okButtonProps={testId('lead-claim-confirm')}
          onConfirm={() =>
            claim.mutateAsync(lead.id).then(
              () => void message.success(t('lead.claimed', { name: lead.name })),
              (error: unknown) => void message.error({ content: errorMessage(error, t), duration: 6 }),
            )
          }
        >
          <Button size="small" type="primary" ghost icon={<UserAddOutlined />} loading={claim.isPending} data-testid="lead-pool-claim">
            {t('lead.claim')}
          </Button>
        </Popconfirm>
      ) : null}
      {lead.can.assign ? (
        <Button size="small" icon={<SwapOutlined />} onClick={() => onAssign(lead)} data-testid="lead-pool-assign">
          {t('lead.assign')}
        </Button>
      ) : null}
    </Flex>
  );
}

/** 线索池: leads nobody owns yet (no assignment rule matched, or released), to claim or assign. */
export function LeadPoolPage() {
  const t = useT();
  useDocumentTitle(t('lead.poolTitle'));
  const isMobile = useIsMobile();
  const { can } = usePermissions();
  const [params, setParams] = useSearchParams();
  const view: LeadListParams = { ...parseLeadParams(params), ownerId: LEAD_POOL };
  const list = useLeadList(toLeadApiQuery(view));
  const [selected, setSelected] = useState<number[]>([]);
  const [assigning, setAssigning] = useState<Lead | null>(null);
  const mayAct = can('leads.claim') || can('leads.assign');

  const update = (patch: Partial<LeadListParams>) => {
    const paging = 'page' in patch || 'pageSize' in patch;
    const next = toLeadSearchParams({ ...view, ...(paging ? {} : { page: 1 }), ...patch });
    next.delete('ownerId');
    setParams(next);
    setSelected([]);
  };
  const clear = () => {
    setParams(toLeadSearchParams({ ...parseLeadParams(new URLSearchParams()), pageSize: view.pageSize }));
    setSelected([]);
  };

  let body;
  if (list.isPending) body = <Skeleton active paragraph={{ rows: 8 }} />;
  else if (list.isError) body = <QueryErrorResult error={list.error} onRetry={() => void list.refetch()} />;
  else if (list.data.items.length === 0 && list.data.total === 0)
    body = (
      <ListEmpty filtered={hasLeadFilters(view, true)} filteredText={t('lead.emptyFiltered')} onClear={clear} title={t('lead.poolEmptyTitle')} text={t('lead.poolEmptyText')} testId="lead-pool-empty">
        <Link to="/leads">
          <Button>{t('lead.toLeads')}</Button>
        </Link>
      </ListEmpty>
    );
  else
    body = (
      <>
        {isMobile ? null : <LeadBulkBar selectedIds={selected} onClear={() => setSelected([])} claim />}
        <LeadTable
          view={view}
          items={list.data.items}
          total={list.data.total}
          totalCapped={list.data.totalCapped}
          loading={list.isFetching}
          onChange={update}
          hideOwner
          {...(mayAct ? { selectedIds: selected, onSelect: setSelected, actions: (lead: Lead) => <PoolActions lead={lead} onAssign={setAssigning} /> } : {})}
        />
      </>
    );

  return (
    <>
      <PageHeader title={t('lead.poolTitle')} subTitle={t('lead.poolSubtitle')} />
      <Card styles={{ body: { padding: isMobile ? 12 : 24 } }}>
        <LeadFilters view={view} onChange={update} onClear={clear} hideOwner />
        {body}
      </Card>
      <AssignModal
        open={assigning !== null}
        leadIds={assigning ? [assigning.id] : []}
        name={assigning?.name}
        onClose={() => setAssigning(null)}
      />
    </>
  );
}
