import { Flex, Typography } from 'antd';
import type { Workbench, WorkbenchDueCustomer, WorkbenchPoolRisk } from '@crm/contracts';
import { Link } from 'react-router-dom';
import { useT } from '../../../app/i18n/i18n-context';
import { formatDate, formatDateTime } from '../../../shared/format/format';
import { usePermissions } from '../../auth';
import { WorkbenchCard } from './workbench-card';

/** The customer list filtered to my customers. */
function useMyCustomersPath(): string {
  const { me } = usePermissions();
  return me ? `/customers?ownerId=${me.user.id}` : '/customers';
}

/** 待跟进客户: my customers whose planned next follow-up is today or past. */
export function DueCustomersCard({ section }: { section: Workbench['dueCustomers'] | undefined }) {
  const t = useT();
  const mine = useMyCustomersPath();
  return (
    <WorkbenchCard<WorkbenchDueCustomer>
      title={t('workbench.due.title')}
      testId="workbench-due-customers"
      section={section ?? undefined}
      rowKey={(c) => c.id}
      empty={t('workbench.due.empty')}
      more={mine}
      renderItem={(c) => (
        <Flex vertical gap={2} style={{ minWidth: 0 }}>
          <Link to={`/customers/${c.id}`} style={{ fontWeight: 500, overflowWrap: 'anywhere' }}>{c.name}</Link>
          <Flex gap={8} wrap style={{ fontSize: 13 }}>
            <Typography.Text type={c.overdue ? 'danger' : 'secondary'}>{t(c.overdue ? 'workbench.due.overdue' : 'workbench.due.today', { date: formatDate(c.nextOn) })}</Typography.Text>
            {c.nextAction ? <Typography.Text style={{ overflowWrap: 'anywhere' }}>{c.nextAction}</Typography.Text> : null}
          </Flex>
        </Flex>
      )}
    />
  );
}

/** 即将退回公海: my customers the pool rules give back soon, and why. */
export function PoolRiskCard({ section }: { section: Workbench['poolRisk'] | undefined }) {
  const t = useT();
  const mine = useMyCustomersPath();
  const empty = section && !section.enabled ? t('workbench.pool.off') : t('workbench.pool.empty', { days: section?.warnDays ?? 0 });
  return (
    <WorkbenchCard<WorkbenchPoolRisk>
      title={t('workbench.pool.title')}
      testId="workbench-pool-risk"
      section={section ?? undefined}
      rowKey={(c) => c.id}
      empty={empty}
      more={mine}
      renderItem={(c) => (
        <Flex vertical gap={2} style={{ minWidth: 0 }}>
          <Link to={`/customers/${c.id}`} style={{ fontWeight: 500, overflowWrap: 'anywhere' }}>{c.name}</Link>
          <Flex gap={8} wrap style={{ fontSize: 13 }}>
            <Typography.Text type="danger" title={formatDateTime(c.dueAt)}>
              {c.daysLeft === 0 ? t('workbench.pool.now') : t('workbench.pool.daysLeft', { n: c.daysLeft })}
            </Typography.Text>
            <Typography.Text type="secondary">{t(`timeline.reason.${c.reason}`)}</Typography.Text>
          </Flex>
        </Flex>
      )}
    />
  );
}
