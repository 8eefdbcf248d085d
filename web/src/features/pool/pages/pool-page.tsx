import { UserAddOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Flex, List, Pagination, Popconfirm, Skeleton, Table, Typography, type TableProps } from 'antd';
import type { Customer } from '@crm/contracts';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useT } from '../../../app/i18n/i18n-context';
import { errorMessage } from '../../../shared/api/error-message';
import { formatDateTime, fromNow } from '../../../shared/format/format';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { useIsMobile } from '../../../shared/hooks/use-is-mobile';
import { PageHeader } from '../../../shared/layout/page-header';
import { QueryErrorResult } from '../../../shared/layout/results';
import { testId } from '../../../shared/test-id';
import { usePermissions } from '../../auth';
import {
  CustomerFilters,
  pageSizes,
  parseListParams,
  toApiQuery,
  toSearchParams,
  useCustomerList,
  type CustomerListParams,
} from '../../customers';
import { regionText } from '../../../shared/region/region-text';
import { enumLabel } from '../../../shared/enums/customer-enums';
import { StatusTag } from '../../../shared/enums/status-tag';
import { useClaimCustomer, useClaimCustomers } from '../api';

function claimedCount(error: unknown): number {
  if (typeof error === 'object' && error !== null && 'claimed' in error) {
    const value = (error as { claimed: unknown }).claimed;
    return typeof value === 'number' ? value : 0;
  }
  return 0;
}

function ClaimButton({ customer, block }: { customer: Customer; block?: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const claim = useClaimCustomer();
  return (
    <Popconfirm
      title={t('pool.claimConfirm', { name: customer.name })}
      okText={t('pool.claim')}
      cancelText={t('common.cancel')}
      okButtonProps={testId('claim-confirm')}
      onConfirm={() =>
        claim.mutateAsync(customer.id).then(
          () => void message.success(t('pool.claimed', { name: customer.name })),
          (error: unknown) => void message.error({ content: errorMessage(error, t), duration: 6 }),
        )
      }
    >
      <Button size="small" type="primary" ghost icon={<UserAddOutlined />} loading={claim.isPending} block={block} data-testid="pool-claim">
        {t('pool.claim')}
      </Button>
    </Popconfirm>
  );
}

/** 公海: the customers nobody owns, to be claimed by whoever will follow them up. */
export function PoolPage() {
  const t = useT();
  useDocumentTitle(t('pool.title'));
  const isMobile = useIsMobile();
  const { message, modal } = App.useApp();
  const { can } = usePermissions();
  const mayClaim = can('customers.claim');
  const [params, setParams] = useSearchParams();
  const view: CustomerListParams = { ...parseListParams(params), ownerId: 'none' };
  const list = useCustomerList(toApiQuery(view));
  const claimMany = useClaimCustomers();
  const [selected, setSelected] = useState<number[]>([]);

  const update = (patch: Partial<CustomerListParams>) => {
    const paging = 'page' in patch || 'pageSize' in patch;
    const next = toSearchParams({ ...view, ...(paging ? {} : { page: 1 }), ...patch });
    next.delete('ownerId');
    setParams(next);
    setSelected([]);
  };
  const clear = () => {
    setParams(toSearchParams({ ...parseListParams(new URLSearchParams()), pageSize: view.pageSize }));
    setSelected([]);
  };
  const filtered = Boolean(view.q || view.status.length > 0 || view.category || view.kind || view.province);

  const claimSelected = () => {
    const count = selected.length;
    void modal.confirm({
      title: t('pool.claimManyConfirm', { count }),
      okText: t('pool.claim'),
      okButtonProps: testId('bulk-claim-confirm'),
      cancelText: t('common.cancel'),
      onOk: () =>
        claimMany.mutateAsync(selected).then(
          (claimed) => {
            void message.success(t('pool.claimedMany', { count: claimed }));
            setSelected([]);
          },
          (error: unknown) => {
            const done = claimedCount(error);
            const reason = errorMessage(error, t);
            void message.error({ content: done > 0 ? t('pool.partly', { done, count, reason }) : reason, duration: 6 });
            setSelected([]);
          },
        ),
    });
  };

  const columns: TableProps<Customer>['columns'] = [
    {
      key: 'name',
      title: t('customer.f.name'),
      render: (_v, c) => (
        <Link to={`/customers/${c.id}`} data-testid="customer-link">
          {c.name}
        </Link>
      ),
    },
    { key: 'archiveNo', title: t('customer.f.archiveNo'), dataIndex: 'archiveNo', width: 150 },
    { key: 'kind', title: t('customer.f.kind'), render: (_v, c) => enumLabel(t, 'kind', c.kind) },
    { key: 'category', title: t('customer.f.category'), render: (_v, c) => enumLabel(t, 'category', c.category) },
    { key: 'status', title: t('customer.f.status'), render: (_v, c) => <StatusTag status={c.status} /> },
    { key: 'region', title: t('customer.f.region'), render: (_v, c) => regionText(c) },
    {
      key: 'lastFollowUp',
      title: t('pool.lastFollowUp'),
      render: (_v, c) =>
        c.lastFollowUpAt ? (
          <span title={formatDateTime(c.lastFollowUpAt)} style={{ whiteSpace: 'nowrap' }}>
            {fromNow(c.lastFollowUpAt)}
          </span>
        ) : (
          t('pool.never')
        ),
    },
    {
      key: 'updatedAt',
      title: t('customer.f.updatedAt'),
      render: (_v, c) => (
        <span title={formatDateTime(c.updatedAt)} style={{ whiteSpace: 'nowrap' }}>
          {fromNow(c.updatedAt)}
        </span>
      ),
    },
    ...(mayClaim
      ? [{ key: 'actions', title: t('common.actions'), fixed: 'right' as const, render: (_v: unknown, c: Customer) => <ClaimButton customer={c} /> }]
      : []),
  ];

  let body;
  if (list.isPending) body = <Skeleton active paragraph={{ rows: 8 }} />;
  else if (list.isError) body = <QueryErrorResult error={list.error} onRetry={() => void list.refetch()} />;
  else if (list.data.items.length === 0 && list.data.total === 0)
    body = filtered ? (
      <Empty description={t('customer.emptyFiltered')} data-testid="pool-empty">
        <Button onClick={clear}>{t('common.clearFilters')}</Button>
      </Empty>
    ) : (
      <Empty
        description={
          <div style={{ maxWidth: 460, margin: '0 auto' }}>
            <strong>{t('pool.emptyTitle')}</strong>
            <p style={{ marginTop: 8 }}>{t('pool.emptyText')}</p>
          </div>
        }
        data-testid="pool-empty"
      >
        <Link to="/customers">
          <Button>{t('pool.toCustomers')}</Button>
        </Link>
      </Empty>
    );
  else if (isMobile)
    body = (
      <Flex vertical gap={12} data-testid="pool-cards">
        <List<Customer>
          loading={list.isFetching}
          dataSource={list.data.items}
          split={false}
          renderItem={(c: Customer) => (
            <List.Item style={{ padding: '0 0 8px' }}>
              <Card size="small" style={{ width: '100%' }}>
                <Flex justify="space-between" align="start" gap={8}>
                  <Link to={`/customers/${c.id}`} style={{ fontWeight: 600, minWidth: 0 }} data-testid="customer-link">
                    {c.name}
                  </Link>
                  <StatusTag status={c.status} />
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                  {[c.archiveNo, enumLabel(t, 'kind', c.kind), regionText(c)].filter(Boolean).join(' · ')}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginBottom: 8 }}>
                  {t('pool.lastFollowUp')}: {c.lastFollowUpAt ? fromNow(c.lastFollowUpAt) : t('pool.never')}
                </Typography.Text>
                {mayClaim ? <ClaimButton customer={c} block /> : null}
              </Card>
            </List.Item>
          )}
        />
        <Flex justify="center">
          <Pagination simple current={view.page} pageSize={view.pageSize} total={list.data.total} onChange={(page) => update({ page })} />
        </Flex>
        <Typography.Text type="secondary" style={{ textAlign: 'center' }}>
          {t('common.total', { total: list.data.total })}
        </Typography.Text>
      </Flex>
    );
  else
    body = (
      <>
        {selected.length > 0 ? (
          <Alert
            type="info"
            style={{ marginBottom: 12 }}
            data-testid="pool-bulk-bar"
            title={
              <Flex wrap gap={8} align="center" justify="space-between">
                <span>{t('pool.selected', { count: selected.length })}</span>
                <Flex gap={8}>
                  <Button size="small" type="primary" icon={<UserAddOutlined />} onClick={claimSelected} data-testid="pool-bulk-claim">
                    {t('pool.claimSelected')}
                  </Button>
                  <Button size="small" type="link" onClick={() => setSelected([])}>
                    {t('pool.clearSelection')}
                  </Button>
                </Flex>
              </Flex>
            }
          />
        ) : null}
        <Table<Customer>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data.items}
          loading={list.isFetching}
          scroll={{ x: 'max-content' }}
          rowSelection={
            mayClaim
              ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(Number)), preserveSelectedRowKeys: false }
              : undefined
          }
          onChange={(pagination) => update({ page: pagination.current ?? 1, pageSize: pagination.pageSize ?? view.pageSize })}
          pagination={{
            current: view.page,
            pageSize: view.pageSize,
            total: list.data.total,
            showSizeChanger: true,
            pageSizeOptions: pageSizes.map(String),
            showTotal: (count) => t('common.total', { total: count }),
          }}
          data-testid="pool-table"
        />
      </>
    );

  return (
    <>
      <PageHeader title={t('pool.title')} subTitle={t('pool.subtitle')} />
      <Card styles={{ body: { padding: isMobile ? 12 : 24 } }}>
        <CustomerFilters view={view} onChange={update} onClear={clear} hideOwner />
        {body}
      </Card>
    </>
  );
}
