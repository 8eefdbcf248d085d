import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { PriceList } from '@crm/contracts';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context';
import { errorMessage } from '../../../shared/api/error-message';
import { enumLabel } from '../../../shared/enums/customer-enums';
import { formatDate } from '../../../shared/format/format';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { ListEmpty } from '../../../shared/layout/list-empty';
import { PageHeader } from '../../../shared/layout/page-header';
import { QueryErrorResult } from '../../../shared/layout/results';
import { usePermissions } from '../../auth';
import { useDeletePriceList, usePriceLists } from '../api';
import { PriceListDrawer } from '../components/price-list-drawer';

/** 价格表: prices per customer category and province, with validity dates. */
export function PriceListsPage() {
  const { t } = useI18n();
  useDocumentTitle(t('priceList.title'));
  const { message } = App.useApp();
  const { can } = usePermissions();
  const editable = can('products.edit');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const lists = usePriceLists(page, pageSize);
  const remove = useDeletePriceList();
  const [editing, setEditing] = useState<number | 'new' | null>(null);

  const validity = (l: PriceList) =>
    l.validFrom || l.validTo ? `${l.validFrom ? formatDate(l.validFrom) : '…'} – ${l.validTo ? formatDate(l.validTo) : '…'}` : t('priceList.always');
  const columns: ColumnsType<PriceList> = [
    { title: t('priceList.f.name'), dataIndex: 'name', key: 'name' },
    { title: t('priceList.f.customerCategory'), key: 'category', render: (_, l) => (l.customerCategory ? enumLabel(t, 'category', l.customerCategory) : t('priceList.anyCustomer')) },
    // On a phone the name, category, state and actions stay; the rest is in the list's drawer.
    { title: t('priceList.f.province'), key: 'province', responsive: ['md'], render: (_, l) => l.province ?? t('priceList.anyCustomer') },
    { title: t('priceList.f.validFrom'), key: 'validity', responsive: ['md'], render: (_, l) => validity(l) },
    { title: t('priceList.f.itemCount'), dataIndex: 'itemCount', key: 'items', align: 'right', responsive: ['md'] },
    { title: t('priceList.f.active'), key: 'active', render: (_, l) => (l.active ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>) },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, l) =>
        editable ? (
        <Space>
          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(l.id)} aria-label={`${t('common.edit')} ${l.name}`} />
            <Popconfirm
              title={t('priceList.deleteConfirm', { name: l.name })}
              onConfirm={() => remove.mutate(l.id, { onSuccess: () => void message.success(t('common.deleted')), onError: (error) => void message.error(errorMessage(error, t)) })}
            >
              <Button size="small" danger icon={<DeleteOutlined />} aria-label={`${t('common.delete')} ${l.name}`} />
            </Popconfirm>
        </Space>
        ) : null,
    },
  ];

  let body;
  if (lists.isError) body = <QueryErrorResult error={lists.error} onRetry={() => void lists.refetch()} />;
  else if (lists.data && lists.data.total === 0)
    body = (
      <ListEmpty filtered={false} filteredText="" onClear={() => undefined} title={t('priceList.emptyTitle')} text={t('priceList.emptyText')} testId="price-lists-empty">
        {editable ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('priceList.create')}
          </Button>
        ) : null}
      </ListEmpty>
    );
  else
    body = (
      <Table<PriceList>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={lists.data?.items ?? []}
        loading={lists.isPending || lists.isFetching}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: page,
          pageSize,
          total: lists.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (count) => t('common.total', { total: count }),
          onChange: (p, size) => {
            setPage(p);
            setPageSize(size);
          },
        }}
        data-testid="price-lists-table"
      />
    );

  return (
    <>
      <PageHeader
        title={t('priceList.title')}
        subTitle={t('priceList.subtitle')}
        extra={
          editable ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="price-list-create">
              {t('priceList.create')}
            </Button>
          ) : null
        }
      />
      {body}
      <PriceListDrawer open={editing !== null} id={typeof editing === 'number' ? editing : undefined} onClose={() => setEditing(null)} />
    </>
  );
}
