import { Alert, Button, Checkbox, Flex, Table, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import type { ImportJob, ImportMapping, ImportPreview } from '@crm/contracts';
import { useT } from '../../../app/i18n/i18n-context';
import { OutcomeTag } from './outcome-tag';

type PreviewRow = ImportPreview['rows'][number];

interface Reason {
  text: string;
  count: number;
  rows: number[];
}

/** The messages of the rows that match, grouped by what they say (field and message), most frequent first. */
export function groupReasons(rows: PreviewRow[], labels: Map<string, string>, pick: (row: PreviewRow) => PreviewRow['messages']): Reason[] {
  const groups = new Map<string, Reason>();
  for (const row of rows) {
    for (const m of pick(row)) {
      const text = labels.has(m.field) ? `${labels.get(m.field) ?? m.field}: ${m.message}` : m.message;
      const group = groups.get(text) ?? { text, count: 0, rows: [] };
      if (!group.rows.includes(row.rowNo)) {
        group.count += 1;
        group.rows.push(row.rowNo);
      }
      groups.set(text, group);
    }
  }
  return [...groups.values()].sort((a, b) => b.count - a.count);
}

function ReasonList({ reasons }: { reasons: Reason[] }) {
  const t = useT();
  return (
    <ul style={{ margin: 0, paddingInlineStart: 20 }}>
      {reasons.map((r) => (
        <li key={r.text}>
          {r.text} <Typography.Text type="secondary">{t('import.reasonRows', { count: r.count, rows: r.rows.slice(0, 5).join(', ') })}</Typography.Text>
        </li>
      ))}
    </ul>
  );
}

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
  const [confirmed, setConfirmed] = useState(false);
  const labels = new Map(job.fields.map((f) => [f.key, f.label]));
  const mapped = Object.entries(mapping)
    .filter((entry): entry is [string, string] => Boolean(entry[1]))
    .map(([column, field]) => ({ index: Number(column), field }))
    .filter((m) => Number.isInteger(m.index))
    .sort((a, b) => a.index - b.index);
  const counts = { created: 0, updated: 0, skipped: 0, rejected: 0 };
  for (const row of preview.rows) counts[row.outcome] += 1;
  // Say why rows are refused before anything starts; when every previewed row is, starting needs a confirmation.
  const rejectedReasons = groupReasons(preview.rows.filter((r) => r.outcome === 'rejected'), labels, (r) => r.messages.filter((m) => !m.warning));
  const warned = preview.rows.filter((r) => r.outcome !== 'rejected' && r.messages.some((m) => m.warning));
  const warningReasons = groupReasons(warned, labels, (r) => r.messages.filter((m) => m.warning));
  const allRejected = preview.rows.length > 0 && counts.rejected === preview.rows.length;

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
                <Typography.Text type={row.outcome === 'rejected' && !m.warning ? 'danger' : m.warning ? 'warning' : 'secondary'}>
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
      {rejectedReasons.length > 0 ? (
        <Alert
          type="error"
          showIcon
          title={t('import.rejectedWhy', { rejected: counts.rejected, shown: preview.rows.length })}
          description={<ReasonList reasons={rejectedReasons} />}
          data-testid="import-rejected-reasons"
        />
      ) : null}
      {warningReasons.length > 0 ? (
        <Alert type="warning" showIcon title={t('import.warningsWhy', { count: warned.length })} description={<ReasonList reasons={warningReasons} />} data-testid="import-warning-reasons" />
      ) : null}
      {allRejected ? (
        <Flex vertical gap={8}>
          <Typography.Text type="danger">{t('import.allRejected')}</Typography.Text>
          <Checkbox checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} data-testid="import-start-anyway">
            {t('import.startAnyway')}
          </Checkbox>
        </Flex>
      ) : null}
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
        <Button type="primary" onClick={onStart} loading={busy} disabled={allRejected && !confirmed} data-testid="import-start">
          {t('import.start', { total: preview.totalRows })}
        </Button>
      </Flex>
    </Flex>
  );
}
