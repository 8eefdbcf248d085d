import { TableOutlined } from '@ant-design/icons';
import { Button, Col, DatePicker, Flex, Row, Skeleton, TreeSelect, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { useIsMobile } from '../../../shared/hooks/use-is-mobile';
import { PageHeader } from '../../../shared/layout/page-header';
import { usePermissions } from '../../auth';
import { treeSelectData, useDepartments } from '../../departments';
import { useAnalyticsSummary } from '../api';
import type { DashboardFilters } from '../dashboard-api';
import { AbcParetoCard, ChurnCard, NoRunYet, RfmCard, ValuePyramidCard } from '../components/class-cards';
import { CompositionCard } from '../components/composition-card';
import { useDashboardText } from '../components/dashboard-text';
import { DrillDrawer, type Drill } from '../components/drill-drawer';
import { QuadrantCard } from '../components/quadrant-card';
import { RevenueCard } from '../components/revenue-card';

const day = /^\d{4}-\d{2}-\d{2}$/;

/** The filters as the address keeps them (?from=&to=&departmentId=), so a view can be shared and survives a reload. */
function parseFilters(params: URLSearchParams): DashboardFilters {
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const department = Number(params.get('departmentId'));
  return {
    from: day.test(from) ? from : undefined,
    to: day.test(to) ? to : undefined,
    departmentId: Number.isInteger(department) && department > 0 ? department : undefined,
  };
}

/** 分析仪表盘 (issue 14): composition, new customers, ABC Pareto, value pyramid, RFM segments, pyramid quadrants, churn risk; every chart drills down and exports. */
export function DashboardsPage() {
  const d = useDashboardText();
  useDocumentTitle(d('title'));
  const isMobile = useIsMobile();
  const { can } = usePermissions();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters = parseFilters(params);
  const departments = useDepartments(can('departments.view'));
  const summary = useAnalyticsSummary();
  const [drill, setDrill] = useState<Drill | null>(null);

  const update = (patch: Partial<DashboardFilters>) => {
    const next = { ...filters, ...patch };
    const out = new URLSearchParams();
    if (next.from) out.set('from', next.from);
    if (next.to) out.set('to', next.to);
    if (next.departmentId) out.set('departmentId', String(next.departmentId));
    setParams(out, { replace: true });
  };

  const run = summary.data?.run ?? null;
  return (
    <>
      <PageHeader
        title={d('title')}
        subTitle={run ? `${d('subtitle')} ${d('asOf', { date: run.asOf })}` : d('subtitle')}
        extra={
          <Button icon={<TableOutlined />} onClick={() => navigate('/analytics')}>{d('backToTable')}</Button>
        }
      />
      <Flex gap={8} wrap align={isMobile ? 'stretch' : 'center'} vertical={isMobile} style={{ marginBottom: 16 }}>
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
          onChange={(range) => update({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
          style={{ width: isMobile ? '100%' : 260 }}
          aria-label={d('range')}
          data-testid="dashboard-range"
        />
        {can('departments.view') ? (
          <TreeSelect
            allowClear
            treeDefaultExpandAll
            showSearch={{ treeNodeFilterProp: 'title' }}
            placeholder={d('anyDepartment')}
            aria-label={d('department')}
            treeData={treeSelectData(departments.data ?? [])}
            value={filters.departmentId}
            onChange={(departmentId: number | undefined) => update({ departmentId })}
            style={{ width: isMobile ? '100%' : 220 }}
            data-testid="dashboard-department"
          />
        ) : null}
        <Typography.Text type="secondary" style={{ fontSize: 12, flex: '1 1 240px' }}>{d('rangeHint')}</Typography.Text>
      </Flex>
      <Row gutter={[16, 16]}>
        <CompositionCard filters={filters} onDrill={setDrill} />
        <RevenueCard filters={filters} onDrill={setDrill} />
        {summary.isPending ? (
          <Col xs={24}><Skeleton active /></Col>
        ) : run === null ? (
          <NoRunYet />
        ) : (
          <>
            <Col xs={24}><AbcParetoCard filters={filters} onDrill={setDrill} /></Col>
            <Col xs={24} lg={12}><ValuePyramidCard filters={filters} onDrill={setDrill} /></Col>
            <Col xs={24} lg={12}><RfmCard filters={filters} onDrill={setDrill} /></Col>
            <Col xs={24} lg={12}><QuadrantCard filters={filters} onDrill={setDrill} /></Col>
            <Col xs={24}><ChurnCard filters={filters} onDrill={setDrill} /></Col>
          </>
        )}
      </Row>
      <DrillDrawer drill={drill} onClose={() => setDrill(null)} />
    </>
  );
}
