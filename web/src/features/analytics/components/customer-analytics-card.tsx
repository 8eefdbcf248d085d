import { Alert, App, Button, Card, Flex, Popover, Progress, Skeleton, Tag, Typography } from 'antd';
import { suggestedStage, suggestedStatus, type Customer, type CustomerAnalytics, type CustomerUpdate, type ServiceTier } from '@crm/contracts';
import type { ReactNode } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context';
import type { MessageKey } from '../../../app/i18n/translate';
import { formatMoney } from '../../../shared/format/format';
import { isApiError } from '../../../shared/api/client';
import { enumLabel } from '../../../shared/enums/customer-enums';
import { QueryErrorResult } from '../../../shared/layout/results';
import { usePermissions } from '../../auth';
import { useCustomerAnalyticsCard, useKeepRecord } from '../api';
import { inputLabel, inputValue } from './explanation-inputs';

type Explanation = CustomerAnalytics['explanations'][number];
const tierColors: Record<ServiceTier, string> = { priority: 'gold', regular: 'blue', basic: 'default' };

/** A figure that opens how it was computed: the formula in the reader's language and the inputs it read. */
function Explained({ explanation, name, children, testId, button = false }: { explanation: Explanation | undefined; name: string; children: ReactNode; testId: string; button?: boolean }) {
  const { t, locale } = useI18n();
  if (!explanation) return <>{children}</>;
  const content = (
    <div style={{ maxWidth: 360 }} data-testid={`${testId}-explanation`}>
      <Typography.Text strong>{t('analytics.card.formula')}</Typography.Text>
      <Typography.Paragraph style={{ marginBottom: 8 }}>{explanation.formula}</Typography.Paragraph>
      <Typography.Text strong>{t('analytics.card.inputs')}</Typography.Text>
      <ul style={{ margin: 0, paddingInlineStart: 18, fontSize: 12 }} data-testid={`${testId}-inputs`}>
        {Object.entries(explanation.inputs).map(([k, v]) => <li key={k}>{inputLabel(k, t)}: {inputValue(k, v, t, locale)}</li>)}
      </ul>
    </div>
  );
  return (
    <Popover trigger="click" content={content} title={name}>
      <Button type={button ? 'default' : 'link'} size="small" style={button ? undefined : { padding: 0, height: 'auto' }} title={t('analytics.card.explainLabel', { name })} data-testid={testId}>
        {children}
      </Button>
    </Popover>
  );
}

/** The record fields a suggestion applies to (saved through the customer's PATCH with its version by the record page). */
export type LifecycleChange = Pick<CustomerUpdate, 'lifecycleStage' | 'status'>;

/**
 * The derived lifecycle stage and status where they differ from the record's hand-set ones and
 * were not kept: "suggested: 稳定期 (from the purchase trend)", how it is derived (the same
 * explanation as the class tag), apply (the customer's PATCH) or keep mine (not suggested again
 * until the derived value changes). Compared with the record as the page holds it, so an applied
 * value hides its suggestion at once.
 */
function LifecycleSuggestions({ data, customer, onApply }: { data: CustomerAnalytics; customer: Customer; onApply: ((change: LifecycleChange) => Promise<unknown>) | undefined }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const keep = useKeepRecord(customer.id);
  const s = data.suggestion;
  if (!s) return null;
  const rows = [
    { key: 'lifecycleStage' as const, name: t('analytics.explainKey.lifecycleStage'), derived: s.lifecycleStage.derived, kept: s.lifecycleStage.kept, value: suggestedStage[s.lifecycleStage.derived], record: customer.lifecycleStage, label: (v: string) => enumLabel(t, 'lifecycle', v) },
    { key: 'status' as const, name: t('analytics.explainKey.status'), derived: s.status.derived, kept: s.status.kept, value: suggestedStatus[s.status.derived], record: customer.status, label: (v: string) => enumLabel(t, 'status', v) },
  ].filter((r) => r.value !== r.record && r.kept !== r.derived);
  if (rows.length === 0) return null;
  const editable = customer.can.edit && onApply !== undefined;
  return (
    <Alert
      type="info"
      style={{ marginBottom: 12 }}
      data-testid="analytics-suggestions"
      message={t('analytics.suggest.title')}
      description={
        <Flex vertical gap={8}>
          {rows.map((r) => (
            <div key={r.key} data-testid={`analytics-suggest-${r.key}`}>
              <Typography.Text>{t('analytics.suggest.line', { field: r.name, value: r.label(r.value), record: r.label(r.record) })}</Typography.Text>
              <Flex gap={8} wrap align="center" style={{ marginTop: 4 }}>
                <Explained explanation={data.explanations.find((e) => e.key === r.key)} name={r.name} testId={`analytics-suggest-${r.key}-how`} button>{t('analytics.suggest.how')}</Explained>
                {editable ? (
                  <>
                    <Button size="small" type="primary" data-testid={`analytics-suggest-${r.key}-apply`}
                      onClick={() => void onApply({ [r.key]: r.value }).then(
                        () => void message.success(t('analytics.suggest.applied', { field: r.name, value: r.label(r.value) })),
                        (error: unknown) => void message.error(isApiError(error) && error.status === 409 ? t('inline.conflict') : error instanceof Error ? error.message : String(error)),
                      )}>
                      {t('analytics.suggest.apply')}
                    </Button>
                    <Button size="small" loading={keep.isPending} data-testid={`analytics-suggest-${r.key}-keep`}
                      onClick={() => keep.mutate({ [r.key]: r.derived }, {
                        onSuccess: () => void message.success(t('analytics.suggest.kept', { value: r.label(r.record) })),
                        onError: (error) => void message.error(isApiError(error) && error.status === 409 ? t('analytics.suggest.changed') : error.message),
                      })}>
                      {t('analytics.suggest.keep')}
                    </Button>
                  </>
                ) : null}
              </Flex>
            </div>
          ))}
        </Flex>
      }
    />
  );
}

/** 客户分析 on the customer's record: its classes, values, pyramid quadrant, four-dimension scores and service policy; every figure explains itself. */
export function CustomerAnalyticsCard({ customer, onApply }: { customer: Customer; onApply?: (change: LifecycleChange) => Promise<unknown> }) {
  const customerId = customer.id;
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
      <LifecycleSuggestions data={data} customer={customer} onApply={onApply} />
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
