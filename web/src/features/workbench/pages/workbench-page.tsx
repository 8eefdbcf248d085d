import { Col, Flex, Row } from 'antd';
import type { Permission, Workbench } from '@crm/contracts';
import { useT } from '../../../app/i18n/i18n-context';
import { formatDate } from '../../../shared/format/format';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { PageHeader } from '../../../shared/layout/page-header';
import { QueryErrorResult } from '../../../shared/layout/results';
import { usePermissions } from '../../auth';
import { useWorkbench } from '../api';
import { ApprovalsCard } from '../components/approvals-card';
import { DueCustomersCard, PoolRiskCard } from '../components/customer-cards';
import { FiguresCard } from '../components/figures-card';
import { RecentCard } from '../components/recent-card';
import { RemindersCard } from '../components/reminders-card';
import { TasksCard } from '../components/tasks-card';

/** Which sections the caller will get, while the answer is on its way (as the server decides them). */
const needs: Partial<Record<keyof Workbench, Permission[][]>> = {
  tasks: [['tasks.view']],
  dueCustomers: [['customers.view', 'followups.view']],
  recent: [['customers.view'], ['leads.view'], ['opportunities.view']],
  poolRisk: [['customers.view']],
  figures: [['followups.view'], ['customers.view'], ['opportunities.view'], ['contracts.view'], ['receivables.view']],
};

/** 工作台, the home page: my day at a glance (one column on a phone), each card linking to its records. */
export function WorkbenchPage() {
  const t = useT();
  useDocumentTitle(t('workbench.title'));
  const { can, me } = usePermissions();
  const query = useWorkbench();
  const data = query.data;
  const shown = (key: keyof Workbench) => (data ? data[key] !== null : (needs[key] ?? [[]]).some((all) => all.every(can)));
  const card = { xs: 24, lg: 12, xl: 8 };
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Flex vertical gap={16} data-testid="workbench">
      <PageHeader title={t('workbench.title')} subTitle={t('workbench.hello', { name: me?.user.name ?? '', date: data ? formatDate(data.today) : '' })} />
      {shown('figures') ? <FiguresCard figures={data?.figures ?? undefined} /> : null}
      <Row gutter={[16, 16]}>
        {shown('tasks') ? <Col {...card}><TasksCard tasks={data?.tasks ?? undefined} /></Col> : null}
        {shown('dueCustomers') ? <Col {...card}><DueCustomersCard section={data?.dueCustomers} /></Col> : null}
        <Col {...card}><RemindersCard section={data?.reminders} /></Col>
        <Col {...card}><ApprovalsCard section={data?.approvals} /></Col>
        {shown('poolRisk') ? <Col {...card}><PoolRiskCard section={data?.poolRisk} /></Col> : null}
        {shown('recent') ? <Col {...card}><RecentCard recent={data?.recent} /></Col> : null}
      </Row>
    </Flex>
  );
}
