import { Button, Card, Flex, Popover, Progress, Skeleton, Tag, Typography } from 'antd';
import type { CustomerAnalytics, ServiceTier } from '@crm/contracts';
import type { ReactNode } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context';
import type { MessageKey } from '../../../app/i18n/translate';
import { formatMoney } from '../../../shared/format/format';
import { QueryErrorResult } from '../../../shared/layout/results';
import { usePermissions } from '../../auth';
import { useCustomerAnalyticsCard } from '../api';

type Explanation = CustomerAnalytics['explanations'][number];
const tierColors: Record<ServiceTier, string> = { priority: 'gold', regular: 'blue', basic: 'default' };

/** A figure that opens how it was computed: the formula in the reader's language and the inputs it read. */
function Explained({ explanation, name, children, testId }: { explanation: Explanation | undefined; name: string; children: ReactNode; testId: string }) {
  const { t } = useI18n();
  if (!explanation) return <>{children}</>;
  const content = (
    <div style={{ maxWidth: 360 }} data-testid={`${testId}-explanation`}>
      <Typography.Text strong>{t('analytics.card.formula')}</Typography.Text>
      <Typography.Paragraph style={{ marginBottom: 8 }}>{explanation.formula}</Typography.Paragraph>
      <Typography.Text strong>{t('analytics.card.inputs')}</Typography.Text>
      <ul style={{ margin: 0, paddingInlineStart: 18, fontFamily: 'monospace', fontSize: 12 }}>
        {Object.entries(explanation.inputs).map(([k, v]) => <li key={k}>{k} = {v === null ? '—' : String(v)}</li>)}
      </ul>
    </div>
  );
  return (
    <Popover trigger="click" content={content} title={name}>
      <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} title={t('analytics.card.explainLabel', { name })} data-testid={testId}>
        {children}
      </Button>
    </Popover>
  );
}

/** 客户分析 on the customer's record: its classes, values, pyramid quadrant, four-dimension scores and service policy; every figure explains itself. */
export function CustomerAnalyticsCard({ customerId }: { customerId: number }) {
  const { t, locale } = useI18n();
  const { can } = usePermissions();
  const allowed = can('analytics.view');
  const q = useCustomerAnalyticsCard(customerId, allowed);
  if (!allowed) return null;
  const title = t('analytics.card.title');
  if (q.isPending) return <Card size="small" title={title}><Skeleton active paragraph={{ rows: 4 }} /></Card>;
  if (q.isError) return <Card size="small" title={title}><QueryErrorResult error={q.error} onRetry={() => void q.refetch()} /></Card>;
  const data = q.data;
  const r = data.current;
  if (!r) return <Card size="small" title={title} data-testid="customer-analytics"><Typography.Text type="secondary">{t('analytics.card.none')}</Typography.Text></Card>;
  const ex = (key: Explanation['key']) => data.explanations.find((e) => e.key === key);
  const money = (v: number) => formatMoney(v, 'CNY', locale);
  const label = (key: MessageKey) => t(key);
  const tags: Array<[Explanation['key'], string, ReactNode]> = [
    ['abc', label('analytics.explainKey.abc'), `ABC ${r.abcClass}`],
    ['valueClass', label('analytics.explainKey.valueClass'), t(`analytics.value.${r.valueClass}`)],
    ['quadrant', label('analytics.explainKey.quadrant'), `${t(`analytics.quadrant.${r.quadrant}`)} · ${t(`analytics.quadrantAction.${r.quadrant}`)}`],
    ['rfm', 'RFM', `RFM ${r.rScore}${r.fScore}${r.mScore} · ${t(`analytics.segment.${r.rfmSegment}`)}`],
    ['lifecycleStage', label('analytics.explainKey.lifecycleStage'), t(`analytics.stage.${r.lifecycleStage}`)],
    ['status', label('analytics.explainKey.status'), t(`analytics.status.${r.status}`)],
    ['churnRisk', label('analytics.explainKey.churnRisk'), r.churnRisk ? t('analytics.atRisk') : t('analytics.noChurnRisk')],
  ];
  const values: Array<[Explanation['key'], MessageKey, number]> = [
    ['historicalValue', 'analytics.historicalValue', r.historicalValue],
    ['currentValue', 'analytics.currentValue', r.currentValue],
    ['potentialValue', 'analytics.potentialValue', r.potentialValue],
    ['lifetimeValue', 'analytics.lifetimeValue', r.lifetimeValue],
  ];
  const scores: Array<['profitScore' | 'influenceScore' | 'loyaltyScore' | 'potentialScore', number]> = [
    ['profitScore', r.profitScore], ['influenceScore', r.influenceScore], ['loyaltyScore', r.loyaltyScore], ['potentialScore', r.potentialScore],
  ];
  const policy = data.servicePolicy;
  return (
    <Card size="small" title={title} data-testid="customer-analytics">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('analytics.card.asOf', { date: r.asOf })}</Typography.Paragraph>
      <Typography.Text strong>{t('analytics.card.classes')}</Typography.Text>
      <Flex gap={4} wrap style={{ margin: '4px 0 12px' }}>
        {tags.map(([key, name, text]) => (
          <Explained key={key} explanation={ex(key)} name={name} testId={`analytics-card-${key}`}>
            <Tag style={{ marginInlineEnd: 0 }}>{text}</Tag>
          </Explained>
        ))}
      </Flex>
      <Typography.Text strong>{t('analytics.card.values')}</Typography.Text>
      <Flex vertical gap={2} style={{ margin: '4px 0 12px' }}>
        {values.map(([key, name, v]) => (
          <Flex key={key} justify="space-between" gap={8}>
            <Typography.Text type="secondary">{t(name)}</Typography.Text>
            <Explained explanation={ex(key)} name={t(name)} testId={`analytics-card-${key}`}>{money(v)}</Explained>
          </Flex>
        ))}
      </Flex>
      <Typography.Text strong>{t('analytics.card.fourDimensions')}</Typography.Text>
      <Flex vertical gap={2} style={{ margin: '4px 0 12px' }} data-testid="analytics-card-scores">
        {scores.map(([key, score]) => (
          <Flex key={key} justify="space-between" align="center" gap={8}>
            <Typography.Text type="secondary" style={{ minWidth: 64 }}>{t(`analytics.dim.${key}`)}</Typography.Text>
            <Progress steps={5} percent={score * 20} showInfo={false} size="small" aria-label={`${t(`analytics.dim.${key}`)} ${t('analytics.card.score', { score })}`} />
            <Explained explanation={ex(key)} name={t(`analytics.dim.${key}`)} testId={`analytics-card-${key}`}>{t('analytics.card.score', { score })}</Explained>
          </Flex>
        ))}
      </Flex>
      {policy ? (
        <div data-testid="analytics-card-policy">
          <Flex gap={8} align="center">
            <Typography.Text strong>{t('analytics.card.servicePolicy')}</Typography.Text>
            <Tag color={tierColors[policy.tier]}>{t(`analytics.tier.${policy.tier}`)}</Tag>
          </Flex>
          <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }}>
            <li>{t('analytics.card.policyFrom', { class: `ABC ${policy.abc.policyClass}`, text: policy.abc.text })}</li>
            <li>{t('analytics.card.policyFrom', { class: t(`analytics.value.${r.valueClass}`), text: policy.value.text })}</li>
          </ul>
        </div>
      ) : null}
    </Card>
  );
}
