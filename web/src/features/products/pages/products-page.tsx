import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Popconfirm, Space, Switch, Table, Tag, TreeSelect, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Product, ProductListQuery } from '@crm/contracts';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useI18n } from '../../../app/i18n/i18n-context';
import { errorMessage } from '../../../shared/api/error-message';
import { formatMoney } from '../../../shared/format/format';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { useIsMobile } from '../../../shared/hooks/use-is-mobile';
import { FilterBar } from '../../../shared/layout/filter-bar';
import { ListEmpty } from '../../../shared/layout/list-empty';
import { PageHeader } from '../../../shared/layout/page-header';
import { QueryErrorResult } from '../../../shared/layout/results';
import { usePermissions } from '../../auth';
import { useDeleteProduct, useProductCategories, useProductList } from '../api';
import { CategoriesDrawer } from '../components/categories-drawer';
import { categoryTree } from '../components/category-tree';
import { ProductFormDrawer } from '../components/product-form-drawer';

const pageSizes = [20, 50, 100];

/** 产品: the catalogue, its categories, and (with products.edit) creating, editing and deleting. */
export function ProductsPage() {
  const { t, locale } = useI18n();
  useDocumentTitle(t('product.title'));
  const { message } = App.useApp();
  const { can } = usePermissions();
  const editable = can('products.edit');
  // Filters live in the URL: a link reproduces the view.
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const categoryId = Number(params.get('categoryId')) || undefined;
  const activeOnly = params.get('active') === 'true';
  const page = Number(params.get('page')) || 1;
  const pageSize = Number(params.get('pageSize')) || 20;
  const set = (patch: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    if (!('page' in patch)) next.delete('page');
    setParams(next, { replace: true });
  };
  const query: ProductListQuery = { q: q || undefined, categoryId, active: activeOnly ? 'true' : undefined, page, pageSize, sort: 'code' };
  const list = useProductList(query);
  const categories = useProductCategories();
  const remove = useDeleteProduct();
  const [editing, setEditing] = useState<Product | 'new' | null>(null);
  const [categoriesOpen, setCategoriesOpen] = useState(false);
  const filtered = Boolean(q || categoryId || activeOnly);
  const isMobile = useIsMobile();

  const columns: ColumnsType<Product> = [
    // On a phone the name (with the code under it), the standard price and the actions stay; an inactive product is tagged
    // under its name; the rest is in the product's drawer.
    { title: t('product.f.code'), dataIndex: 'code', key: 'code', responsive: ['md'] },
    {
      title: t('product.f.name'),
      key: 'name',
      render: (_, p) =>
        isMobile ? (
          <Flex vertical gap={2}>
            <span>{p.name}</span>
            <Flex gap={6} align="center" wrap>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {p.code}
              </Typography.Text>
              {p.active ? null : <Tag style={{ marginInlineEnd: 0 }}>{t('common.inactive')}</Tag>}
            </Flex>
          </Flex>
        ) : (
          p.name
        ),
    },
    { title: t('product.f.category'), dataIndex: 'categoryName', key: 'category', responsive: ['md'] },
    { title: t('product.f.unit'), dataIndex: 'unit', key: 'unit', responsive: ['md'] },
    { title: t('product.f.standardPrice'), key: 'price', align: 'right', render: (_, p) => formatMoney(p.standardPrice, p.currency, locale) },
    { title: t('product.f.cost'), key: 'cost', align: 'right', responsive: ['lg'], render: (_, p) => formatMoney(p.cost, p.currency, locale) },
    { title: t('product.f.taxRate'), key: 'tax', align: 'right', responsive: ['md'], render: (_, p) => `${p.taxRate}%` },
    { title: t('product.f.active'), key: 'active', responsive: ['md'], render: (_, p) => (p.active ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>) },
    ...(editable
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, p: Product) => (
              <Space>
                <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(p)} aria-label={`${t('common.edit')} ${p.name}`} />
                <Popconfirm
                  title={t('product.deleteConfirm', { name: p.name })}
                  description={t('product.deleteHint')}
                  onConfirm={() => remove.mutate(p.id, { onSuccess: () => void message.success(t('common.deleted')), onError: (error) => void message.error(errorMessage(error, t)) })}
                >
                  <Button size="small" danger icon={<DeleteOutlined />} aria-label={`${t('common.delete')} ${p.name}`} />
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  let body;
  if (list.isError) body = <QueryErrorResult error={list.error} onRetry={() => void list.refetch()} />;
  else if (list.data && list.data.total === 0 && !list.isFetching)
    body = (
      <ListEmpty
        filtered={filtered}
        filteredText={t('product.emptyFiltered')}
        onClear={() => setParams(new URLSearchParams(), { replace: true })}
        title={t('product.emptyTitle')}
        text={t('product.emptyText')}
        testId="products-empty"
      >
        {editable ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('product.create')}
          </Button>
        ) : null}
      </ListEmpty>
    );
  else
    body = (
      <Table<Product>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isPending || list.isFetching}
        // On a phone the table takes the screen's width and a long name wraps, instead of scrolling sideways.
        scroll={{ x: isMobile ? true : 'max-content' }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: pageSizes.map(String),
          showTotal: (count) => t('common.total', { total: count }),
          onChange: (p, size) => set({ page: p, pageSize: size }),
        }}
        data-testid="products-table"
      />
    );

  return (
    <>
      <PageHeader
        title={t('product.title')}
        subTitle={t('product.subtitle')}
        extra={
          <>
            <Button onClick={() => setCategoriesOpen(true)}>{t('product.categories')}</Button>
            {editable ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="product-create">
                {t('product.create')}
              </Button>
            ) : null}
          </>
        }
      />
      <FilterBar
        q={q}
        onSearch={(next) => set({ q: next })}
        placeholder={t('product.searchPlaceholder')}
        activeCount={(categoryId ? 1 : 0) + (activeOnly ? 1 : 0)}
        onClear={() => setParams(new URLSearchParams(), { replace: true })}
      >
        <TreeSelect
          value={categoryId}
          onChange={(value: number | undefined) => set({ categoryId: value })}
          treeData={categoryTree(categories.data?.items ?? [])}
          allowClear
          placeholder={t('product.anyCategory')}
          aria-label={t('product.f.category')}
          style={{ minWidth: 180 }}
          treeDefaultExpandAll
        />
        <Space>
          <Switch checked={activeOnly} onChange={(checked) => set({ active: checked ? 'true' : undefined })} aria-label={t('product.activeOnly')} />
          <Typography.Text>{t('product.activeOnly')}</Typography.Text>
        </Space>
      </FilterBar>
      {body}
      <ProductFormDrawer open={editing !== null} product={editing === 'new' || editing === null ? undefined : editing} onClose={() => setEditing(null)} />
      <CategoriesDrawer open={categoriesOpen} editable={editable} onClose={() => setCategoriesOpen(false)} />
    </>
  );
}
