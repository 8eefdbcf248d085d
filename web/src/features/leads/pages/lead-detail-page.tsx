import { ArrowLeftOutlined } from '@ant-design/icons';
import { Card, Col, Flex, Row, Skeleton, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useT } from '../../../app/i18n/i18n-context';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { NotFoundResult, QueryErrorResult } from '../../../shared/layout/results';
import { enumLabel } from '../../../shared/enums/customer-enums';
import { useLead } from '../api';
import { LeadActions } from '../components/lead-actions';
import { GradeTag, LeadOwner, LeadStatusTag, useSourceLabels } from '../components/lead-bits';
import { LeadFacts } from '../components/lead-facts';
import { LeadHistory } from '../components/lead-history';
import { LeadStatusCard } from '../components/lead-status';
import { ManCard } from '../components/man-card';

/** One lead: its card, MAN qualification, status, actions and history. */
export function LeadDetailPage() {
  const t = useT();
  const params = useParams();
  const id = Number(params.id);
  const valid = Number.isInteger(id) && id > 0;
  const query = useLead(id);
  const sources = useSourceLabels();
  useDocumentTitle(query.data?.name ?? t('lead.single'));

  if (!valid) return <NotFoundResult />;
  if (query.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  const lead = query.data;

  return (
    <Flex vertical gap={16}>
      <Card styles={{ body: { padding: 16 } }}>
        <Flex justify="space-between" align="start" wrap gap={12}>
          <Flex vertical gap={4} style={{ minWidth: 0 }}>
            <Link to={lead.ownerId === null ? '/lead-pool' : '/leads'} style={{ fontSize: 13 }}>
              <ArrowLeftOutlined /> {lead.ownerId === null ? t('lead.poolTitle') : t('lead.title')}
            </Link>
            <Flex align="center" wrap gap={8}>
              <Typography.Title level={1} style={{ fontSize: 24, margin: 0, overflowWrap: 'anywhere' }} data-testid="lead-name">
                {lead.name}
              </Typography.Title>
              <LeadStatusTag status={lead.status} />
              <GradeTag grade={lead.manGrade} />
              <Tag style={{ marginInlineEnd: 0 }}>{enumLabel(t, 'kind', lead.kind)}</Tag>
            </Flex>
            <Typography.Text type="secondary">
              {[lead.company, lead.jobTitle, sources.label(lead.source)].filter(Boolean).join(' · ')}
            </Typography.Text>
            <Flex gap={6} align="center">
              <Typography.Text type="secondary">{t('lead.f.ownerId')}:</Typography.Text>
              <span data-testid="lead-owner">
                <LeadOwner lead={lead} />
              </span>
            </Flex>
          </Flex>
          <LeadActions lead={lead} />
        </Flex>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Flex vertical gap={16}>
            <LeadStatusCard lead={lead} />
            <LeadFacts lead={lead} />
          </Flex>
        </Col>
        <Col xs={24} lg={10}>
          <Flex vertical gap={16}>
            <ManCard lead={lead} />
            <Card size="small" title={t('lead.historyTitle')}>
              <LeadHistory leadId={lead.id} />
            </Card>
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}
