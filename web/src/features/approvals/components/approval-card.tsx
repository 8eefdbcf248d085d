import { Alert, Button, Card, Collapse, Flex, Skeleton, Typography } from 'antd';
import type { ApprovalDecisionKind, ApprovalRequest } from '@crm/contracts';
import { useState, type ReactNode } from 'react';
import { useT } from '../../../app/i18n/i18n-context';
import { formatDateTime } from '../../../shared/format/format';
import { QueryErrorResult } from '../../../shared/layout/results';
import { useRecordApprovals } from '../api';
import { ApprovalStatusTag } from './approval-bits';
import { ApprovalSteps } from './approval-steps';
import { DecisionDialog } from './decision-dialog';

/** The latest request's state in one line: waiting, approved, rejected with the reason, withdrawn. */
function Summary({ request }: { request: ApprovalRequest }) {
  const t = useT();
  const flow = request.flowName;
  if (request.status === 'pending') return <Alert type="info" showIcon title={t('approval.cardWaiting', { flow })} />;
  if (request.status === 'approved') return <Alert type="success" showIcon title={t('approval.cardApproved', { flow })} />;
  if (request.status === 'rejected') {
    const comment = request.steps.find((s) => s.status === 'rejected')?.comment ?? '';
    return <Alert type="error" showIcon title={t('approval.cardRejected', { flow, comment })} />;
  }
  return <Alert type="warning" showIcon title={t('approval.cardCancelled', { flow })} />;
}

/**
 * A record's approval card (the quote page shows it): whether a flow applies and the record must
 * wait for it (`draft`: the record could be submitted now), the current request's steps and
 * decisions, approve / reject for its approver, and the earlier requests.
 */
export function ApprovalCard({ recordType, recordId, draft }: { recordType: string; recordId: number; draft: boolean }) {
  const t = useT();
  const approvals = useRecordApprovals(recordType, recordId);
  const [deciding, setDeciding] = useState<{ request: ApprovalRequest; decision: ApprovalDecisionKind } | null>(null);

  // Nothing to say about a record that was never submitted and cannot be now.
  if (!draft && approvals.data?.items.length === 0) return null;
  let body: ReactNode;
  if (approvals.isPending) body = <Skeleton active paragraph={{ rows: 2 }} />;
  else if (approvals.isError) body = <QueryErrorResult error={approvals.error} onRetry={() => void approvals.refetch()} />;
  else {
    const [latest, ...earlier] = approvals.data.items;
    const requirement = approvals.data.requirement ?? null;
    const showLatest = latest && !(draft && latest.status === 'cancelled');
    body = (
      <Flex vertical gap={12}>
        {draft ? (
          requirement ? (
            <Alert type="warning" showIcon title={t('approval.cardRequired', { flow: requirement.flowName })} data-testid="approval-required" />
          ) : (
            <Typography.Text type="secondary" data-testid="approval-not-required">
              {t('approval.cardNone')}
            </Typography.Text>
          )
        ) : null}
        {showLatest ? (
          <>
            <Summary request={latest} />
            <Flex gap={8} wrap align="center">
              <ApprovalStatusTag status={latest.status} />
              <Typography.Text type="secondary">
                {latest.submittedByName} · {formatDateTime(latest.submittedAt)}
              </Typography.Text>
            </Flex>
            <ApprovalSteps request={latest} />
            {latest.can.decide ? (
              <Flex gap={8} wrap>
                <Button type="primary" onClick={() => setDeciding({ request: latest, decision: 'approve' })} data-testid="approval-approve">
                  {t('approval.approve')}
                </Button>
                <Button danger onClick={() => setDeciding({ request: latest, decision: 'reject' })} data-testid="approval-reject">
                  {t('approval.reject')}
                </Button>
              </Flex>
            ) : null}
          </>
        ) : null}
        {earlier.length > 0 || (latest && !showLatest) ? (
          <Collapse
            size="small"
            items={[
              {
                key: 'history',
                label: t('approval.history'),
                children: (
                  <Flex vertical gap={12}>
                    {(showLatest ? earlier : approvals.data.items).map((r) => (
                      <div key={r.id}>
                        <Flex gap={8} wrap align="center" style={{ marginBottom: 8 }}>
                          <ApprovalStatusTag status={r.status} />
                          <span>{r.flowName}</span>
                          <Typography.Text type="secondary">{formatDateTime(r.submittedAt)}</Typography.Text>
                        </Flex>
                        <ApprovalSteps request={r} />
                      </div>
                    ))}
                  </Flex>
                ),
              },
            ]}
          />
        ) : null}
      </Flex>
    );
  }

  return (
    <Card size="small" title={t('approval.card')} data-testid="approval-card">
      {body}
      {deciding ? <DecisionDialog request={deciding.request} decision={deciding.decision} onClose={() => setDeciding(null)} /> : null}
    </Card>
  );
}
