import { Alert, Button, Flex, Radio, Select, Table, Typography, type TableProps } from 'antd';
import type { DuplicateMode, ImportJob, ImportMapping } from '@crm/contracts';
import { duplicateModesOf } from '@crm/contracts';
import { useT } from '../../../app/i18n/i18n-context';
import { useIsMobile } from '../../../shared/hooks/use-is-mobile';

interface ColumnRow {
  index: number;
  header: string;
  samples: string[];
}

/** The required fields no column is mapped to. */
export function missingRequired(job: ImportJob, mapping: ImportMapping): string[] {
  const mapped = new Set(Object.values(mapping).filter((v): v is string => Boolean(v)));
  return job.fields.filter((f) => f.required && !mapped.has(f.key)).map((f) => f.label);
}

/** Step 2: each detected column -> a field (prefilled with the suggestion), and the duplicate mode. */
export function MappingStep({
  job,
  mapping,
  duplicateMode,
  onMapping,
  onDuplicateMode,
  onBack,
  onNext,
  busy,
}: {
  job: ImportJob;
  mapping: ImportMapping;
  duplicateMode: DuplicateMode;
  onMapping: (mapping: ImportMapping) => void;
  onDuplicateMode: (mode: DuplicateMode) => void;
  onBack: () => void;
  onNext: () => void;
  busy: boolean;
}) {
  const t = useT();
  const isMobile = useIsMobile();
  const rows: ColumnRow[] = job.headers.map((header, index) => ({
    index,
    header,
    samples: job.sampleRows.map((row) => row[index] ?? '').filter((v) => v !== '').slice(0, 3),
  }));
  const fieldOptions = job.fields.map((f) => ({ value: f.key, label: f.required ? `${f.label} *` : f.label }));
  const used = new Map<string, number>();
  for (const value of Object.values(mapping)) if (value) used.set(value, (used.get(value) ?? 0) + 1);
  const missing = missingRequired(job, mapping);
  const doubled = [...used.entries()].filter(([, n]) => n > 1).map(([key]) => job.fields.find((f) => f.key === key)?.label ?? key);

  const columns: TableProps<ColumnRow>['columns'] = [
    {
      key: 'header',
      title: t('import.column'),
      render: (_v, row) => (
        <Flex vertical>
          <Typography.Text strong>{row.header || t('import.columnNo', { n: row.index + 1 })}</Typography.Text>
          {isMobile ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{row.samples.join(' · ')}</Typography.Text> : null}
        </Flex>
      ),
    },
    ...(isMobile
      ? []
      : [
          {
            key: 'samples',
            title: t('import.samples'),
            render: (_v: unknown, row: ColumnRow) => (
              <Typography.Text type="secondary" ellipsis style={{ maxWidth: 280 }}>
                {row.samples.join(' · ') || t('common.none')}
              </Typography.Text>
            ),
          },
        ]),
    {
      key: 'field',
      title: t('import.field'),
      width: isMobile ? 170 : 260,
      render: (_v, row) => {
        const value = mapping[String(row.index)] ?? null;
        return (
          <Select
            value={value ?? ''}
            style={{ width: '100%' }}
            showSearch={{ optionFilterProp: 'label' }}
            status={value && (used.get(value) ?? 0) > 1 ? 'warning' : undefined}
            options={[{ value: '', label: t('import.ignore') }, ...fieldOptions]}
            onChange={(next: string) => onMapping({ ...mapping, [String(row.index)]: next === '' ? null : next })}
            aria-label={t('import.fieldFor', { column: row.header })}
            data-testid={`import-map-${row.index}`}
          />
        );
      },
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Typography.Text type="secondary">
        {t('import.fileInfo', {
          name: job.fileName,
          rows: job.totalRows,
          format: job.format === 'xlsx' ? 'Excel' : `CSV ${job.encoding ?? ''} ${delimiterName(job.delimiter, t)}`,
        })}
      </Typography.Text>
      <Table<ColumnRow>
        rowKey="index"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        data-testid="import-mapping"
      />
      {missing.length > 0 ? (
        <Alert type="warning" showIcon title={t('import.missingRequired', { fields: missing.join(', ') })} data-testid="import-missing" />
      ) : null}
      {doubled.length > 0 ? <Alert type="warning" showIcon title={t('import.mappedTwice', { fields: doubled.join(', ') })} /> : null}
      <Flex vertical gap={8}>
        <Typography.Text strong>{t('import.duplicateMode')}</Typography.Text>
        <Radio.Group value={duplicateMode} onChange={(event) => onDuplicateMode(event.target.value as DuplicateMode)} data-testid="import-duplicate-mode">
          <Flex vertical gap={6}>
            {duplicateModesOf(job.entity).map((mode) => (
              <Radio key={mode} value={mode} data-testid={`import-mode-${mode}`}>
                <Typography.Text strong>{t(`import.mode.${mode}`)}</Typography.Text>{' '}
                <Typography.Text type="secondary">{t(job.entity === 'purchases' ? `import.modeHint.purchases.${mode}` : `import.modeHint.${mode}`)}</Typography.Text>
              </Radio>
            ))}
          </Flex>
        </Radio.Group>
      </Flex>
      <Flex justify="space-between" gap={8}>
        <Button onClick={onBack}>{t('import.otherFile')}</Button>
        <Button type="primary" onClick={onNext} loading={busy} disabled={missing.length > 0} data-testid="import-preview">
          {t('import.toPreview')}
        </Button>
      </Flex>
    </Flex>
  );
}

function delimiterName(delimiter: string | null, t: ReturnType<typeof useT>): string {
  if (delimiter === '\t') return t('import.delimiter.tab');
  if (delimiter === ';') return t('import.delimiter.semicolon');
  if (delimiter === ',') return t('import.delimiter.comma');
  return '';
}
