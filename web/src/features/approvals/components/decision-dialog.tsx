import { App, Form, Input, Modal, Typography } from 'antd';
import { approvalDecision, maxLengthOf, type ApprovalDecisionKind, type ApprovalRequest } from '@crm/contracts';
import { useI18n } from '../../../app/i18n/i18n-context';
import { errorMessage } from '../../../shared/api/error-message';
import { useFormRules } from '../../../shared/form/rules';
import { useDecideApproval } from '../api';

const commentMax = maxLengthOf(approvalDecision, 'comment');

/**
 * Approve or reject the current step: says what happens next, asks for a comment (required to
 * reject), and confirms with the decision's own button.
 */
export function DecisionDialog({ request, decision, onClose }: { request: ApprovalRequest; decision: ApprovalDecisionKind; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const rules = useFormRules();
  const [form] = Form.useForm<{ comment: string }>();
  const decide = useDecideApproval();
  const record = `${request.recordNumber} ${request.recordTitle}`;
  const approving = decision === 'approve';
  const total = request.steps.length;
  const step = request.currentStep ?? total;

  const submit = (values: { comment?: string }) => {
    const comment = values.comment?.trim() ? values.comment.trim() : undefined;
    decide.mutate(
      { request, body: { decision, ...(comment ? { comment } : {}) } },
      {
        onSuccess: () => {
          void message.success(t(approving ? 'approval.approved' : 'approval.rejected', { record: request.recordNumber }));
          onClose();
        },
        onError: (error) => void message.error(errorMessage(error, t)),
      },
    );
  };

  return (
    <Modal
      open
      title={t(approving ? 'approval.approveTitle' : 'approval.rejectTitle', { record })}
      okText={t(approving ? 'approval.approve' : 'approval.reject')}
      okButtonProps={{ danger: !approving, loading: decide.isPending, ...{ 'data-testid': 'approval-confirm' } }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      data-testid="approval-dialog"
    >
      <Typography.Paragraph>
        {approving ? t('approval.approveHint', { step, total, next: t(step >= total ? 'approval.lastStep' : 'approval.nextStep') }) : t('approval.rejectHint')}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} name="approval_decision">
        <Form.Item
          name="comment"
          label={t(approving ? 'approval.commentOptional' : 'approval.comment')}
          rules={approving ? [rules.max(commentMax)] : [{ required: true, whitespace: true, message: t('approval.commentRequired') }, rules.max(commentMax)]}
        >
          <Input.TextArea rows={3} maxLength={commentMax} data-testid="approval-comment-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
