import { DownloadOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import type { ExportEntity, ExportParams } from '@crm/contracts';
import { useT } from '../../../app/i18n/i18n-context';
import { API_BASE, buildQuery } from '../../../shared/api/client';
import { usePermissions } from '../../auth';

/** The download address of a list export: the list's filters and sort, the visible columns, a format. */
export function exportHref(entity: ExportEntity, format: NonNullable<ExportParams['format']>, filters: Record<string, unknown>, columns?: string[]): string {
  const { page: _page, pageSize: _pageSize, ...rest } = filters;
  return `${API_BASE}/${entity}/export${buildQuery({ ...rest, format, columns: columns && columns.length > 0 ? columns : undefined })}`;
}

/**
 * Export of the current list view as CSV or Excel: plain links, so the browser downloads the file
 * itself (the server streams it). Hidden without the export right.
 */
export function ExportButton({
  entity,
  filters,
  columns,
  disabled,
}: {
  entity: ExportEntity;
  filters: Record<string, unknown>;
  columns?: string[];
  disabled?: boolean;
}) {
  const t = useT();
  const { can } = usePermissions();
  if (!can(`${entity}.export`)) return null;
  const items = [
    { key: 'csv', label: t('export.csv') },
    { key: 'xlsx', label: t('export.xlsx') },
  ] as const;
  return (
    <Dropdown
      disabled={disabled}
      trigger={['click']}
      menu={{
        items: items.map((item) => ({
          key: item.key,
          label: (
            <a href={exportHref(entity, item.key, filters, columns)} download data-testid={`export-${item.key}`}>
              {item.label}
            </a>
          ),
        })),
      }}
    >
      <Button icon={<DownloadOutlined />} data-testid={`${entity === 'customers' ? 'customer' : 'contact'}-export`}>
        {t('export.button')}
      </Button>
    </Dropdown>
  );
}
