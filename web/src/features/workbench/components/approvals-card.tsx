import { Flex, Typography } from 'antd';
import type { ApprovalRequest, Workbench } from '@crm/contracts';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../app/i18n/i18n-context';
import { formatDateTime, formatMoney, fromNow } from '../../../shared/format/format';
import { recordPath } from '../../approvals';
import { WorkbenchCard } from './workbench-card';

/** 待我审批: requests waiting for my decision, oldest first; each opens its record, where it is decided. */
export function ApprovalsCard({ section }: { section: Workbench['approvals'] | undefined }) {
  const { t, locale } = useI18n();
  return (
    <WorkbenchCard<ApprovalRequest>
      title={t('workbench.approvals.title')}
      testId="workbench-approvals"
      section={section}
      rowKey={(r) => r.id}
      empty={t('workbench.approvals.empty')}
      more="/approvals"
      renderItem={(r) => (
        <Flex vertical gap={2} style={{ minWidth: 0 }}>
          <Link to={recordPath(r.recordType, r.recordId)} style={{ fontWeight: 500, overflowWrap: 'anywhere' }}>
            {r.recordNumber} {r.recordTitle}
          </Link>
          <Flex gap={8} wrap style={{ fontSize: 13 }}>
            {r.customerName ? <Typography.Text>{r.customerName}</Typography.Text> : null}
            <Typography.Text>{formatMoney(r.amount, r.currency, locale)}</Typography.Text>
            <Typography.Text type="secondary" title={r.waitingSince ? formatDateTime(r.waitingSince) : undefined}>
              {t('workbench.approvals.since', { by: r.submittedByName ?? '', when: fromNow(r.waitingSince ?? r.submittedAt) })}
            </Typography.Text>
          </Flex>
        </Flex>
      )}
    />
  );
}
