import { MergeCellsOutlined } from '@ant-design/icons';
import { useQueries } from '@tanstack/react-query';
import { App, Alert, Button, Card, Collapse, Descriptions, Empty, Flex, Radio, Skeleton, Table, Tag, Typography, type TableProps } from 'antd';
import type { Customer } from '@crm/contracts';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useI18n } from '../../../app/i18n/i18n-context';
import { apiRequest, isApiError } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/api/error-message';
import { formatDateTime } from '../../../shared/format/format';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { PageHeader } from '../../../shared/layout/page-header';
import { QueryErrorResult } from '../../../shared/layout/results';
import { useActiveCustomFields, formatCustomValue, customFieldLabel } from '../../custom-fields';
import { customerFieldKinds, fieldLabel, formatFieldValue, useCustomerLists } from '../../customers';
import { useUserOptions } from '../../users';
import { useMergeCustomers } from '../api';
import { defaultChoice, mergeRows, sameValue, type MergeRow } from '../components/merge-fields';

/** "All tags" (the union), the default choice of the tags row. */
const UNION = 0;

function parseIds(text: string | null): number[] {
  const ids = (text ?? '')
    .split(',')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  return [...new Set(ids)].slice(0, 10);
}

/** Merge 2-10 customers: pick the surviving record, then each differing field's value. */
export function MergePage() {
  const { t } = useI18n();
  useDocumentTitle(t('merge.title'));
  const [search] = useSearchParams();
  const ids = parseIds(search.get('ids'));
  const queries = useQueries({
    queries: ids.map((id) => ({
      queryKey: ['customers', 'detail', id],
      queryFn: ({ signal }: { signal: AbortSignal }) => apiRequest<Customer>(`/customers/${id}`, { signal }),
    })),
  });

  if (ids.length < 2) {
    return (
      <Empty description={t('merge.needTwo')} data-testid="merge-need-two">
        <Link to="/customers">
          <Button type="primary">{t('customer.title')}</Button>
        </Link>
      </Empty>
    );
  }
  const failed = queries.find((q) => q.isError);
  if (failed) return <QueryErrorResult error={failed.error} onRetry={() => void failed.refetch()} />;
  if (queries.some((q) => q.isPending)) return <Skeleton active paragraph={{ rows: 10 }} />;
  const customers = queries.map((q) => q.data).filter((c): c is Customer => c !== undefined);
  return <MergeForm customers={customers} />;
}

function MergeForm({ customers }: { customers: Customer[] }) {
  const { t, locale } = useI18n();
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const merge = useMergeCustomers();
  const customFields = useActiveCustomFields('customer');
  const userOptions = useUserOptions().options;
  const users = useMemo(() => new Map(userOptions.map((o) => [o.value, o.label])), [userOptions]);
  const lists = useCustomerLists();
  const [survivorId, setSurvivorId] = useState<number>(() => customers[0]?.id ?? 0);
  const [choices, setChoices] = useState<Record<string, number>>({});
  const survivor = customers.find((c) => c.id === survivorId) ?? customers[0];

  const rows = useMemo(
    () => (survivor ? mergeRows(survivor.kind, customFields) : []),
    [survivor, customFields],
  );
  if (!survivor) return null;
  const ordered = [survivor, ...customers.filter((c) => c.id !== survivor.id)];
  const differing = rows.filter((row) => ordered.some((c) => !sameValue(row.read(c), row.read(survivor))));
  const identical = rows.filter((row) => !differing.includes(row));
  const kinds = new Set(customers.map((c) => c.kind));

  const label = (row: MergeRow) =>
    row.customField ? customFieldLabel(row.customField, locale) : fieldLabel(t, 'customer', row.id);
  const show = (row: MergeRow, customer: Customer) => {
    const value = row.read(customer);
    if (row.customField) return formatCustomValue(row.customField, value, t, locale, users);
    if (row.id === 'ownerId') return value === null ? t('customer.publicPool') : (customer.ownerName ?? String(value));
    // Keys of the managed lists, shown by their labels.
    if (row.id === 'industry' && typeof value === 'string' && value) return lists.industryLabel(value);
    if (row.id === 'source' && typeof value === 'string' && value) return lists.sourceLabel(value);
    return formatFieldValue(customerFieldKinds[row.id], value, t, locale, users);
  };
  const chosen = (row: MergeRow) =>
    choices[row.id] ?? (row.id === 'tags' ? UNION : defaultChoice(row, survivor, ordered));

  const submit = () => {
    const fields: Record<string, number> = {};
    for (const row of differing) {
      const choice = chosen(row);
      if (choice === UNION) continue;
      for (const key of row.keys) fields[key] = choice;
    }
    const mergedIds = ordered.filter((c) => c.id !== survivor.id).map((c) => c.id);
    void modal.confirm({
      title: t('merge.confirmTitle', { count: ordered.length, name: survivor.name }),
      content: t('merge.confirmText'),
      okText: t('merge.submit'),
      okButtonProps: { danger: true, ...{ 'data-testid': 'merge-confirm' } },
      cancelText: t('common.cancel'),
      onOk: () =>
        merge.mutateAsync({ survivorId: survivor.id, mergedIds, fields, version: survivor.version }).then(
          (saved) => {
            void message.success(t('merge.done', { count: mergedIds.length, name: saved.name }));
            void navigate(`/customers/${saved.id}`);
          },
          (error: unknown) => {
            if (isApiError(error) && error.code === 'CONFLICT') void message.error(t('merge.conflict'));
            else void message.error(errorMessage(error, t));
          },
        ),
    });
  };

  const columns: TableProps<MergeRow>['columns'] = [
    {
      key: 'field',
      title: t('merge.field'),
      fixed: 'left',
      width: 140,
      render: (_v, row) => <Typography.Text strong>{label(row)}</Typography.Text>,
    },
    ...ordered.map((customer) => ({
      key: String(customer.id),
      title: (
        <span>
          {customer.name}
          {customer.id === survivor.id ? (
            <Tag color="blue" style={{ marginInlineStart: 6 }}>
              {t('merge.survivor')}
            </Tag>
          ) : null}
        </span>
      ),
      render: (_v: unknown, row: MergeRow) => (
        <Radio
          checked={chosen(row) === customer.id}
          onChange={() => setChoices((c) => ({ ...c, [row.id]: customer.id }))}
          data-testid={`merge-choice-${row.id}-${customer.id}`}
        >
          {show(row, customer)}
        </Radio>
      ),
    })),
  ];
  if (differing.some((row) => row.id === 'tags')) {
    columns.push({
      key: 'union',
      title: t('merge.union'),
      render: (_v, row) =>
        row.id === 'tags' ? (
          <Radio checked={chosen(row) === UNION} onChange={() => setChoices((c) => ({ ...c, tags: UNION }))}>
            {[...new Set(ordered.flatMap((c) => c.tags))].join(', ')}
          </Radio>
        ) : null,
    });
  }

  return (
    <Flex vertical gap={16} data-testid="merge-page">
      <PageHeader
        title={t('merge.title')}
        subTitle={t('merge.subtitle', { count: customers.length })}
        extra={
          <Button
            type="primary"
            danger
            icon={<MergeCellsOutlined />}
            loading={merge.isPending}
            onClick={submit}
            data-testid="merge-submit"
          >
            {t('merge.submit')}
          </Button>
        }
      />
      {kinds.size > 1 ? <Alert type="warning" showIcon title={t('merge.mixedKinds')} /> : null}
      <Card size="small" title={t('merge.pickSurvivor')}>
        <Radio.Group
          value={survivor.id}
          onChange={(event) => {
            setSurvivorId(Number(event.target.value));
            setChoices({});
          }}
          style={{ width: '100%' }}
        >
          <Flex wrap gap={12}>
            {customers.map((customer) => (
              <Card key={customer.id} size="small" style={{ flex: '1 1 240px', minWidth: 0 }}>
                <Radio value={customer.id} data-testid={`merge-survivor-${customer.id}`}>
                  <Typography.Text strong>{customer.name}</Typography.Text>
                </Radio>
                <Descriptions
                  size="small"
                  column={1}
                  style={{ marginTop: 8 }}
                  items={[
                    { key: 'no', label: t('customer.f.archiveNo'), children: customer.archiveNo },
                    { key: 'owner', label: t('customer.f.ownerId'), children: customer.ownerName ?? t('customer.publicPool') },
                    { key: 'contacts', label: t('customer.contactCount'), children: customer.contactCount },
                    { key: 'updated', label: t('customer.f.updatedAt'), children: formatDateTime(customer.updatedAt) },
                  ]}
                />
              </Card>
            ))}
          </Flex>
        </Radio.Group>
      </Card>
      <Card size="small" title={t('merge.differing', { count: differing.length })}>
        {differing.length === 0 ? (
          <Typography.Text type="secondary">{t('merge.noDifferences')}</Typography.Text>
        ) : (
          <Table<MergeRow>
            rowKey="id"
            size="small"
            pagination={false}
            columns={columns}
            dataSource={differing}
            scroll={{ x: 'max-content' }}
            rowClassName={() => 'merge-row-differs'}
            onRow={() => ({ style: { background: '#fffbe6' } })}
            data-testid="merge-table"
          />
        )}
      </Card>
      {identical.length > 0 ? (
        <Collapse
          items={[
            {
              key: 'identical',
              label: t('merge.identical', { count: identical.length }),
              children: (
                <Descriptions
                  size="small"
                  column={{ xs: 1, md: 2, xl: 3 }}
                  items={identical.map((row) => ({ key: row.id, label: label(row), children: show(row, survivor) }))}
                />
              ),
            },
          ]}
        />
      ) : null}
      <Typography.Text type="secondary">{t('merge.note')}</Typography.Text>
    </Flex>
  );
}
