import { FormOutlined } from '@ant-design/icons';
import { Button, Card, Tabs } from 'antd';
import type { WorkReportKind } from '@crm/contracts';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useT } from '../../../app/i18n/i18n-context';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { PageHeader } from '../../../shared/layout/page-header';
import { usePermissions } from '../../auth';
import { ReportDrawer } from '../components/report-drawer';
import { ReportFilterBar } from '../components/report-filters';
import { ReportList } from '../components/report-list';
import { parseReportFilters, reportFilterParams, reportTabs, type ReportFilters } from '../components/report-model';

/**
 * 工作报告: write today's report or this week's (pre-filled from what the CRM recorded), my reports,
 * and for those whose scope goes beyond themselves, their team's. `?write=daily` opens the form.
 */
export function ReportsPage() {
  const t = useT();
  useDocumentTitle(t('report.pageTitle'));
  const { can, me } = usePermissions();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters = parseReportFilters(params);
  const asked = params.get('write');
  const [writing, setWriting] = useState<WorkReportKind | null>(asked === 'daily' || asked === 'weekly' ? asked : null);
  const team = me !== null && me.dataScope !== 'own';
  const update = (patch: Partial<ReportFilters>) => setParams(reportFilterParams(filters, patch), { replace: true });
  const write = (kind: WorkReportKind) => setWriting(kind);

  const list = (
    <>
      <ReportFilterBar filters={filters} onChange={update} onClear={() => update({ kind: null, authorId: null, from: null, to: null })} />
      <ReportList filters={filters} onPage={(page) => update({ page })} onClear={() => update({ kind: null, authorId: null, from: null, to: null })} onWrite={write} />
    </>
  );
  return (
    <>
      <PageHeader
        title={t('report.pageTitle')}
        extra={
          can('reports.create') ? (
            <>
              <Button type="primary" icon={<FormOutlined />} onClick={() => write('daily')} data-testid="report-write-daily">
                {t('report.write.daily')}
              </Button>
              <Button icon={<FormOutlined />} onClick={() => write('weekly')} data-testid="report-write-weekly">
                {t('report.write.weekly')}
              </Button>
            </>
          ) : null
        }
      />
      <Card styles={{ body: { paddingTop: team ? 4 : undefined } }}>
        {team ? (
          <Tabs
            activeKey={filters.tab}
            onChange={(key) => update({ tab: key === 'team' ? 'team' : 'mine' })}
            items={reportTabs.map((key) => ({ key, label: <span data-testid={`reports-tab-${key}`}>{t(`report.tab.${key}`)}</span>, children: key === filters.tab ? list : null }))}
          />
        ) : (
          list
        )}
      </Card>
      <ReportDrawer mode="write" kind={writing ?? 'daily'} open={writing !== null} onClose={() => setWriting(null)} onSaved={(report) => void navigate(`/reports/${report.id}`)} />
    </>
  );
}
