import { Button, Card, Flex, List, Pagination, Select, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { approvalRequestStatuses, type ApprovalDecisionKind, type ApprovalListQuery, type ApprovalRequest, type ApprovalRequestStatus, type Permission } from '@crm/contracts';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useI18n } from '../../../app/i18n/i18n-context';
import { formatDateTime, formatMoney, fromNow } from '../../../shared/format/format';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { useIsMobile } from '../../../shared/hooks/use-is-mobile';
import { ListEmpty } from '../../../shared/layout/list-empty';
import { PageHeader } from '../../../shared/layout/page-header';
import { QueryErrorResult } from '../../../shared/layout/results';
import { usePermissions } from '../../auth';
import { recordPath, useApprovals } from '../api';
import { ApprovalStatusTag, approverLabel, recordTypeLabel } from '../components/approval-bits';
import { ApprovalSteps } from '../components/approval-steps';
import { DecisionDialog } from '../components/decision-dialog';

type Tab = 'pending' | 'submitted' | 'all';
const pageSizes = [20, 50, 100];

/**
 * 审批: what waits for my decision (oldest first), what I submitted, and (with approvals.view)
 * every request I may see. Each row says which record, whose customer, how much, who submitted
 * it, which step it is at and since when; its approver decides from the row.
 */
export function ApprovalsPage() {
  const { t, locale } = useI18n();
  useDocumentTitle(t('approval.title'));
  const { can } = usePermissions();
  const isMobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const mayAll = can('approvals.view') || can('approvals.admin');
  const tabParam = params.get('tab');
  const tab: Tab = tabParam === 'submitted' ? 'submitted' : tabParam === 'all' && mayAll ? 'all' : 'pending';
  const statusParam = params.get('status');
  const status = tab === 'pending' ? undefined : approvalRequestStatuses.find((s) => s === statusParam);
  const page = Number(params.get('page')) || 1;
  const pageSize = Number(params.get('pageSize')) || 20;
  const [deciding, setDeciding] = useState<{ request: ApprovalRequest; decision: ApprovalDecisionKind } | null>(null);
  const set = (patch: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    if (!('page' in patch)) next.delete('page');
    setParams(next, { replace: true });
  };
  const query: ApprovalListQuery = { mine: tab === 'all' ? undefined : tab, status, page, pageSize };
  const list = useApprovals(query);

  const viewable = (type: string) => can(`${type}s.view` as Permission);
  const columns: ColumnsType<ApprovalRequest> = [
    {
      title: t('approval.f.record'),
      key: 'record',
      render: (_, r) => (
        <Flex vertical gap={2} style={{ minWidth: 160 }}>
          <Flex gap={6} align="center" wrap>
            <Tag style={{ marginInlineEnd: 0 }}>{recordTypeLabel(r.recordType, t)}</Tag>
            {viewable(r.recordType) ? <Link to={recordPath(r.recordType, r.recordId)}>{r.recordNumber}</Link> : <span>{r.recordNumber}</span>}
          </Flex>
          <Typography.Text type="secondary" ellipsis style={{ maxWidth: 240 }}>
            {r.recordTitle}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('approval.f.customer'), key: 'customer', render: (_, r) => r.customerName ?? '—' },
    { title: t('approval.f.amount'), key: 'amount', align: 'right', render: (_, r) => <span data-testid="approval-amount">{formatMoney(r.amount, r.currency, locale)}</span> },
    { title: t('approval.f.submitter'), key: 'submitter', responsive: ['md'], render: (_, r) => r.submittedByName ?? '—' },
    {
      title: t('approval.f.step'),
      key: 'step',
      render: (_, r) => {
        const current = r.steps.find((s) => s.position === r.currentStep);
        if (r.status !== 'pending' || !current) return <ApprovalStatusTag status={r.status} />;
        return (
          <Flex vertical gap={2}>
            <span>{t('approval.stepOf', { step: current.position, total: r.steps.length })}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {approverLabel(current, t)}
            </Typography.Text>
          </Flex>
        );
      },
    },
    {
      title: t('approval.f.waitingSince'),
      key: 'waiting',
      responsive: ['sm'],
      render: (_, r) => (r.waitingSince ? <span title={formatDateTime(r.waitingSince)}>{fromNow(r.waitingSince)}</span> : formatDateTime(r.decidedAt)),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, r) =>
        r.can.decide ? (
          <Flex gap={8} wrap>
            <Button type="primary" size="small" onClick={() => setDeciding({ request: r, decision: 'approve' })} data-testid="approval-approve">
              {t('approval.approve')}
            </Button>
            <Button danger size="small" onClick={() => setDeciding({ request: r, decision: 'reject' })} data-testid="approval-reject">
              {t('approval.reject')}
            </Button>
          </Flex>
        ) : null,
    },
  ];

  const empty = {
    pending: { title: t('approval.emptyPendingTitle'), text: t('approval.emptyPendingText') },
    submitted: { title: t('approval.emptySubmittedTitle'), text: t('approval.emptySubmittedText') },
    all: { title: t('approval.emptyAllTitle'), text: t('approval.emptyAllText') },
  }[tab];

  let body;
  if (list.isError) body = <QueryErrorResult error={list.error} onRetry={() => void list.refetch()} />;
  else if (list.data && list.data.total === 0 && !list.isFetching)
    body = <ListEmpty filtered={Boolean(status)} filteredText={t('approval.emptyFiltered')} onClear={() => set({ status: undefined })} title={empty.title} text={empty.text} testId="approvals-empty" />;
  else if (isMobile)
    // A phone: one card per request, its facts stacked and its buttons in reach (no sideways table).
    body = (
      <>
        <List<ApprovalRequest>
          loading={list.isPending || list.isFetching}
          dataSource={list.data?.items ?? []}
          rowKey="id"
          data-testid="approvals-table"
          renderItem={(r) => (
            <List.Item key={r.id} data-testid="approval-row" data-record={r.recordNumber} style={{ display: 'block' }}>
              <Flex vertical gap={6}>
                {columns.filter((c) => c.key !== 'actions').map((c) => (
                  <Flex key={String(c.key)} gap={8} justify="space-between" align="baseline">
                    <Typography.Text type="secondary" style={{ flex: 'none' }}>
                      {c.title as string}
                    </Typography.Text>
                    <div style={{ minWidth: 0, textAlign: 'end' }}>{c.render?.(undefined, r, 0) as React.ReactNode}</div>
                  </Flex>
                ))}
                {columns.find((c) => c.key === 'actions')?.render?.(undefined, r, 0) as React.ReactNode}
              </Flex>
            </List.Item>
          )}
        />
        <Pagination simple current={page} pageSize={pageSize} total={list.data?.total ?? 0} onChange={(p) => set({ page: p })} style={{ marginTop: 12, textAlign: 'center' }} />
      </>
    );
  else
    body = (
      <Table<ApprovalRequest>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isPending || list.isFetching}
        scroll={{ x: 'max-content' }}
        expandable={{ expandedRowRender: (r) => <ApprovalSteps request={r} /> }}
        onRow={(r) => ({ 'data-testid': 'approval-row', 'data-record': r.recordNumber }) as React.HTMLAttributes<HTMLElement>}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: pageSizes.map(String),
          showTotal: (count) => t('common.total', { total: count }),
          onChange: (p, size) => set({ page: p, pageSize: size }),
        }}
        data-testid="approvals-table"
      />
    );

  const tabs: Array<{ key: Tab; label: string }> = [
    { key: 'pending', label: t('approval.tab.pending') },
    { key: 'submitted', label: t('approval.tab.submitted') },
    ...(mayAll ? [{ key: 'all' as const, label: t('approval.tab.all') }] : []),
  ];

  return (
    <>
      <PageHeader title={t('approval.title')} subTitle={t('approval.subtitle')} />
      <Card styles={{ body: { paddingTop: 4 } }}>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(new URLSearchParams(key === 'pending' ? {} : { tab: key }), { replace: true })}
        items={tabs.map((item) => ({ key: item.key, label: <span data-testid={`approvals-tab-${item.key}`}>{item.label}</span> }))}
      />
      {tab === 'pending' ? null : (
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Select<ApprovalRequestStatus>
            value={status}
            onChange={(value) => set({ status: value })}
            allowClear
            placeholder={t('approval.anyStatus')}
            aria-label={t('approval.f.status')}
            style={{ minWidth: 160 }}
            options={approvalRequestStatuses.map((s) => ({ value: s, label: t(`approval.status.${s}`) }))}
          />
        </Flex>
      )}
      {body}
      </Card>
      {deciding ? <DecisionDialog request={deciding.request} decision={deciding.decision} onClose={() => setDeciding(null)} /> : null}
    </>
  );
}
