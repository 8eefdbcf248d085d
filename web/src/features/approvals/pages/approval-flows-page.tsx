import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ApprovalCondition, ApprovalFlow } from '@crm/contracts';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context';
import type { Translate } from '../../../app/i18n/translate';
import { errorMessage } from '../../../shared/api/error-message';
import { enumLabel } from '../../../shared/enums/customer-enums';
import { formatMoney } from '../../../shared/format/format';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { useIsMobile } from '../../../shared/hooks/use-is-mobile';
import { PageHeader } from '../../../shared/layout/page-header';
import { QueryErrorResult } from '../../../shared/layout/results';
import { usePermissions } from '../../auth';
import { useApprovalFlows, useDeleteApprovalFlow, useSaveApprovalFlow } from '../api';
import { recordTypeLabel } from '../components/approval-bits';
import { FlowFormDrawer } from '../components/flow-form-drawer';

function conditionText(c: ApprovalCondition, t: Translate, locale: 'zh-CN' | 'en'): string {
  if (c.kind === 'discount_above') return t('flow.condText.discount_above', { value: c.percent });
  if (c.kind === 'amount_above') return t('flow.condText.amount_above', { value: formatMoney(c.amount, 'CNY', locale) });
  if (c.kind === 'credit_below') return t('flow.condText.credit_below', { value: enumLabel(t, 'credit', c.standing) });
  return t('flow.condText.over_credit_limit');
}

/** 审批流程 (settings): the flows by record type and priority, each with its conditions and steps; create, edit, switch off, delete. */
export function ApprovalFlowsPage() {
  const { t, locale } = useI18n();
  useDocumentTitle(t('flow.title'));
  const { message, modal } = App.useApp();
  const { can } = usePermissions();
  const flows = useApprovalFlows();
  const save = useSaveApprovalFlow();
  const remove = useDeleteApprovalFlow();
  const [editing, setEditing] = useState<ApprovalFlow | 'new' | null>(null);
  const editable = can('approvals.admin');
  const failed = (error: unknown) => void message.error(errorMessage(error, t));
  const recordTypes = flows.data?.recordTypes ?? ['quote'];
  const isMobile = useIsMobile();
  const conditionsLine = (f: ApprovalFlow) => {
    const conditions = f.conditions.map((c) => conditionText(c, t, locale)).join(locale === 'zh-CN' ? '；' : '; ');
    if (f.conditions.length === 0) return t('flow.noConditions');
    if (f.conditions.length === 1) return conditions;
    return `${t(`flow.match.${f.match}`)}${locale === 'zh-CN' ? '：' : ': '}${conditions}`;
  };
  const stepsText = (f: ApprovalFlow) => f.steps.map((s) => t(`flow.stepText.${s.kind}`, { name: s.name ?? '—' })).join(' → ');

  const confirmDelete = (flow: ApprovalFlow) =>
    void modal.confirm({
      title: t('flow.deleteConfirm', { name: flow.name }),
      content: t('flow.deleteHint'),
      okText: t('common.delete'),
      okButtonProps: { danger: true, ...{ 'data-testid': 'confirm-delete' } },
      cancelText: t('common.cancel'),
      onOk: () => remove.mutateAsync(flow).then(() => void message.success(t('flow.deleted', { name: flow.name })), failed),
    });

  const columns: ColumnsType<ApprovalFlow> = [
    {
      title: t('flow.f.name'),
      key: 'name',
      render: (_, f) => (
        <Flex vertical gap={2}>
          <Flex gap={6} align="center" wrap>
            <strong>{f.name}</strong>
            {f.active ? null : <Tag style={{ marginInlineEnd: 0 }}>{t('flow.inactive')}</Tag>}
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {recordTypeLabel(f.recordType, t)} · {t('flow.f.priority')} {f.priority}
          </Typography.Text>
          {isMobile ? (
            // A phone has no room for the conditions and steps columns: they follow the name in two short lines.
            <>
              <span style={{ fontSize: 12 }} data-testid="flow-row-conditions">
                {conditionsLine(f)}
              </span>
              <span style={{ fontSize: 12 }} data-testid="flow-row-steps">
                {stepsText(f)}
              </span>
            </>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('flow.f.conditions'),
      key: 'conditions',
      responsive: ['md'],
      render: (_, f) =>
        f.conditions.length === 0 ? (
          <Typography.Text type="secondary">{t('flow.noConditions')}</Typography.Text>
        ) : (
          <Flex vertical gap={2}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t(`flow.match.${f.match}`)}
            </Typography.Text>
            {f.conditions.map((c, i) => (
              <span key={i}>{conditionText(c, t, locale)}</span>
            ))}
          </Flex>
        ),
    },
    {
      title: t('flow.f.steps'),
      key: 'steps',
      responsive: ['md'],
      render: (_, f) => (
        <ol style={{ margin: 0, paddingInlineStart: 18 }}>
          {f.steps.map((s, i) => (
            <li key={i}>{t(`flow.stepText.${s.kind}`, { name: s.name ?? '—' })}</li>
          ))}
        </ol>
      ),
    },
    { title: t('flow.f.requests'), key: 'requests', align: 'right', responsive: ['md'], render: (_, f) => f.requestCount },
    {
      title: t('flow.f.active'),
      key: 'active',
      render: (_, f) => (
        <Switch
          checked={f.active}
          disabled={!editable}
          loading={save.isPending && save.variables?.id === f.id}
          aria-label={`${t('flow.f.active')}: ${f.name}`}
          onChange={(active) => save.mutate({ id: f.id, body: { version: f.version, active } }, { onError: failed })}
        />
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, f) =>
        editable ? (
          <Flex gap={4}>
            <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(f)} aria-label={`${t('common.edit')}: ${f.name}`} />
            <Button size="small" danger icon={<DeleteOutlined />} onClick={() => confirmDelete(f)} aria-label={`${t('common.delete')}: ${f.name}`} />
          </Flex>
        ) : null,
    },
  ];

  let body;
  if (flows.isError) body = <QueryErrorResult error={flows.error} onRetry={() => void flows.refetch()} />;
  else if (flows.data && flows.data.total === 0)
    body = (
      <Empty
        description={
          <div style={{ maxWidth: 480, margin: '0 auto' }}>
            <strong>{t('flow.emptyTitle')}</strong>
            <p style={{ marginTop: 8 }}>{t('flow.emptyText')}</p>
          </div>
        }
        data-testid="flows-empty"
      >
        {editable ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('flow.create')}
          </Button>
        ) : null}
      </Empty>
    );
  else
    body = (
      <Table<ApprovalFlow>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={flows.data?.items ?? []}
        loading={flows.isPending}
        // On a phone the table takes the screen's width and the name's lines wrap, instead of scrolling sideways.
        scroll={{ x: isMobile ? true : 'max-content' }}
        pagination={false}
        onRow={(f) => ({ 'data-testid': 'flow-row', 'data-name': f.name }) as React.HTMLAttributes<HTMLElement>}
        data-testid="flows-table"
      />
    );

  return (
    <>
      <PageHeader
        title={t('flow.title')}
        subTitle={t('flow.subtitle')}
        extra={
          editable ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="flow-create">
              {t('flow.create')}
            </Button>
          ) : null
        }
      />
      {body}
      <FlowFormDrawer open={editing !== null} flow={editing === 'new' || editing === null ? undefined : editing} recordTypes={recordTypes} onClose={() => setEditing(null)} />
    </>
  );
}
