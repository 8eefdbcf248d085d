import { Descriptions, Empty, Flex, List, Tag, Typography } from 'antd';
import type { Opportunity } from '@crm/contracts';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../app/i18n/i18n-context';
import { formatDate, formatDateTime } from '../../../shared/format/format';
import { useIsMobile } from '../../../shared/hooks/use-is-mobile';
import { useSalesSettings } from '../api';
import { OverdueTag } from './deal-bits';
import { forecastCategoryLabels, useSourceLabel } from './deal-format';
import { formatMoney } from '../../../shared/format/format';

/** The deal's key figures and dates. */
export function DealFacts({ deal }: { deal: Opportunity }) {
  const { t, locale } = useI18n();
  const isMobile = useIsMobile();
  const settings = useSalesSettings();
  const sourceLabel = useSourceLabel();
  const base = settings.data?.baseCurrency ?? 'CNY';
  const reason = settings.data?.lostReasons.find((r) => r.key === deal.lostReason);
  const none = t('common.none');

  const items = [
    { key: 'customer', label: t('opp.f.customer'), children: <Link to={`/customers/${deal.customerId}`}>{deal.customerName}</Link> },
    { key: 'amount', label: t('opp.f.amount'), children: <span data-testid="deal-fact-amount">{formatMoney(deal.amount, deal.currency, locale)}</span> },
    ...(deal.currency !== base
      ? [{ key: 'amountBase', label: t('opp.amountBase', { currency: base }), children: formatMoney(deal.amountBase, base, locale) }]
      : []),
    { key: 'probability', label: t('opp.f.probability'), children: `${deal.probability}%` },
    { key: 'weighted', label: t('opp.weighted'), children: formatMoney(deal.weightedAmount, base, locale) },
    {
      key: 'close',
      label: t('opp.f.expectedCloseDate'),
      children: (
        <Flex gap={6} align="center">
          {formatDate(deal.expectedCloseDate)}
          {deal.overdue ? <OverdueTag /> : null}
        </Flex>
      ),
    },
    { key: 'forecast', label: t('opp.f.forecastCategory'), children: t(forecastCategoryLabels[deal.forecastCategory]) },
    { key: 'owner', label: t('opp.f.owner'), children: deal.ownerName ?? none },
    { key: 'source', label: t('opp.f.source'), children: deal.source ? sourceLabel(deal.source) : none },
    ...(deal.leadId !== null
      ? [{ key: 'lead', label: t('opp.fromLead'), children: <Link to={`/leads/${deal.leadId}`}>{t('opp.openLead')}</Link> }]
      : []),
    ...(deal.status === 'won'
      ? [
          { key: 'wonAmount', label: t('opp.wonAmount'), children: <span data-testid="deal-won-amount">{formatMoney(deal.wonAmount ?? deal.amount, deal.currency, locale)}</span> },
          { key: 'closedOn', label: t('opp.closedOn'), children: formatDate(deal.closedOn) },
        ]
      : []),
    ...(deal.status === 'lost'
      ? [
          {
            key: 'lostReason',
            label: t('opp.lostReason'),
            children: reason ? (locale === 'zh-CN' ? reason.labelZh : reason.labelEn) : (deal.lostReason ?? none),
          },
          ...(deal.lostNote ? [{ key: 'lostNote', label: t('opp.lostNote'), children: deal.lostNote }] : []),
          { key: 'closedOn', label: t('opp.closedOn'), children: formatDate(deal.closedOn) },
        ]
      : []),
    { key: 'stageEntered', label: t('opp.inStageSince'), children: formatDateTime(deal.stageEnteredAt) },
    { key: 'created', label: t('common.createdAt'), children: formatDateTime(deal.createdAt) },
    { key: 'updated', label: t('common.updatedAt'), children: formatDateTime(deal.updatedAt) },
  ];
  return <Descriptions size="small" bordered column={isMobile ? 1 : 2} items={items} data-testid="deal-facts" />;
}

/** The people involved at the customer and their part in the decision. */
export function DealContacts({ deal }: { deal: Opportunity }) {
  const t = useI18n().t;
  if (deal.contacts.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('opp.noDealContacts')} />;
  return (
    <List
      size="small"
      dataSource={deal.contacts}
      renderItem={(c) => (
        <List.Item>
          <Flex justify="space-between" style={{ width: '100%' }} gap={8}>
            <Link to={`/customers/${deal.customerId}?tab=contacts`}>{c.name}</Link>
            <Tag style={{ marginInlineEnd: 0 }}>{t(`opp.role.${c.role}`)}</Tag>
          </Flex>
        </List.Item>
      )}
      data-testid="deal-contacts"
    />
  );
}

/** Competitors, next step and description. */
export function DealNotes({ deal }: { deal: Opportunity }) {
  const t = useI18n().t;
  return (
    <Flex vertical gap={12}>
      <div>
        <Typography.Text type="secondary">{t('opp.f.competitors')}</Typography.Text>
        <div style={{ marginTop: 4 }}>
          {deal.competitors.length > 0 ? (
            <Flex gap={4} wrap>
              {deal.competitors.map((c) => (
                <Tag key={c} style={{ marginInlineEnd: 0 }}>
                  {c}
                </Tag>
              ))}
            </Flex>
          ) : (
            t('common.none')
          )}
        </div>
      </div>
      <div>
        <Typography.Text type="secondary">{t('opp.f.nextStep')}</Typography.Text>
        <Typography.Paragraph style={{ marginTop: 4, marginBottom: 0 }} data-testid="deal-next-step">
          {deal.nextStep ?? t('common.none')}
        </Typography.Paragraph>
      </div>
      {deal.description ? (
        <div>
          <Typography.Text type="secondary">{t('opp.f.description')}</Typography.Text>
          <Typography.Paragraph style={{ marginTop: 4, marginBottom: 0, whiteSpace: 'pre-wrap' }}>{deal.description}</Typography.Paragraph>
        </div>
      ) : null}
    </Flex>
  );
}
