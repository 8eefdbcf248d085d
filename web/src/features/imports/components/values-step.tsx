import { Alert, Button, Card, Flex, Select, Table, Tag, Typography, type TableProps } from 'antd';
import type { ImportJob, ImportValueMapping, ImportValues } from '@crm/contracts';
import { useT } from '../../../app/i18n/i18n-context';

type ValueColumn = ImportValues['columns'][number];
type ValueRow = ValueColumn['values'][number];

/** The choices to send: every listed value that is not exactly an option, with the user's pick ('' left out: null). */
export function initialValueMapping(values: ImportValues): ImportValueMapping {
  const out: ImportValueMapping = {};
  for (const column of values.columns) {
    const choices: Record<string, string | null> = {};
    for (const v of column.values) if (!v.exact) choices[v.text] = v.suggested;
    if (Object.keys(choices).length > 0) out[column.field] = choices;
  }
  return out;
}

/** The suggestions, with what the user already chose for the same field and value kept (after going back to the mapping). */
export function keepChoices(initial: ImportValueMapping, chosen: ImportValueMapping): ImportValueMapping {
  const out: ImportValueMapping = {};
  for (const [field, byText] of Object.entries(initial)) {
    out[field] = Object.fromEntries(Object.entries(byText).map(([text, value]) => [text, chosen[field]?.[text] !== undefined ? (chosen[field]?.[text] ?? null) : value]));
  }
  return out;
}

/** Whether a value-mapping step has anything to ask (a value that is not exactly an option). */
export function hasValuesToMatch(values: ImportValues): boolean {
  return values.columns.some((c) => c.values.some((v) => !v.exact));
}

/**
 * Step 3: for each mapped choice column (客户类别, 客户状态...), the distinct values of the file,
 * how many rows hold each, and the option each stands for (prefilled with the suggestion).
 */
export function ValuesStep({
  job,
  values,
  choices,
  onChoices,
  onBack,
  onNext,
  busy,
}: {
  job: ImportJob;
  values: ImportValues;
  choices: ImportValueMapping;
  onChoices: (choices: ImportValueMapping) => void;
  onBack: () => void;
  onNext: () => void;
  busy: boolean;
}) {
  const t = useT();
  const unset = Object.values(choices).reduce((n, byText) => n + Object.values(byText).filter((v) => v === null).length, 0);

  const columnsOf = (column: ValueColumn): TableProps<ValueRow>['columns'] => [
    { key: 'text', title: t('import.valueInFile'), render: (_v, row) => <Typography.Text strong>{row.text}</Typography.Text> },
    { key: 'count', title: t('import.valueCount'), dataIndex: 'count', width: 80, align: 'right' },
    {
      key: 'means',
      title: t('import.valueMeans'),
      width: 240,
      render: (_v, row) => {
        if (row.exact) {
          const label = column.options.find((o) => o.value === row.suggested)?.label ?? row.text;
          return (
            <Flex gap={6} align="center">
              <Typography.Text>{label}</Typography.Text>
              <Tag color="green">{t('import.valueExact')}</Tag>
            </Flex>
          );
        }
        const value = choices[column.field]?.[row.text] ?? null;
        return (
          <Select
            value={value ?? ''}
            style={{ width: '100%' }}
            status={value === null ? 'warning' : undefined}
            options={[{ value: '', label: t('import.valueEmpty') }, ...column.options]}
            onChange={(next: string) => onChoices({ ...choices, [column.field]: { ...(choices[column.field] ?? {}), [row.text]: next === '' ? null : next } })}
            aria-label={t('import.valueFor', { value: row.text })}
            data-testid={`import-value-${column.field}-${row.text}`}
          />
        );
      },
    },
  ];

  return (
    <Flex vertical gap={16} data-testid="import-values">
      <Typography.Text type="secondary">{t('import.valuesIntro')}</Typography.Text>
      {values.columns.map((column) => (
        <Card key={column.field} size="small" title={t('import.valuesColumn', { column: job.headers[column.column] ?? '', field: column.label })}>
          <Table<ValueRow> rowKey="text" size="small" pagination={false} columns={columnsOf(column)} dataSource={column.values} scroll={{ x: 'max-content' }} />
          {column.truncated ? <Typography.Text type="secondary">{t('import.valuesTruncated', { n: column.values.length })}</Typography.Text> : null}
        </Card>
      ))}
      {unset > 0 ? <Alert type="warning" showIcon title={t('import.valuesUnset', { n: unset })} /> : null}
      <Flex justify="space-between" gap={8}>
        <Button onClick={onBack}>{t('common.back')}</Button>
        <Button type="primary" onClick={onNext} loading={busy} data-testid="import-values-next">
          {t('import.toPreview')}
        </Button>
      </Flex>
    </Flex>
  );
}
