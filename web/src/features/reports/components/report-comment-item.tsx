import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Flex, Input, List, Tooltip, Typography } from 'antd';
import { maxLengthOf, workReportCommentUpdate, type WorkReportComment } from '@crm/contracts';
import { useState, type KeyboardEvent } from 'react';
import { useT } from '../../../app/i18n/i18n-context';
import { errorMessage } from '../../../shared/api/error-message';
import { formatDateTime } from '../../../shared/format/format';
import { testId } from '../../../shared/test-id';
import { useDeleteComment, useUpdateComment } from '../api';

const limit = maxLengthOf(workReportCommentUpdate, 'content');

/** One comment: its author may edit it in place (Esc cancels, Ctrl/⌘+Enter saves) or delete it after a confirmation. */
export function ReportCommentItem({ reportId, comment }: { reportId: number; comment: WorkReportComment }) {
  const t = useT();
  const { message, modal } = App.useApp();
  const [draft, setDraft] = useState<string | null>(null);
  const update = useUpdateComment(reportId);
  const remove = useDeleteComment(reportId);

  const save = () => {
    if (draft === null) return;
    if (draft.trim() === '') {
      void message.error(t('report.commentEmpty'));
      return;
    }
    update.mutate(
      { id: comment.id, body: { content: draft, version: comment.version } },
      {
        onSuccess: () => {
          setDraft(null);
          void message.success(t('report.commentEdited'));
        },
        onError: (error) => void message.error(errorMessage(error, t)),
      },
    );
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Escape') setDraft(null);
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      save();
    }
  };
  const confirmDelete = () =>
    void modal.confirm({
      title: t('report.commentDeleteConfirm'),
      content: t('report.deleteText'),
      okText: t('common.delete'),
      okButtonProps: { danger: true, ...testId('confirm-delete-comment') },
      cancelText: t('common.cancel'),
      onOk: () =>
        remove.mutateAsync(comment.id).then(
          () => void message.success(t('report.commentDeleted')),
          (error: unknown) => void message.error(errorMessage(error, t)),
        ),
    });

  const actions = comment.can.edit && draft === null
    ? [
        <Button key="edit" type="link" size="small" icon={<EditOutlined />} onClick={() => setDraft(comment.content)} data-testid="report-comment-edit">
          {t('common.edit')}
        </Button>,
        <Button key="delete" type="link" size="small" danger icon={<DeleteOutlined />} onClick={confirmDelete} data-testid="report-comment-delete">
          {t('common.delete')}
        </Button>,
      ]
    : [];
  return (
    <List.Item data-testid="report-comment" actions={actions} style={{ flexWrap: 'wrap' }}>
      <Flex vertical gap={2} style={{ minWidth: 0, flex: '1 1 200px' }}>
        <Flex gap={8} wrap align="baseline">
          <Typography.Text strong>{comment.authorName ?? ''}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatDateTime(comment.createdAt)}
          </Typography.Text>
          {comment.updatedAt ? (
            <Tooltip title={t('report.commentEditedAt', { at: formatDateTime(comment.updatedAt) })}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="report-comment-edited">
                {t('report.commentEditedMark')}
              </Typography.Text>
            </Tooltip>
          ) : null}
        </Flex>
        {draft === null ? (
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', marginBottom: 0 }}>{comment.content}</Typography.Paragraph>
        ) : (
          <Flex vertical gap={8}>
            <Input.TextArea
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              onKeyDown={onKeyDown}
              autoSize={{ minRows: 2, maxRows: 8 }}
              maxLength={limit}
              autoFocus
              aria-label={t('report.f.comment')}
              data-testid="report-comment-edit-input"
            />
            <Flex gap={8} justify="end">
              <Button onClick={() => setDraft(null)}>{t('common.cancel')}</Button>
              <Button type="primary" loading={update.isPending} onClick={save} data-testid="report-comment-save">
                {t('common.save')}
              </Button>
            </Flex>
          </Flex>
        )}
      </Flex>
    </List.Item>
  );
}
