import { CodeOutlined, DeleteOutlined, EditOutlined, ExportOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Input, Modal, Skeleton, Table, Tag, Typography, type TableProps } from 'antd';
import type { LeadForm } from '@crm/contracts';
import { useState, type HTMLAttributes } from 'react';
import { useT } from '../../../app/i18n/i18n-context';
import { errorMessage } from '../../../shared/api/error-message';
import { formatDateTime } from '../../../shared/format/format';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { useIsMobile } from '../../../shared/hooks/use-is-mobile';
import { PageHeader } from '../../../shared/layout/page-header';
import { QueryErrorResult } from '../../../shared/layout/results';
import { usePermissions } from '../../auth';
import { useSourceLabels } from '../../leads';
import { useDeleteLeadForm, useLeadForms } from '../api';
import { CopyButton } from '../components/copy-button';
import { WebFormDrawer } from '../components/web-form-drawer';

/** The public address of a form: the server gives a path (`/f/<token>`), shown with this site's origin. */
export function publicUrl(form: Pick<LeadForm, 'url'>): string {
  return /^https?:\/\//i.test(form.url) ? form.url : `${window.location.origin}${form.url}`;
}

function FormLink({ form }: { form: LeadForm }) {
  const t = useT();
  const url = publicUrl(form);
  return (
    <Flex vertical gap={4} style={{ minWidth: 0 }}>
      <Typography.Text code ellipsis style={{ maxWidth: 280 }} data-testid="web-form-url">
        {url}
      </Typography.Text>
      <Flex gap={4} wrap>
        <CopyButton size="small" text={url} label={t('webForm.copyLink')} data-testid="web-form-copy-link" />
        <Button size="small" icon={<ExportOutlined />} href={url} target="_blank" rel="noopener noreferrer" data-testid="web-form-open">
          {t('webForm.open')}
        </Button>
      </Flex>
    </Flex>
  );
}

function EmbedModal({ form, onClose }: { form: LeadForm; onClose: () => void }) {
  const t = useT();
  return (
    <Modal
      open
      title={t('webForm.embedTitle', { name: form.name })}
      onCancel={onClose}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.close')}</Button>
          <CopyButton type="primary" text={form.embedHtml} label={t('webForm.copyCode')} data-testid="web-form-copy-embed" />
        </Flex>
      }
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('webForm.embedHint')}</Typography.Paragraph>
      <Input.TextArea
        readOnly
        value={form.embedHtml}
        autoSize={{ minRows: 3, maxRows: 8 }}
        style={{ fontFamily: 'monospace', fontSize: 12 }}
        onFocus={(event) => event.target.select()}
        data-testid="web-form-embed-code"
      />
    </Modal>
  );
}

/** 网站表单: forms to put on a website; each submission becomes a lead (assigned by the rules). */
export function LeadFormsPage() {
  const t = useT();
  useDocumentTitle(t('webForm.title'));
  const isMobile = useIsMobile();
  const { modal, message } = App.useApp();
  const { can } = usePermissions();
  const editable = can('settings.edit');
  const forms = useLeadForms();
  const sources = useSourceLabels();
  const remove = useDeleteLeadForm();
  const [drawer, setDrawer] = useState<{ open: boolean; editing?: LeadForm }>({ open: false });
  const [embedding, setEmbedding] = useState<LeadForm | null>(null);

  const confirmDelete = (form: LeadForm) =>
    void modal.confirm({
      title: t('webForm.deleteConfirm', { name: form.name }),
      content: t('webForm.deleteText'),
      okText: t('common.delete'),
      okButtonProps: { danger: true, ...{ 'data-testid': 'web-form-delete-confirm' } },
      cancelText: t('common.cancel'),
      onOk: () =>
        remove.mutateAsync(form.id).then(
          () => void message.success(t('webForm.deleted', { name: form.name })),
          (error: unknown) => void message.error(errorMessage(error, t)),
        ),
    });

  const actions = (form: LeadForm) => (
    <Flex gap={4} wrap>
      <Button size="small" icon={<CodeOutlined />} onClick={() => setEmbedding(form)} data-testid="web-form-embed">
        {t('webForm.embed')}
      </Button>
      {editable ? (
        <>
          <Button size="small" icon={<EditOutlined />} onClick={() => setDrawer({ open: true, editing: form })} data-testid="web-form-edit">
            {t('common.edit')}
          </Button>
          <Button size="small" danger icon={<DeleteOutlined />} onClick={() => confirmDelete(form)} aria-label={t('common.delete')} data-testid="web-form-delete" />
        </>
      ) : null}
    </Flex>
  );

  const nameCell = (form: LeadForm) => (
    <Flex vertical style={{ minWidth: 0 }}>
      <Typography.Text strong>{form.name}</Typography.Text>
      {form.title ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {form.title}
        </Typography.Text>
      ) : null}
    </Flex>
  );
  const activeTag = (form: LeadForm) =>
    form.active ? <Tag color="green">{t('webForm.active')}</Tag> : <Tag>{t('webForm.inactive')}</Tag>;

  const columns: TableProps<LeadForm>['columns'] = [
    { key: 'name', title: t('webForm.f.name'), render: (_v, form) => nameCell(form) },
    { key: 'active', title: t('webForm.f.active'), render: (_v, form) => activeTag(form) },
    { key: 'source', title: t('webForm.f.source'), render: (_v, form) => sources.label(form.source) },
    {
      key: 'submissions',
      title: t('webForm.submissions'),
      align: 'right',
      render: (_v, form) => <span data-testid="web-form-submissions">{form.submissionCount.toLocaleString()}</span>,
    },
    { key: 'link', title: t('webForm.link'), render: (_v, form) => <FormLink form={form} /> },
    {
      key: 'updatedAt',
      title: t('common.updatedAt'),
      render: (_v, form) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(form.updatedAt)}</span>,
    },
    { key: 'actions', title: t('common.actions'), render: (_v, form) => actions(form) },
  ];

  const createButton = editable ? (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ open: true })} data-testid="web-form-create">
      {t('webForm.create')}
    </Button>
  ) : null;

  let body;
  if (forms.isPending) body = <Skeleton active paragraph={{ rows: 6 }} />;
  else if (forms.isError) body = <QueryErrorResult error={forms.error} onRetry={() => void forms.refetch()} />;
  else if (forms.data.items.length === 0)
    body = (
      <Empty
        description={
          <div style={{ maxWidth: 480, margin: '0 auto' }}>
            <strong>{t('webForm.emptyTitle')}</strong>
            <p style={{ marginTop: 8 }}>{t('webForm.emptyText')}</p>
          </div>
        }
        data-testid="web-forms-empty"
      >
        {createButton}
      </Empty>
    );
  else if (isMobile)
    body = (
      <Flex vertical gap={8} data-testid="web-form-cards">
        {forms.data.items.map((form) => (
          <Card key={form.id} size="small" data-testid="web-form-row">
            <Flex justify="space-between" gap={8} align="start">
              {nameCell(form)}
              {activeTag(form)}
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', margin: '4px 0 8px' }}>
              {sources.label(form.source)} · {t('webForm.submissionCount', { count: form.submissionCount })}
            </Typography.Text>
            <FormLink form={form} />
            <div style={{ marginTop: 8 }}>{actions(form)}</div>
          </Card>
        ))}
      </Flex>
    );
  else
    body = (
      <Table<LeadForm>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={forms.data.items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        onRow={() => ({ 'data-testid': 'web-form-row' }) as HTMLAttributes<HTMLElement>}
        data-testid="web-form-table"
      />
    );

  return (
    <>
      <PageHeader title={t('webForm.title')} subTitle={t('webForm.subtitle')} extra={createButton} />
      <Card styles={{ body: { padding: isMobile ? 12 : 24 } }}>{body}</Card>
      <WebFormDrawer open={drawer.open} editing={drawer.editing} onClose={() => setDrawer({ open: false })} />
      {embedding ? <EmbedModal form={embedding} onClose={() => setEmbedding(null)} /> : null}
    </>
  );
}
