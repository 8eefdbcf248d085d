import { Card, Empty, Select, Skeleton, Table, Tag, Typography, type TableProps } from 'antd';
import { exportLogEntities, type ExportLogEntity, type ExportLogEntry } from '@crm/contracts';
import { useSearchParams } from 'react-router-dom';
import { useT } from '../../../app/i18n/i18n-context';
import { formatDateTime } from '../../../shared/format/format';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { PageHeader } from '../../../shared/layout/page-header';
import { QueryErrorResult } from '../../../shared/layout/results';
import { useExportLog } from '../api';

function positiveInt(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 && n <= 200 ? n : fallback;
}

/** The filter an export used, as `key: value` chips. */
function FilterChips({ filter }: { filter: Record<string, unknown> }) {
  const t = useT();
  const entries = Object.entries(filter).filter(([, v]) => v !== undefined && v !== null && v !== '');
  if (entries.length === 0) return <Typography.Text type="secondary">{t('exportLog.noFilter')}</Typography.Text>;
  return (
    <>
      {entries.map(([key, value]) => (
        <Tag key={key} style={{ marginBottom: 4 }}>
          {key}: {Array.isArray(value) ? value.join(', ') : String(value)}
        </Tag>
      ))}
    </>
  );
}

/** Every export: who, when, which filter and columns, how many rows (settings.view). */
export function ExportLogPage() {
  const t = useT();
  useDocumentTitle(t('exportLog.title'));
  const [params, setParams] = useSearchParams();
  const entity = exportLogEntities.find((e) => e === params.get('entity'));
  const page = positiveInt(params.get('page'), 1);
  const pageSize = positiveInt(params.get('pageSize'), 20);
  const log = useExportLog({ page, pageSize, ...(entity ? { entity } : {}) });

  const setView = (next: { entity?: ExportLogEntity | null; page?: number; pageSize?: number }) => {
    const out = new URLSearchParams();
    const ne = next.entity === undefined ? entity : next.entity;
    if (ne) out.set('entity', ne);
    if ((next.page ?? 1) !== 1) out.set('page', String(next.page));
    const ns = next.pageSize ?? pageSize;
    if (ns !== 20) out.set('pageSize', String(ns));
    setParams(out);
  };

  const columns: TableProps<ExportLogEntry>['columns'] = [
    { key: 'at', title: t('exportLog.at'), render: (_v, e) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at)}</span> },
    { key: 'user', title: t('exportLog.user'), render: (_v, e) => e.userName ?? `#${e.userId}` },
    { key: 'entity', title: t('exportLog.entity'), render: (_v, e) => t(`exportLog.entity.${e.entity}`) },
    { key: 'format', title: t('exportLog.format'), render: (_v, e) => <Tag>{e.format.toUpperCase()}</Tag> },
    {
      key: 'rows',
      title: t('exportLog.rows'),
      align: 'right',
      render: (_v, e) => (e.finishedAt ? e.rowCount.toLocaleString() : <Typography.Text type="warning">{t('exportLog.unfinished')}</Typography.Text>),
    },
    { key: 'filter', title: t('exportLog.filter'), render: (_v, e) => <FilterChips filter={e.filter} /> },
    { key: 'columns', title: t('exportLog.columns'), render: (_v, e) => <Typography.Text type="secondary">{e.columns.length}</Typography.Text> },
  ];

  let body;
  if (log.isPending) body = <Skeleton active paragraph={{ rows: 6 }} />;
  else if (log.isError) body = <QueryErrorResult error={log.error} onRetry={() => void log.refetch()} />;
  else if (log.data.total === 0) body = <Empty description={t('exportLog.empty')} />;
  else
    body = (
      <Table<ExportLogEntry>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={log.data.items}
        loading={log.isFetching}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: page,
          pageSize,
          total: log.data.total,
          showSizeChanger: true,
          showTotal: (count) => t('common.total', { total: count }),
          onChange: (p, s) => setView({ page: p, pageSize: s }),
        }}
        data-testid="export-log-table"
      />
    );

  return (
    <>
      <PageHeader title={t('exportLog.title')} subTitle={t('exportLog.subtitle')} />
      <Card styles={{ body: { paddingTop: 12 } }}>
        <Select<ExportLogEntity | ''>
          style={{ minWidth: 160, marginBottom: 12 }}
          aria-label={t('exportLog.entity')}
          value={entity ?? ''}
          onChange={(value) => setView({ entity: value === '' ? null : value })}
          options={[
            { value: '', label: t('exportLog.allEntities') },
            ...exportLogEntities.map((e) => ({ value: e, label: t(`exportLog.entity.${e}`) })),
          ]}
          data-testid="export-log-entity"
        />
        {body}
      </Card>
    </>
  );
}
