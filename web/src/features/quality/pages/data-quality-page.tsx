import { MergeCellsOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Empty, Flex, Progress, Skeleton, Table, Tabs, Tag, Typography, type TableProps } from 'antd';
import { dataQualityIssues, type DataQualityIssue, type DataQualityItem, type QualityCustomer } from '@crm/contracts';
import { Link, useSearchParams } from 'react-router-dom';
import { useI18n } from '../../../app/i18n/i18n-context';
import { formatDateTime } from '../../../shared/format/format';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { PageHeader } from '../../../shared/layout/page-header';
import { QueryErrorResult } from '../../../shared/layout/results';
import { usePermissions } from '../../auth';
import { useActiveCustomFields } from '../../custom-fields';
import { useQualityList, useQualitySummary } from '../api';
import { qualityFieldLabel } from '../components/quality-labels';
import { UnreadablePhonesTable } from '../components/unreadable-phones-table';

function CustomerLink({ customer }: { customer: QualityCustomer }) {
  return (
    <Flex vertical>
      <Link to={`/customers/${customer.id}`} data-testid="quality-customer-link">
        {customer.name}
      </Link>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {customer.archiveNo}
      </Typography.Text>
    </Flex>
  );
}

/** A tab of the page: one of the customer issues, or the phone numbers that cannot be read. */
type View = DataQualityIssue | 'phones';

/** Incomplete, stale and likely-duplicate customers, and phone numbers that cannot be read, within what the user may see. */
export function DataQualityPage() {
  const { t } = useI18n();
  useDocumentTitle(t('quality.title'));
  const [params, setParams] = useSearchParams();
  const issue: View = params.get('issue') === 'phones' ? 'phones' : (dataQualityIssues.find((i) => i === params.get('issue')) ?? 'incomplete');
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = [10, 20, 50, 100].includes(Number(params.get('pageSize'))) ? Number(params.get('pageSize')) : 20;
  const summary = useQualitySummary();

  const setView = (next: { issue?: View; page?: number; pageSize?: number }) => {
    const out = new URLSearchParams();
    const i = next.issue ?? issue;
    const p = next.page ?? (next.issue ? 1 : page);
    const s = next.pageSize ?? pageSize;
    if (i !== 'incomplete') out.set('issue', i);
    if (p !== 1) out.set('page', String(p));
    if (s !== 20) out.set('pageSize', String(s));
    setParams(out);
  };

  const subtitle = summary.data
    ? t('quality.subtitle', { below: summary.data.incompleteBelow, days: summary.data.staleDays })
    : undefined;

  return (
    <>
      <PageHeader title={t('quality.title')} subTitle={subtitle} />
      <Card>
        <Tabs
          activeKey={issue}
          onChange={(key) => setView({ issue: key as View })}
          items={[
            ...dataQualityIssues.map((value) => ({
              key: value,
              label: (
                <Flex gap={6} align="center" data-testid={`quality-tab-${value}`}>
                  {t(`quality.issue.${value}`)}
                  {summary.data ? (
                    <Badge count={summary.data[value]} overflowCount={9999} showZero color={summary.data[value] > 0 ? '#faad14' : '#d9d9d9'} />
                  ) : null}
                </Flex>
              ),
              children:
                value === issue ? (
                  <IssueTable issue={value} page={page} pageSize={pageSize} onPage={(p, s) => setView({ page: p, pageSize: s })} />
                ) : null,
            })),
            {
              key: 'phones',
              label: <span data-testid="quality-tab-phones">{t('quality.issue.phones')}</span>,
              children:
                issue === 'phones' ? (
                  <UnreadablePhonesTable page={page} pageSize={pageSize} onPage={(p, s) => setView({ page: p, pageSize: s })} />
                ) : null,
            },
          ]}
        />
      </Card>
    </>
  );
}

function IssueTable({
  issue,
  page,
  pageSize,
  onPage,
}: {
  issue: DataQualityIssue;
  page: number;
  pageSize: number;
  onPage: (page: number, pageSize: number) => void;
}) {
  const { t, locale } = useI18n();
  const { can } = usePermissions();
  const list = useQualityList(issue, page, pageSize);
  const customFields = useActiveCustomFields('customer');

  if (list.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (list.isError) return <QueryErrorResult error={list.error} onRetry={() => void list.refetch()} />;
  if (list.data.total === 0) {
    return <Empty description={t(`quality.empty.${issue}`)} data-testid="quality-empty" />;
  }

  const owner = (c: QualityCustomer) => c.ownerName ?? <Tag>{t('customer.publicPool')}</Tag>;
  let columns: TableProps<DataQualityItem>['columns'];
  if (issue === 'incomplete') {
    columns = [
      { key: 'name', title: t('customer.f.name'), render: (_v, item) => <CustomerLink customer={item.customer} /> },
      { key: 'owner', title: t('customer.f.ownerId'), render: (_v, item) => owner(item.customer) },
      {
        key: 'completeness',
        title: t('quality.completeness'),
        width: 160,
        render: (_v, item) => <Progress percent={item.customer.completeness} size="small" status="normal" aria-label={t('quality.completeness')} />,
      },
      {
        key: 'missing',
        title: t('quality.missing'),
        render: (_v, item) => (
          <Flex wrap gap={4}>
            {item.missingFields.map((path) => (
              <Tag key={path} style={{ marginInlineEnd: 0 }}>
                {qualityFieldLabel(path, t, locale, customFields)}
              </Tag>
            ))}
          </Flex>
        ),
      },
    ];
  } else if (issue === 'stale') {
    columns = [
      { key: 'name', title: t('customer.f.name'), render: (_v, item) => <CustomerLink customer={item.customer} /> },
      { key: 'owner', title: t('customer.f.ownerId'), render: (_v, item) => owner(item.customer) },
      {
        key: 'fresh',
        title: t('quality.freshness'),
        render: (_v, item) => t('quality.daysAgo', { days: item.customer.freshDays }),
      },
      {
        key: 'confirmedAt',
        title: t('quality.confirmedAt'),
        render: (_v, item) => (item.customer.confirmedAt ? formatDateTime(item.customer.confirmedAt) : t('quality.never')),
      },
      { key: 'updatedAt', title: t('customer.f.updatedAt'), render: (_v, item) => formatDateTime(item.customer.updatedAt) },
    ];
  } else {
    columns = [
      {
        key: 'group',
        title: t('quality.group'),
        render: (_v, item) => (
          <Flex vertical gap={4}>
            {groupOf(item).map((c) => (
              <Flex key={c.id} gap={8} wrap align="center">
                <Link to={`/customers/${c.id}`} data-testid="quality-customer-link">
                  {c.name}
                </Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {c.archiveNo} · {c.ownerName ?? t('customer.publicPool')}
                </Typography.Text>
              </Flex>
            ))}
          </Flex>
        ),
      },
      {
        key: 'matchedOn',
        title: t('quality.matchedOn'),
        render: (_v, item) => (
          <Flex wrap gap={4}>
            {item.matchedOn.map((on) => (
              <Tag key={on} color="orange" style={{ marginInlineEnd: 0 }}>
                {t(`duplicate.on.${on}`)}
              </Tag>
            ))}
          </Flex>
        ),
      },
    ];
    if (can('customers.merge')) {
      columns.push({
        key: 'merge',
        title: t('common.actions'),
        render: (_v, item) => (
          <Link to={`/customers/merge?ids=${groupOf(item).map((c) => c.id).join(',')}`}>
            <Button size="small" icon={<MergeCellsOutlined />} data-testid="quality-merge">
              {t('merge.action')}
            </Button>
          </Link>
        ),
      });
    }
  }

  return (
    <Table<DataQualityItem>
      rowKey={(item) => `${item.customer.id}`}
      size="middle"
      columns={columns}
      dataSource={list.data.items}
      loading={list.isFetching}
      scroll={{ x: 'max-content' }}
      pagination={{
        current: page,
        pageSize,
        total: list.data.total,
        showSizeChanger: true,
        pageSizeOptions: ['10', '20', '50', '100'],
        showTotal: (count) => t('common.total', { total: count }),
        onChange: onPage,
      }}
      data-testid={`quality-table-${issue}`}
    />
  );
}

/** The customers of a duplicate group, the item's own customer first, each once. */
function groupOf(item: DataQualityItem): QualityCustomer[] {
  const seen = new Set<number>();
  return [item.customer, ...item.group].filter((c) => (seen.has(c.id) ? false : (seen.add(c.id), true)));
}
