import { Card, Flex, Pagination, Spin, Typography, type TableProps } from 'antd';
import type { Lead } from '@crm/contracts';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../../app/i18n/i18n-context';
import { formatDateTime, fromNow } from '../../../shared/format/format';
import { useIsMobile } from '../../../shared/hooks/use-is-mobile';
import { ListTable, sortOrder } from '../../../shared/layout/list-table';
import { PhoneLink } from '../../../shared/format/phone-link';
import { regionText } from '../../../shared/region/region-text';
import { GradeTag, LeadOwner, LeadStatusTag, useSourceLabels } from './lead-bits';
import { LeadInlineStatus } from './lead-inline-status';
import { defaultSort, pageSizes, type LeadListParams, type LeadSort } from './lead-list-params';

type SortKey = 'name' | 'grade' | 'createdAt' | 'updatedAt';
const sortKeys: readonly SortKey[] = ['name', 'grade', 'createdAt', 'updatedAt'];

interface LeadTableProps {
  view: LeadListParams;
  items: Lead[];
  total: number;
  totalCapped?: boolean;
  loading: boolean;
  onChange: (patch: Partial<LeadListParams>) => void;
  /** Row selection for bulk actions; left out when the user has none. */
  selectedIds?: number[];
  onSelect?: (ids: number[]) => void;
  /** The lead pool has no owner column. */
  hideOwner?: boolean;
  /** Per-row actions (claim, assign) in a last column / at the bottom of each card. */
  actions?: (lead: Lead) => ReactNode;
}

function LeadName({ lead }: { lead: Lead }) {
  return (
    <Flex vertical style={{ minWidth: 0 }}>
      <Link to={`/leads/${lead.id}`} data-testid="lead-link" style={{ fontWeight: 500 }}>
        {lead.name}
      </Link>
      {lead.company ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {lead.company}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}

/** Leads as a sortable, paged table on a desktop and as cards on a phone. */
export function LeadTable(props: LeadTableProps) {
  const isMobile = useIsMobile();
  return isMobile ? <LeadCards {...props} /> : <LeadDesktopTable {...props} />;
}

function LeadDesktopTable({ view, items, total, totalCapped, loading, onChange, selectedIds, onSelect, hideOwner, actions }: LeadTableProps) {
  const t = useT();
  const sources = useSourceLabels();

  const columns: TableProps<Lead>['columns'] = [
    {
      key: 'name',
      title: t('lead.f.name'),
      sorter: true,
      sortOrder: sortOrder(view.sort, 'name'),
      render: (_v, lead) => <LeadName lead={lead} />,
    },
    {
      key: 'grade',
      title: t('lead.f.grade'),
      sorter: true,
      sortOrder: sortOrder(view.sort, 'grade'),
      render: (_v, lead) => <GradeTag grade={lead.manGrade} />,
    },
    { key: 'status', title: t('lead.f.status'), render: (_v, lead) => <LeadInlineStatus lead={lead} /> },
    { key: 'source', title: t('lead.f.source'), render: (_v, lead) => sources.label(lead.source) },
    ...(hideOwner ? [] : [{ key: 'owner', title: t('lead.f.ownerId'), render: (_v: unknown, lead: Lead) => <LeadOwner lead={lead} /> }]),
    {
      key: 'phone',
      title: t('lead.f.contact'),
      render: (_v, lead) => (
        <Flex vertical>
          <PhoneLink phone={lead.mobile} />
          <PhoneLink phone={lead.phone} />
          {lead.email ? <Typography.Text style={{ fontSize: 12 }}>{lead.email}</Typography.Text> : null}
        </Flex>
      ),
    },
    { key: 'region', title: t('lead.f.region'), render: (_v, lead) => regionText(lead) },
    {
      key: 'createdAt',
      title: t('lead.f.createdAt'),
      sorter: true,
      sortOrder: sortOrder(view.sort, 'createdAt'),
      render: (_v, lead) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(lead.createdAt)}</span>,
    },
    {
      key: 'updatedAt',
      title: t('lead.f.updatedAt'),
      sorter: true,
      sortOrder: sortOrder(view.sort, 'updatedAt'),
      render: (_v, lead) => (
        <span title={formatDateTime(lead.updatedAt)} style={{ whiteSpace: 'nowrap' }}>
          {fromNow(lead.updatedAt)}
        </span>
      ),
    },
    ...(actions
      ? [{ key: 'actions', title: t('common.actions'), fixed: 'right' as const, render: (_v: unknown, lead: Lead) => actions(lead) }]
      : []),
  ];

  return (
    <ListTable<Lead, LeadSort>
      columns={columns}
      items={items}
      loading={loading}
      total={total}
      totalCapped={totalCapped}
      view={view}
      sortKeys={sortKeys}
      defaultSort={defaultSort}
      pageSizes={pageSizes}
      onChange={onChange}
      selectedIds={selectedIds}
      onSelect={onSelect}
      testId="lead-table"
    />
  );
}

function LeadCards({ view, items, total, totalCapped, loading, onChange, hideOwner, actions }: LeadTableProps) {
  const t = useT();
  const sources = useSourceLabels();
  return (
    <Flex vertical gap={12} data-testid="lead-cards">
      <Spin spinning={loading}>
        <Flex vertical gap={8}>
          {items.map((lead) => (
            <Card key={lead.id} size="small" data-testid="lead-card">
              <Flex justify="space-between" align="start" gap={8}>
                <LeadName lead={lead} />
                <Flex gap={4} wrap justify="flex-end">
                  <GradeTag grade={lead.manGrade} />
                  <LeadStatusTag status={lead.status} />
                </Flex>
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 4 }}>
                {[sources.label(lead.source), regionText(lead), fromNow(lead.updatedAt)].filter(Boolean).join(' · ')}
              </Typography.Text>
              <Flex gap={8} wrap align="center" style={{ marginTop: 4 }}>
                <PhoneLink phone={lead.mobile ?? lead.phone} />
                {hideOwner ? null : <LeadOwner lead={lead} />}
              </Flex>
              {actions ? <div style={{ marginTop: 8 }}>{actions(lead)}</div> : null}
            </Card>
          ))}
        </Flex>
      </Spin>
      <Flex justify="center">
        <Pagination
          simple
          current={view.page}
          pageSize={view.pageSize}
          total={total}
          onChange={(page) => onChange({ page })}
        />
      </Flex>
      <Typography.Text type="secondary" style={{ textAlign: 'center' }}>
        {t('common.total', { total: totalCapped ? `${total.toLocaleString()}+` : total })}
      </Typography.Text>
    </Flex>
  );
}
