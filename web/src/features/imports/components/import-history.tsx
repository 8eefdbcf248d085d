import { Card, Empty, Flex, List, Skeleton, Table, Typography, type TableProps } from 'antd';
import type { ImportJob } from '@crm/contracts';
import { useState } from 'react';
import { useT } from '../../../app/i18n/i18n-context';
import { formatDateTime } from '../../../shared/format/format';
import { useIsMobile } from '../../../shared/hooks/use-is-mobile';
import { QueryErrorResult } from '../../../shared/layout/results';
import { useImportList } from '../api';
import { ImportStatusTag } from './outcome-tag';

function Counts({ job }: { job: ImportJob }) {
  const t = useT();
  return (
    <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
      {t('import.countsShort', { created: job.created, updated: job.updated, skipped: job.skipped, rejected: job.rejected })}
    </Typography.Text>
  );
}

/** Past imports (the user's own; all of them with settings.view): open one to see its progress or report. */
export function ImportHistory({ onOpen, selectedId }: { onOpen: (job: ImportJob) => void; selectedId: number | null }) {
  const t = useT();
  const isMobile = useIsMobile();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const list = useImportList({ page, pageSize });

  let body;
  if (list.isPending) body = <Skeleton active paragraph={{ rows: 4 }} />;
  else if (list.isError) body = <QueryErrorResult error={list.error} onRetry={() => void list.refetch()} />;
  else if (list.data.total === 0) body = <Empty description={t('import.historyEmpty')} />;
  else if (isMobile)
    body = (
      <List<ImportJob>
        dataSource={list.data.items}
        pagination={{ current: page, pageSize, total: list.data.total, simple: true, onChange: setPage }}
        renderItem={(job) => (
          <List.Item onClick={() => onOpen(job)} style={{ cursor: 'pointer' }}>
            <Flex vertical gap={2} style={{ width: '100%' }}>
              <Flex justify="space-between" gap={8}>
                <Typography.Link ellipsis>{job.fileName}</Typography.Link>
                <ImportStatusTag status={job.status} />
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t(`import.entity.${job.entity}`)} · {job.createdByName ?? ''} · {formatDateTime(job.createdAt)}
              </Typography.Text>
              <Counts job={job} />
            </Flex>
          </List.Item>
        )}
      />
    );
  else {
    const columns: TableProps<ImportJob>['columns'] = [
      {
        key: 'file',
        title: t('import.file'),
        render: (_v, job) => (
          <Typography.Link onClick={() => onOpen(job)} data-testid="import-history-open">
            {job.fileName}
          </Typography.Link>
        ),
      },
      { key: 'entity', title: t('import.entity'), render: (_v, job) => t(`import.entity.${job.entity}`) },
      { key: 'status', title: t('import.statusCol'), render: (_v, job) => <ImportStatusTag status={job.status} /> },
      {
        key: 'progress',
        title: t('import.rows'),
        render: (_v, job) => `${job.processed} / ${job.totalRows}`,
      },
      { key: 'counts', title: t('import.result'), render: (_v, job) => <Counts job={job} /> },
      { key: 'who', title: t('import.who'), render: (_v, job) => job.createdByName ?? '' },
      { key: 'when', title: t('import.when'), render: (_v, job) => formatDateTime(job.createdAt) },
    ];
    body = (
      <Table<ImportJob>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data.items}
        loading={list.isFetching && !list.isPending}
        scroll={{ x: 'max-content' }}
        rowClassName={(job) => (job.id === selectedId ? 'ant-table-row-selected' : '')}
        pagination={{
          current: page,
          pageSize,
          total: list.data.total,
          showSizeChanger: true,
          pageSizeOptions: ['10', '20', '50'],
          onChange: (p, s) => {
            setPage(p);
            setPageSize(s);
          },
        }}
        data-testid="import-history"
      />
    );
  }

  return (
    <Card title={t('import.history')} size="small">
      {body}
    </Card>
  );
}
