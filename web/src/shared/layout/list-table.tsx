import { Table, type TableProps } from 'antd';
import type { ColumnsType, SorterResult } from 'antd/es/table/interface';
import { useT } from '../../app/i18n/i18n-context';

/** The part of a list's URL state a table reads and changes. */
export interface ListTableView<S extends string> {
  page: number;
  pageSize: number;
  sort: S;
}

/** A column's sort arrow for the view's `sort` (`name` ascending, `-name` descending). */
export function sortOrder(sort: string, key: string): 'ascend' | 'descend' | null {
  if (sort === key) return 'ascend';
  if (sort === `-${key}`) return 'descend';
  return null;
}

/** Props to spread on a sortable column. */
export function sortableColumn(sort: string, key: string) {
  return { key, sorter: true, sortOrder: sortOrder(sort, key) };
}

interface ListTableProps<T extends { id: number }, S extends string> {
  columns: ColumnsType<T>;
  items: T[];
  loading: boolean;
  total: number;
  /** The count stopped at a cap: shown as "10,000+". */
  totalCapped?: boolean;
  view: ListTableView<S>;
  /** Column keys the server sorts by; `key` ascending, `-key` descending. */
  sortKeys: readonly string[];
  defaultSort: S;
  pageSizes: readonly number[];
  onChange: (patch: Partial<ListTableView<S>>) => void;
  selectedIds?: number[];
  onSelect?: (ids: number[]) => void;
  testId: string;
}

/**
 * A list page's table: server-side sorting and paging kept in the URL state, optional row
 * selection for bulk actions, and the total (capped counts shown with "+").
 */
export function ListTable<T extends { id: number }, S extends string>(props: ListTableProps<T, S>) {
  const t = useT();
  const { view, total, totalCapped, sortKeys, defaultSort, onChange, selectedIds, onSelect } = props;

  const handleChange: TableProps<T>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') {
      const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<T> | undefined;
      const key = sortKeys.find((k) => k === s?.columnKey);
      // The sort keys are values of S by construction (`key` or `-key`).
      const sort = (s?.order && key ? (s.order === 'ascend' ? key : `-${key}`) : defaultSort) as S;
      onChange({ sort, page: 1 });
      return;
    }
    onChange({ page: pagination.current ?? 1, pageSize: pagination.pageSize ?? view.pageSize });
  };

  return (
    <Table<T>
      rowKey="id"
      size="middle"
      columns={props.columns}
      dataSource={props.items}
      loading={props.loading}
      onChange={handleChange}
      scroll={{ x: 'max-content' }}
      sortDirections={['ascend', 'descend']}
      rowSelection={selectedIds && onSelect ? { selectedRowKeys: selectedIds, onChange: (keys) => onSelect(keys.map(Number)) } : undefined}
      pagination={{
        current: view.page,
        pageSize: view.pageSize,
        total,
        showSizeChanger: true,
        pageSizeOptions: props.pageSizes.map(String),
        showTotal: (count) => t('common.total', { total: totalCapped ? `${count.toLocaleString()}+` : count }),
      }}
      data-testid={props.testId}
    />
  );
}
