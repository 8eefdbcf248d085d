import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Segmented, Skeleton, Tabs } from 'antd';
import type { AgingGroup } from '@crm/contracts';
import { useSearchParams } from 'react-router-dom';
import { useI18n } from '../../../app/i18n/i18n-context';
import { formatDate } from '../../../shared/format/format';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { PageHeader } from '../../../shared/layout/page-header';
import { QueryErrorResult } from '../../../shared/layout/results';
import { agingExportHref, useAging } from '../api';
import { AgingSummary } from '../components/aging-summary';
import { AgingTable } from '../components/aging-table';
import { DueInstalments } from '../components/due-instalments';
import { PaymentsTab } from '../components/payments-tab';
import { parseReceivablesView, receivablesSearch, receivableTabs, type ReceivablesView } from '../components/receivables-params';

/** 回款: DSO and the aging of what customers owe, the instalments due, and the payments received. */
export function ReceivablesPage() {
  const { t } = useI18n();
  useDocumentTitle(t('recv.title'));
  const [params, setParams] = useSearchParams();
  const view = parseReceivablesView(params);
  const update = (patch: Partial<ReceivablesView>) => setParams(receivablesSearch({ ...view, ...patch }), { replace: true });
  // The summary reads the aging answer, whatever the tab: its totals and DSO do not depend on the page.
  const aging = useAging({ groupBy: view.groupBy, ...(view.tab === 'aging' ? { page: view.page, pageSize: view.pageSize } : {}) });

  let agingBody;
  if (aging.isPending) agingBody = <Skeleton active paragraph={{ rows: 8 }} />;
  else if (aging.isError) agingBody = <QueryErrorResult error={aging.error} onRetry={() => void aging.refetch()} />;
  else agingBody = <AgingTable aging={aging.data} loading={aging.isFetching} onPage={(page, pageSize) => update({ page, pageSize })} />;

  const tabs = [
    {
      key: 'aging',
      label: <span data-testid="receivables-tab-aging">{t('recv.tab.aging')}</span>,
      children: (
        <Flex vertical gap={12}>
          <Flex gap={8} wrap justify="space-between" align="center">
            <Segmented<AgingGroup>
              value={view.groupBy}
              onChange={(groupBy) => update({ groupBy, page: 1 })}
              options={[
                { value: 'customer', label: t('recv.group.customer') },
                { value: 'owner', label: t('recv.group.owner') },
                { value: 'department', label: t('recv.group.department') },
              ]}
              data-testid="aging-group-by"
            />
            {/* Every row with the current grouping, as .xlsx (a plain link: the browser downloads it). */}
            <Button icon={<DownloadOutlined />} href={agingExportHref({ groupBy: view.groupBy })} download aria-label={t('recv.exportAgingLabel')} data-testid="aging-export">
              {t('recv.exportAging')}
            </Button>
          </Flex>
          {agingBody}
        </Flex>
      ),
    },
    { key: 'due', label: <span data-testid="receivables-tab-due">{t('recv.tab.due')}</span>, children: view.tab === 'due' ? <DueInstalments view={view} update={update} /> : null },
    { key: 'payments', label: <span data-testid="receivables-tab-payments">{t('recv.tab.payments')}</span>, children: view.tab === 'payments' ? <PaymentsTab view={view} update={update} /> : null },
  ];

  return (
    <>
      <PageHeader title={t('recv.title')} subTitle={aging.data ? t('recv.subtitle', { date: formatDate(aging.data.asOf) }) : undefined} />
      {aging.data ? <AgingSummary aging={aging.data} /> : aging.isPending ? <Skeleton active paragraph={{ rows: 2 }} /> : null}
      {/* On a card: the active tab's blue has the contrast it needs on white. */}
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={view.tab}
          onChange={(key) => {
            const tab = receivableTabs.find((k) => k === key) ?? 'aging';
            update({ tab, page: 1, pageSize: tab === 'aging' ? 50 : 20 });
          }}
          items={tabs}
        />
      </Card>
    </>
  );
}
