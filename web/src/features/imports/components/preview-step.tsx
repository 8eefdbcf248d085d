import { Alert, Button, Flex, Table, Typography, type TableProps } from 'antd';
import type { ImportJob, ImportMapping, ImportPreview } from '@crm/contracts';
import { useT } from '../../../app/i18n/i18n-context';
import { OutcomeTag } from './outcome-tag';

type PreviewRow = ImportPreview['rows'][number];

/** Step 3: the first rows as they would be imported, with each row's outcome and messages. */
export function PreviewStep({
  job,
  mapping,
  preview,
  onBack,
  onStart,
  busy,
}: {
  job: ImportJob;
  mapping: ImportMapping;
  preview: ImportPreview;
  onBack: () => void;
  onStart: () => void;
  busy: boolean;
}) {
  const t = useT();
  const labels = new Map(job.fields.map((f) => [f.key, f.label]));
  const mapped = Object.entries(mapping)
    .filter((entry): entry is [string, string] => Boolean(entry[1]))
    .map(([column, field]) => ({ index: Number(column), field }))
    .filter((m) => Number.isInteger(m.index))
    .sort((a, b) => a.index - b.index);
  const counts = { created: 0, updated: 0, skipped: 0, rejected: 0 };
  for (const row of preview.rows) counts[row.outcome] += 1;

  const columns: TableProps<PreviewRow>['columns'] = [
    { key: 'rowNo', title: '#', dataIndex: 'rowNo', width: 56, fixed: 'left' },
    { key: 'outcome', title: t('import.outcome'), render: (_v, row) => <OutcomeTag outcome={row.outcome} /> },
    {
      key: 'messages',
      title: t('import.messages'),
      render: (_v, row) =>
        row.messages.length > 0 ? (
          <ul style={{ margin: 0, paddingInlineStart: 16, minWidth: 200 }}>
            {row.messages.map((m, i) => (
              <li key={`${m.field}-${i}`}>
                <Typography.Text type={row.outcome === 'rejected' ? 'danger' : 'secondary'}>
                  {labels.has(m.field) ? `${labels.get(m.field) ?? m.field}: ` : ''}
                  {m.message}
                </Typography.Text>
              </li>
            ))}
          </ul>
        ) : null,
    },
    ...mapped.map((m) => ({
      key: `c${m.index}`,
      title: labels.get(m.field) ?? m.field,
      render: (_v: unknown, row: PreviewRow) => (
        <span style={{ whiteSpace: 'nowrap' }}>{row.values[m.index] ?? ''}</span>
      ),
    })),
  ];

  return (
    <Flex vertical gap={16}>
      <Alert
        type={counts.rejected > 0 ? 'warning' : 'info'}
        showIcon
        title={t('import.previewSummary', { shown: preview.rows.length, total: preview.totalRows, ...counts })}
      />
      <Table<PreviewRow>
        rowKey="rowNo"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={preview.rows}
        scroll={{ x: 'max-content' }}
        data-testid="import-preview-table"
      />
      <Flex justify="space-between" gap={8}>
        <Button onClick={onBack}>{t('common.back')}</Button>
        <Button type="primary" onClick={onStart} loading={busy} data-testid="import-start">
          {t('import.start', { total: preview.totalRows })}
        </Button>
      </Flex>
    </Flex>
  );
}
