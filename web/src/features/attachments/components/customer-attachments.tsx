import { DeleteOutlined, DownloadOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, List, Pagination, Popconfirm, Skeleton, Table, Tag, Typography, Upload, type TableProps } from 'antd';
import type { Attachment } from '@crm/contracts';
import { useState, type HTMLAttributes } from 'react';
import { useT } from '../../../app/i18n/i18n-context';
import { errorMessage } from '../../../shared/api/error-message';
import { formatDateTime, fromNow } from '../../../shared/format/format';
import { useIsMobile } from '../../../shared/hooks/use-is-mobile';
import { QueryErrorResult } from '../../../shared/layout/results';
import { testId } from '../../../shared/test-id';
import { useAttachmentSettings } from '../../settings';
import {
  downloadHref,
  extensionOf,
  formatBytes,
  useAttachments,
  useDeleteAttachment,
  useUploadAttachment,
  type FileOwner,
} from '../api';

const pageSize = 20;

function FileName({ file }: { file: Attachment }) {
  const t = useT();
  return (
    <Flex gap={6} align="center" wrap style={{ minWidth: 0 }}>
      <PaperClipOutlined />
      <Typography.Link href={downloadHref(file.id)} download={file.fileName} style={{ overflowWrap: 'anywhere' }} data-testid="attachment-download">
        {file.fileName}
      </Typography.Link>
      {file.contactName ? <Tag style={{ marginInlineEnd: 0 }}>{t('attachments.ofContact', { name: file.contactName })}</Tag> : null}
    </Flex>
  );
}

function DeleteButton({ file, owner }: { file: Attachment; owner: FileOwner }) {
  const t = useT();
  const { message } = App.useApp();
  const remove = useDeleteAttachment(owner);
  if (!file.can.delete) return null;
  return (
    <Popconfirm
      title={t('attachments.deleteConfirm', { name: file.fileName })}
      okText={t('common.delete')}
      okButtonProps={{ danger: true, ...testId('attachment-delete-confirm') }}
      cancelText={t('common.cancel')}
      onConfirm={() =>
        remove.mutateAsync(file.id).then(
          () => void message.success(t('attachments.deleted', { name: file.fileName })),
          (error: unknown) => void message.error(errorMessage(error, t)),
        )
      }
    >
      <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} loading={remove.isPending} data-testid="attachment-delete" />
    </Popconfirm>
  );
}

/** A customer's files (and its contacts'): list, upload, download, delete. */
/** `compact`: as cards, also on a wide screen (the customer page's side column). */
export function CustomerAttachments({ customerId, canEdit, compact = false }: { customerId: number; canEdit: boolean; compact?: boolean }) {
  return <RecordAttachments owner={{ kind: 'customers', id: customerId }} canEdit={canEdit} compact={compact} />;
}

/** A contract's files (the signed scan): list, upload, download, delete. */
export function ContractAttachments({ contractId, canEdit }: { contractId: number; canEdit: boolean }) {
  return <RecordAttachments owner={{ kind: 'contracts', id: contractId }} canEdit={canEdit} emptyText="attachments.contractEmpty" />;
}

function RecordAttachments({ owner, canEdit, emptyText = 'attachments.empty', compact = false }: { owner: FileOwner; canEdit: boolean; emptyText?: 'attachments.empty' | 'attachments.contractEmpty'; compact?: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const [page, setPage] = useState(1);
  const list = useAttachments(owner, page, pageSize);
  const upload = useUploadAttachment(owner);
  // Every signed-in user may read the limits; the server checks again.
  const settings = useAttachmentSettings(true).data;

  /** The client-side check mirrors the server's: a quick hint, not the enforcement. */
  const precheck = (file: File): string | null => {
    if (!settings) return null;
    if (!settings.allowedExtensions.includes(extensionOf(file.name))) {
      return t('attachments.typeNotAllowed', { name: file.name, types: settings.allowedExtensions.join(', ') });
    }
    if (file.size > settings.maxSizeMb * 1024 * 1024) {
      return t('attachments.tooLarge', { name: file.name, max: settings.maxSizeMb });
    }
    return null;
  };

  const uploader = canEdit ? (
    <Upload
      multiple
      showUploadList={false}
      accept={settings ? settings.allowedExtensions.map((e) => `.${e}`).join(',') : undefined}
      beforeUpload={(file) => {
        const problem = precheck(file);
        if (problem) {
          void message.error({ content: problem, duration: 6 });
          return Upload.LIST_IGNORE;
        }
        return true;
      }}
      customRequest={({ file, onSuccess, onError }) => {
        if (!(file instanceof File)) return;
        upload.mutate(file, {
          onSuccess: (saved) => {
            void message.success(t('attachments.uploaded', { name: saved.fileName }));
            onSuccess?.(saved);
          },
          onError: (error) => {
            void message.error({ content: `${file.name}: ${errorMessage(error, t)}`, duration: 6 });
            onError?.(error instanceof Error ? error : new Error(String(error)));
          },
        });
      }}
    >
      <Button type="primary" icon={<UploadOutlined />} loading={upload.isPending} data-testid="attachment-upload">
        {t('attachments.upload')}
      </Button>
    </Upload>
  ) : null;

  const hint = settings ? (
    <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="attachment-hint">
      {t('attachments.hint', { max: settings.maxSizeMb, types: settings.allowedExtensions.join(', ') })}
    </Typography.Text>
  ) : null;

  let body;
  if (list.isPending) body = <Skeleton active paragraph={{ rows: 4 }} />;
  else if (list.isError) body = <QueryErrorResult error={list.error} onRetry={() => void list.refetch()} />;
  else if (list.data.total === 0)
    body = (
      <Empty description={t(emptyText)} data-testid="attachments-empty">
        {uploader}
      </Empty>
    );
  else if (isMobile || compact)
    body = (
      <Flex vertical gap={8}>
        <List<Attachment>
          dataSource={list.data.items}
          split={false}
          loading={list.isFetching}
          renderItem={(file) => (
            <List.Item style={{ padding: '0 0 8px' }}>
              <Card size="small" style={{ width: '100%' }} data-testid="attachment-row">
                <Flex justify="space-between" align="start" gap={8}>
                  <FileName file={file} />
                  <DeleteButton file={file} owner={owner} />
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatBytes(file.size)} · {file.createdByName ?? t('history.system')} · {fromNow(file.createdAt)}
                </Typography.Text>
              </Card>
            </List.Item>
          )}
        />
        {list.data.total > pageSize ? (
          <Flex justify="center">
            <Pagination simple current={page} pageSize={pageSize} total={list.data.total} onChange={setPage} />
          </Flex>
        ) : null}
      </Flex>
    );
  else {
    const columns: TableProps<Attachment>['columns'] = [
      { key: 'name', title: t('attachments.f.name'), render: (_v, file) => <FileName file={file} /> },
      { key: 'size', title: t('attachments.f.size'), dataIndex: 'size', render: (size: number) => formatBytes(size), width: 110 },
      { key: 'by', title: t('attachments.f.by'), render: (_v, file) => file.createdByName ?? t('history.system') },
      {
        key: 'at',
        title: t('attachments.f.at'),
        render: (_v, file) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(file.createdAt)}</span>,
      },
      {
        key: 'actions',
        title: t('common.actions'),
        width: 110,
        render: (_v, file) => (
          <Flex gap={4}>
            <Button
              size="small"
              type="text"
              icon={<DownloadOutlined />}
              href={downloadHref(file.id)}
              download={file.fileName}
              aria-label={t('attachments.download')}
              title={t('attachments.download')}
            />
            <DeleteButton file={file} owner={owner} />
          </Flex>
        ),
      },
    ];
    body = (
      <Table<Attachment>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data.items}
        loading={list.isFetching}
        scroll={{ x: 'max-content' }}
        onRow={() => ({ 'data-testid': 'attachment-row' }) as HTMLAttributes<HTMLElement>}
        pagination={
          list.data.total > pageSize
            ? { current: page, pageSize, total: list.data.total, onChange: setPage, showSizeChanger: false }
            : false
        }
      />
    );
  }

  const hasFiles = list.data !== undefined && list.data.total > 0;
  return (
    <Flex vertical gap={12} data-testid={owner.kind === 'customers' ? 'customer-attachments' : 'contract-attachments'}>
      {hasFiles || hint ? (
        <Flex justify="space-between" align="center" wrap gap={8}>
          {hint ?? <span />}
          {hasFiles ? uploader : null}
        </Flex>
      ) : null}
      {body}
    </Flex>
  );
}
