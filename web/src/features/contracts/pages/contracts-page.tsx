import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Flex, InputNumber, Select, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { contractKinds, contractStatuses, type Contract, type ContractKind, type ContractListQuery, type ContractStatus } from '@crm/contracts';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useI18n } from '../../../app/i18n/i18n-context';
import { formatDate, formatMoney } from '../../../shared/format/format';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { FilterBar } from '../../../shared/layout/filter-bar';
import { ListEmpty } from '../../../shared/layout/list-empty';
import { PageHeader } from '../../../shared/layout/page-header';
import { QueryErrorResult } from '../../../shared/layout/results';
import { usePermissions } from '../../auth';
import { useUserOptions } from '../../users';
import { useContractList, useCustomerChoices, useRenewals } from '../api';
import { ContractKindTag, ContractStatusTag } from '../components/contract-bits';
import { ContractFormDrawer } from '../components/contract-form-drawer';

const pageSizes = [20, 50, 100];
const isoDay = (text: string | null): string | undefined => (text !== null && /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : undefined);
const endingSoonDays = 30;

function useColumns(): ColumnsType<Contract> {
  const { t, locale } = useI18n();
  return [
    {
      title: t('contract.f.number'),
      key: 'number',
      render: (_, r) => (
        <Flex gap={6} align="center" wrap>
          <Link to={`/contracts/${r.id}`}>{r.number}</Link>
          <ContractKindTag kind={r.kind} />
        </Flex>
      ),
    },
    { title: t('contract.f.title'), dataIndex: 'title', key: 'title' },
    { title: t('contract.f.customer'), key: 'customer', render: (_, r) => <Link to={`/customers/${r.customerId}`}>{r.customerName}</Link> },
    { title: t('contract.f.status'), key: 'status', render: (_, r) => <ContractStatusTag status={r.status} /> },
    { title: t('contract.f.amount'), key: 'amount', align: 'right', render: (_, r) => formatMoney(r.amount, r.currency, locale) },
    { title: t('contract.f.signedOn'), key: 'signedOn', responsive: ['md'], render: (_, r) => formatDate(r.signedOn) },
    { title: t('contract.f.endsOn'), key: 'endsOn', responsive: ['md'], render: (_, r) => formatDate(r.endsOn) },
    { title: t('contract.f.owner'), dataIndex: 'ownerName', key: 'owner', responsive: ['lg'] },
  ];
}

/** A customer filter: search by name, the chosen one kept in the URL by id. */
function CustomerFilter({ value, onChange }: { value?: number; onChange: (id: number | undefined) => void }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const search = useCustomerChoices(q);
  return (
    <Select<number>
      value={value}
      onChange={onChange}
      allowClear
      placeholder={t('contract.anyCustomer')}
      aria-label={t('contract.f.customer')}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={search.isFetching}
      options={(search.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
      style={{ minWidth: 200 }}
      data-testid="contracts-customer-filter"
    />
  );
}

/** 合同/订单: every contract in the caller's data scope (search and filters in the URL), and the renewals due. */
export function ContractsPage() {
  const { t } = useI18n();
  useDocumentTitle(t('contract.title'));
  const navigate = useNavigate();
  const { can } = usePermissions();
  const [params, setParams] = useSearchParams();
  const view = params.get('view') === 'renewals' ? 'renewals' : 'all';
  const [creating, setCreating] = useState(false);
  const set = (patch: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    if (!('page' in patch)) next.delete('page');
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageHeader
        title={t('contract.title')}
        extra={
          can('contracts.create') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="contract-create">
              {t('contract.create')}
            </Button>
          ) : null
        }
      />
      {/* On a card: the active tab's blue has the contrast it needs on white, not on the page's grey. */}
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={view}
          onChange={(key) => setParams(key === 'renewals' ? new URLSearchParams({ view: 'renewals' }) : new URLSearchParams(), { replace: true })}
          items={[
            { key: 'all', label: <span data-testid="contracts-tab-all">{t('contract.tabAll')}</span>, children: view === 'all' ? <AllContracts params={params} set={set} onCreate={() => setCreating(true)} /> : null },
            { key: 'renewals', label: <span data-testid="contracts-tab-renewals">{t('contract.tabRenewals')}</span>, children: view === 'renewals' ? <Renewals params={params} set={set} /> : null },
          ]}
        />
      </Card>
      <ContractFormDrawer open={creating} onClose={() => setCreating(false)} onSaved={(saved) => void navigate(`/contracts/${saved.id}`)} />
    </>
  );
}

type SetParams = (patch: Record<string, string | number | undefined>) => void;

function AllContracts({ params, set, onCreate }: { params: URLSearchParams; set: SetParams; onCreate: () => void }) {
  const { t } = useI18n();
  const { can } = usePermissions();
  const [, setParams] = useSearchParams();
  const owners = useUserOptions();
  const columns = useColumns();
  const q = params.get('q') ?? '';
  // status: one, or several comma-separated (the targets report links to active,completed); signedFrom / signedTo: signing days, both included.
  const statuses = contractStatuses.filter((s) => (params.get('status') ?? '').split(',').includes(s));
  const status = statuses.length === 1 ? statuses[0] : undefined;
  const signedFrom = isoDay(params.get('signedFrom'));
  const signedTo = isoDay(params.get('signedTo'));
  const kind = contractKinds.find((k) => k === params.get('kind'));
  const ownerId = Number(params.get('ownerId')) || undefined;
  const customerId = Number(params.get('customerId')) || undefined;
  const endingSoon = params.get('ending') === '1';
  const page = Number(params.get('page')) || 1;
  const pageSize = Number(params.get('pageSize')) || 20;
  const query: ContractListQuery = {
    q: q || undefined, status: statuses.length > 0 ? statuses.join(',') : undefined, kind, ownerId, customerId, signedFrom, signedTo,
    endingWithin: endingSoon ? endingSoonDays : undefined, page, pageSize, sort: endingSoon ? 'endsOn' : '-updatedAt',
  };
  const list = useContractList(query);
  const signed = signedFrom !== undefined || signedTo !== undefined;
  const activeCount = [statuses.length > 0 || undefined, kind, ownerId, customerId, signed || undefined, endingSoon || undefined].filter((v) => v !== undefined).length;
  const filtered = Boolean(q) || activeCount > 0;
  const clear = () => setParams(new URLSearchParams(), { replace: true });

  let body;
  if (list.isError) body = <QueryErrorResult error={list.error} onRetry={() => void list.refetch()} />;
  else if (list.data && list.data.total === 0 && !list.isFetching)
    body = (
      <ListEmpty filtered={filtered} filteredText={t('contract.emptyFiltered')} onClear={clear} title={t('contract.emptyTitle')} text={t('contract.emptyText')} testId="contracts-empty">
        {can('contracts.create') ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={onCreate}>
            {t('contract.create')}
          </Button>
        ) : null}
      </ListEmpty>
    );
  else
    body = (
      <Table<Contract>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isPending || list.isFetching}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: pageSizes.map(String),
          showTotal: (count) => t('common.total', { total: count }),
          onChange: (p, size) => set({ page: p, pageSize: size }),
        }}
        data-testid="contracts-table"
      />
    );

  return (
    <>
      <FilterBar q={q} onSearch={(next) => set({ q: next })} placeholder={t('contract.searchPlaceholder')} activeCount={activeCount} onClear={clear}>
        <Select<ContractStatus>
          value={status}
          onChange={(value) => set({ status: value })}
          allowClear
          placeholder={t('contract.anyStatus')}
          aria-label={t('contract.f.status')}
          style={{ minWidth: 150 }}
          options={contractStatuses.map((s) => ({ value: s, label: t(`contract.status.${s}`) }))}
          data-testid="contracts-status-filter"
        />
        <Select<ContractKind>
          value={kind}
          onChange={(value) => set({ kind: value })}
          allowClear
          placeholder={t('contract.anyKind')}
          aria-label={t('contract.f.kind')}
          style={{ minWidth: 130 }}
          options={contractKinds.map((k) => ({ value: k, label: t(`contract.kind.${k}`) }))}
        />
        <Select<number>
          value={ownerId}
          onChange={(value) => set({ ownerId: value })}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('contract.anyOwner')}
          aria-label={t('contract.f.owner')}
          style={{ minWidth: 150 }}
          loading={owners.loading}
          options={owners.options}
        />
        <CustomerFilter value={customerId} onChange={(id) => set({ customerId: id })} />
        <Checkbox checked={endingSoon} onChange={(e) => set({ ending: e.target.checked ? '1' : undefined })} data-testid="contracts-ending-soon">
          {t('contract.endingSoon', { days: endingSoonDays })}
        </Checkbox>
      </FilterBar>
      {statuses.length > 1 || signed ? (
        <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
          {statuses.length > 1 ? (
            <Flex gap={4} align="center" data-testid="contracts-statuses-filter">
              <Tag color="blue" style={{ marginInlineEnd: 0 }}>
                {t('contract.filterStatuses', { statuses: statuses.map((s) => t(`contract.status.${s}`)).join(t('contract.listSeparator')) })}
              </Tag>
              <Button size="small" type="link" onClick={() => set({ status: undefined })} data-testid="contracts-statuses-filter-clear">
                {t('contract.anyStatus')}
              </Button>
            </Flex>
          ) : null}
          {signed ? (
            <Flex gap={4} align="center" data-testid="contracts-signed-filter">
              <Tag color="blue" style={{ marginInlineEnd: 0 }}>
                {t('contract.filterSigned', { from: signedFrom ? formatDate(signedFrom) : '…', to: signedTo ? formatDate(signedTo) : '…' })}
              </Tag>
              <Button size="small" type="link" onClick={() => set({ signedFrom: undefined, signedTo: undefined })} data-testid="contracts-signed-filter-clear">
                {t('contract.anySigningDate')}
              </Button>
            </Flex>
          ) : null}
        </Flex>
      ) : null}
      {body}
    </>
  );
}

/** 续约: active contracts ending within N days (the renewal setting unless changed here), soonest first. */
function Renewals({ params, set }: { params: URLSearchParams; set: SetParams }) {
  const { t } = useI18n();
  const columns = useColumns();
  const daysParam = Number(params.get('days'));
  const days = Number.isInteger(daysParam) && daysParam > 0 ? daysParam : undefined;
  const page = Number(params.get('page')) || 1;
  const pageSize = Number(params.get('pageSize')) || 20;
  const list = useRenewals(days, page, pageSize);
  const shownDays = days ?? list.data?.days;

  return (
    <Flex vertical gap={12}>
      <Flex gap={8} align="center" wrap>
        <label htmlFor="renewal-days">{t('contract.renewalsWithin')}</label>
        <InputNumber<number>
          id="renewal-days"
          min={1}
          max={3650}
          value={shownDays}
          onChange={(value) => set({ view: 'renewals', days: value ?? undefined })}
          suffix={t('common.days')}
          style={{ width: 140 }}
          data-testid="renewal-days"
        />
        {list.data ? <Tag>{t('common.total', { total: list.data.total })}</Tag> : null}
      </Flex>
      {list.isError ? (
        <QueryErrorResult error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data && list.data.total === 0 && !list.isFetching ? (
        <Typography.Paragraph type="secondary" data-testid="renewals-empty">
          {t('contract.renewalsEmpty', { days: list.data.days })}
        </Typography.Paragraph>
      ) : (
        <Table<Contract>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isPending || list.isFetching}
          scroll={{ x: 'max-content' }}
          pagination={{ current: page, pageSize, total: list.data?.total ?? 0, onChange: (p, size) => set({ view: 'renewals', page: p, pageSize: size }) }}
          data-testid="renewals-table"
        />
      )}
    </Flex>
  );
}
