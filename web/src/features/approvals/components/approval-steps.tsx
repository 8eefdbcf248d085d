import { Steps, Typography } from 'antd';
import type { ApprovalRequest, ApprovalStepStatus } from '@crm/contracts';
import { useT } from '../../../app/i18n/i18n-context';
import { formatDateTime } from '../../../shared/format/format';
import { approverLabel } from './approval-bits';

const stepState: Record<ApprovalStepStatus, 'wait' | 'process' | 'finish' | 'error'> = { waiting: 'wait', pending: 'process', approved: 'finish', rejected: 'error' };

/** A request's steps in order: who decides each, and each decision with its comment. */
export function ApprovalSteps({ request }: { request: ApprovalRequest }) {
  const t = useT();
  return (
    <Steps
      orientation="vertical"
      size="small"
      data-testid="approval-steps"
      items={request.steps.map((step) => ({
        status: request.status === 'cancelled' && step.status === 'waiting' ? 'wait' : stepState[step.status],
        title: approverLabel(step, t),
        subTitle: t(`approval.stepStatus.${step.status}`),
        content: (
          <>
            {step.decidedAt ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('approval.decidedBy', { name: step.decidedByName ?? '—', at: formatDateTime(step.decidedAt) })}
              </Typography.Text>
            ) : null}
            {step.comment ? (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid="approval-comment">
                {step.comment}
              </Typography.Paragraph>
            ) : null}
          </>
        ),
      }))}
    />
  );
}
