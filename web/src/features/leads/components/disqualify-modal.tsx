import { Alert, App, Form, Input, Modal } from 'antd';
import { type Lead, maxLengthOf, leadDisqualify } from '@crm/contracts';
import { useState } from 'react';
import { useT } from '../../../app/i18n/i18n-context';
import { errorMessage } from '../../../shared/api/error-message';
import { applyServerErrors } from '../../../shared/form/server-errors';
import { useFocusOnOpen } from '../../../shared/hooks/use-focus-on-open';
import { testId } from '../../../shared/test-id';
import { useDisqualifyLead } from '../api';

/** A field's length limit, from the shared schema the server validates with. */
const limit = (field: string) => maxLengthOf(leadDisqualify, field);

function DisqualifyForm({ lead, onClose }: { lead: Lead; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const disqualify = useDisqualifyLead(lead.id);
  const [failure, setFailure] = useState<string | null>(null);
  useFocusOnOpen(form, 'reason');

  const submit = ({ reason }: { reason: string }) => {
    setFailure(null);
    disqualify.mutate(
      { reason: reason.trim(), version: lead.version },
      {
        onSuccess: () => {
          void message.success(t('lead.disqualified', { name: lead.name }));
          onClose();
        },
        onError: (error) => {
          applyServerErrors(form, error, (path) => [path === 'version' ? 'reason' : path]);
          setFailure(errorMessage(error, t));
        },
      },
    );
  };

  return (
    <Modal
      open
      title={t('lead.disqualifyTitle', { name: lead.name })}
      okText={t('lead.disqualify')}
      okButtonProps={{ danger: true, ...testId('lead-disqualify-submit') }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={disqualify.isPending}
      destroyOnHidden
    >
      {failure ? <Alert type="error" showIcon role="alert" title={failure} style={{ marginBottom: 16 }} /> : null}
      <Form<{ reason: string }> form={form} layout="vertical" name="lead_disqualify" onFinish={submit} requiredMark>
        <Form.Item
          name="reason"
          label={t('lead.disqualifyReason')}
          extra={t('lead.disqualifyHint')}
          rules={[
            { required: true, whitespace: true, message: t('common.required') },
            { max: limit('reason'), message: t('common.tooLong', { max: limit('reason') }) },
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 6 }}
            maxLength={limit('reason')}
            data-testid="lead-disqualify-reason"
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) form.submit();
            }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Disqualify a lead (不合格), asking the reason; it stays on record with its history. */
export function DisqualifyModal({ open, lead, onClose }: { open: boolean; lead: Lead; onClose: () => void }) {
  return open ? <DisqualifyForm lead={lead} onClose={onClose} /> : null;
}
