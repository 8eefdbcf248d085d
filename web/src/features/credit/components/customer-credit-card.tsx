import { Button, Card, Collapse, Descriptions, Empty, Flex, List, Skeleton, Tag, Typography } from 'antd';
import type { CreditAssessment, CreditRating, Customer } from '@crm/contracts';
import { useState } from 'react';
import { useI18n, useT } from '../../../app/i18n/i18n-context';
import type { MessageKey } from '../../../app/i18n/translate';
import { errorMessage } from '../../../shared/api/error-message';
import { formatDateTime, formatMoney } from '../../../shared/format/format';
import { useCreditAssessment } from '../api';
import { CreditEvidenceDrawer } from './credit-evidence-drawer';

const ratingColors: Record<CreditRating, string> = { A: 'green', B: 'blue', C: 'orange', D: 'red' };

function Scorecard({ assessment: a }: { assessment: CreditAssessment }) {
  const t = useT();
  const { locale } = useI18n();
  if (!a.rating || !a.policy) return null;
  return (
    <Flex vertical gap={12}>
      <Flex align="center" gap={12} wrap>
        <Tag color={ratingColors[a.rating]} style={{ fontSize: 20, lineHeight: '32px', paddingInline: 12, margin: 0 }} data-testid="credit-rating">
          {a.rating}
        </Tag>
        <Typography.Text>
          {t('creditRating.total')}: <strong data-testid="credit-total">{a.totalScore}</strong> / 100
        </Typography.Text>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{a.totalFormula}</Typography.Text>
      <Descriptions size="small" column={1} title={t('creditRating.policy')} data-testid="credit-policy">
        <Descriptions.Item label={t('creditRating.creditLimit')}>{formatMoney(a.policy.creditLimit, 'CNY', locale)}</Descriptions.Item>
        <Descriptions.Item label={t('creditRating.paymentTerms')}>{t('creditRating.days', { days: a.policy.paymentTermsDays })}</Descriptions.Item>
        <Descriptions.Item label={t('creditRating.prepayment')}>{t(a.policy.prepaymentRequired ? 'creditRating.prepaymentRequired' : 'creditRating.prepaymentNotRequired')}</Descriptions.Item>
        <Descriptions.Item label={t('creditRating.standing')}>{t(`credit.${a.policy.creditStanding}` as MessageKey)}</Descriptions.Item>
      </Descriptions>
      <Typography.Title level={2} style={{ margin: 0, fontSize: 14 }}>{t('creditRating.howComputed')}</Typography.Title>
      <List
        size="small"
        dataSource={a.factors}
        data-testid="credit-factors"
        renderItem={(f) => (
          <List.Item style={{ paddingInline: 0 }}>
            <Flex vertical gap={2} style={{ minWidth: 0, width: '100%' }}>
              <Flex justify="space-between" gap={8} wrap>
                <Typography.Text strong>{t(`creditRating.factor.${f.key}` as MessageKey)}</Typography.Text>
                <Typography.Text>
                  {f.score} / 100 · {t('creditRating.weight', { weight: f.weight })}
                </Typography.Text>
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12, overflowWrap: 'anywhere' }}>{f.formula}</Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
      {a.assessedAt ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('creditRating.assessedBy', { name: a.assessedByName ?? '—', date: formatDateTime(a.assessedAt) })}
        </Typography.Text>
      ) : null}
      {a.history.length > 1 ? (
        <Collapse
          size="small"
          items={[
            {
              key: 'history',
              label: t('creditRating.history'),
              children: (
                <List
                  size="small"
                  dataSource={a.history}
                  renderItem={(h) => (
                    <List.Item style={{ paddingInline: 0 }}>
                      <Typography.Text>
                        {t('creditRating.ratingLabel', { rating: h.rating })} · {h.totalScore} · {formatDateTime(h.assessedAt)} · {h.assessedByName ?? '—'}
                      </Typography.Text>
                    </List.Item>
                  )}
                />
              ),
            },
          ]}
        />
      ) : null}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('creditRating.mapping')}</Typography.Text>
    </Flex>
  );
}

/** 信用评级 (6C) on an organisation customer's record page: the rating, the six scores with their rules, the policy applied, and the evidence form. */
export function CustomerCreditCard({ customer }: { customer: Customer }) {
  const t = useT();
  const query = useCreditAssessment(customer.id);
  const [open, setOpen] = useState(false);
  const canEdit = customer.can.edit;
  const a = query.data;
  const action = canEdit && a ? (
    <Button size="small" onClick={() => setOpen(true)} data-testid="credit-assess">
      {t(a.version === 0 ? 'creditRating.assess' : 'creditRating.reassess')}
    </Button>
  ) : null;
  let body;
  if (query.isPending) body = <Skeleton active paragraph={{ rows: 3 }} />;
  else if (query.isError) body = <Typography.Text type="danger">{errorMessage(query.error, t)}</Typography.Text>;
  else if (query.data.version === 0) body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('creditRating.empty')} />;
  else body = <Scorecard assessment={query.data} />;
  return (
    <Card size="small" title={t('creditRating.cardTitle')} extra={action} data-testid="customer-credit-card">
      {body}
      {a ? <CreditEvidenceDrawer open={open} customerId={customer.id} assessment={a} foundedYear={customer.organization.foundedYear ?? null} onClose={() => setOpen(false)} /> : null}
    </Card>
  );
}
