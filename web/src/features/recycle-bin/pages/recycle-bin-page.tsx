import { DeleteOutlined, UndoOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Skeleton, Table, Tabs, type TableProps } from 'antd';
import { recycleBinTypes, type RecycleBinItem, type RecycleBinType } from '@crm/contracts';
import { Link, useSearchParams } from 'react-router-dom';
import { useT } from '../../../app/i18n/i18n-context';
import { errorMessage } from '../../../shared/api/error-message';
import { formatDateTime } from '../../../shared/format/format';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { useIsMobile } from '../../../shared/hooks/use-is-mobile';
import { PageHeader } from '../../../shared/layout/page-header';
import { QueryErrorResult } from '../../../shared/layout/results';
import { usePermissions } from '../../auth';
import { usePurgeItem, useRecycleBin, useRestoreItem } from '../api';

function positiveInt(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 && n <= 200 ? n : fallback;
}

/** Deleted customers and contacts: restore them, or (with confirmation) delete them forever. */
export function RecycleBinPage() {
  const t = useT();
  useDocumentTitle(t('recycle.title'));
  const { modal, message } = App.useApp();
  const isMobile = useIsMobile();
  const { can } = usePermissions();
  const [params, setParams] = useSearchParams();
  const type: RecycleBinType = recycleBinTypes.find((v) => v === params.get('type')) ?? 'customer';
  const page = positiveInt(params.get('page'), 1);
  const pageSize = positiveInt(params.get('pageSize'), 20);
  const list = useRecycleBin(type, page, pageSize);
  const restore = useRestoreItem();
  const purge = usePurgeItem();

  const setView = (next: { type?: RecycleBinType; page?: number; pageSize?: number }) => {
    const out = new URLSearchParams();
    const nt = next.type ?? type;
    if (nt !== 'customer') out.set('type', nt);
    const np = next.page ?? 1;
    if (np !== 1) out.set('page', String(np));
    const ns = next.pageSize ?? pageSize;
    if (ns !== 20) out.set('pageSize', String(ns));
    setParams(out);
  };

  const doRestore = (item: RecycleBinItem) =>
    restore.mutate(
      { type: item.type, id: item.id },
      {
        onSuccess: () =>
          void message.success({
            content:
              item.type === 'customer' ? (
                <span>
                  {t('recycle.restored', { name: item.name })} <Link to={`/customers/${item.id}`}>→</Link>
                </span>
              ) : (
                t('recycle.restored', { name: item.name })
              ),
          }),
        onError: (error) => void message.error(errorMessage(error, t)),
      },
    );

  const confirmPurge = (item: RecycleBinItem) => {
    void modal.confirm({
      title: t('recycle.purgeConfirm', { name: item.name }),
      okText: t('recycle.purge'),
      okButtonProps: { danger: true, ...{ 'data-testid': 'confirm-purge' } },
      cancelText: t('common.cancel'),
      onOk: () =>
        purge.mutateAsync({ type: item.type, id: item.id }).then(
          () => void message.success(t('recycle.purged', { name: item.name })),
          (error: unknown) => void message.error(errorMessage(error, t)),
        ),
    });
  };

  const columns: TableProps<RecycleBinItem>['columns'] = [
    { key: 'name', title: t('recycle.f.name'), dataIndex: 'name' },
    ...(type === 'contact' || type === 'contract'
      ? [{ key: 'parentName', title: t('recycle.f.parentName'), dataIndex: 'parentName' }]
      : []),
    {
      key: 'deletedAt',
      title: t('recycle.f.deletedAt'),
      render: (_v, item) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(item.deletedAt)}</span>,
    },
    { key: 'deletedByName', title: t('recycle.f.deletedByName'), render: (_v, item) => item.deletedByName ?? t('common.none') },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_v, item) => (
        <Flex gap={8} wrap>
          {can('recycle_bin.restore') ? (
            <Button
              size="small"
              icon={<UndoOutlined />}
              onClick={() => doRestore(item)}
              loading={restore.isPending && restore.variables.id === item.id}
              data-testid="recycle-restore"
            >
              {t('recycle.restore')}
            </Button>
          ) : null}
          {can('recycle_bin.purge') ? (
            <Button size="small" danger icon={<DeleteOutlined />} onClick={() => confirmPurge(item)} data-testid="recycle-purge">
              {isMobile ? null : t('recycle.purge')}
            </Button>
          ) : null}
        </Flex>
      ),
    },
  ];

  let body;
  if (list.isPending) body = <Skeleton active paragraph={{ rows: 6 }} />;
  else if (list.isError) body = <QueryErrorResult error={list.error} onRetry={() => void list.refetch()} />;
  else if (list.data.total === 0) body = <Empty description={t('recycle.empty')} />;
  else
    body = (
      <Table<RecycleBinItem>
        rowKey={(item) => `${item.type}-${item.id}`}
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
          showTotal: (count) => t('common.total', { total: count }),
          onChange: (p, s) => setView({ page: p, pageSize: s }),
        }}
        data-testid="recycle-table"
      />
    );

  return (
    <>
      <PageHeader title={t('recycle.title')} subTitle={t('recycle.emptyText')} />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={type}
          onChange={(key) => setView({ type: key === 'contact' ? 'contact' : 'customer' })}
          items={recycleBinTypes.map((value) => ({
            key: value,
            label: <span data-testid={`recycle-tab-${value}`}>{t(`recycle.type.${value}`)}</span>,
          }))}
        />
        {body}
      </Card>
    </>
  );
}
