import { Card, Descriptions, Typography } from 'antd';
import type { Lead } from '@crm/contracts';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../app/i18n/i18n-context';
import { formatDateTime, formatMoney } from '../../../shared/format/format';
import { useIsMobile } from '../../../shared/hooks/use-is-mobile';
import { usePermissions } from '../../auth';
import { PhoneLink } from '../../../shared/format/phone-link';
import { regionText } from '../../../shared/region/region-text';
import { enumLabel } from '../../../shared/enums/customer-enums';
import { LeadOwner, useSourceLabels } from './lead-bits';

/** The lead card's facts (潜在客户登记卡); empty fields are left out. */
export function LeadFacts({ lead }: { lead: Lead }) {
  const { t, locale } = useI18n();
  const isMobile = useIsMobile();
  const { can } = usePermissions();
  const sources = useSourceLabels();

  const referrer: ReactNode = lead.referrerCustomerId ? (
    can('customers.view') ? (
      <Link to={`/customers/${lead.referrerCustomerId}`}>{lead.referrerCustomerName ?? `#${lead.referrerCustomerId}`}</Link>
    ) : (
      (lead.referrerCustomerName ?? '')
    )
  ) : null;

  const rows: { key: string; label: string; value: ReactNode; wide?: boolean }[] = [
    { key: 'kind', label: t('lead.f.kind'), value: enumLabel(t, 'kind', lead.kind) },
    { key: 'company', label: t('lead.f.company'), value: lead.company },
    { key: 'jobTitle', label: t('lead.f.jobTitle'), value: lead.jobTitle },
    { key: 'gender', label: t('lead.f.gender'), value: lead.gender ? enumLabel(t, 'gender', lead.gender) : null },
    { key: 'age', label: t('lead.f.age'), value: lead.age },
    { key: 'mobile', label: t('lead.f.mobile'), value: lead.mobile ? <PhoneLink phone={lead.mobile} /> : null },
    { key: 'phone', label: t('lead.f.phone'), value: lead.phone ? <PhoneLink phone={lead.phone} /> : null },
    {
      key: 'email',
      label: t('lead.f.email'),
      value: lead.email ? <Typography.Link href={`mailto:${lead.email}`}>{lead.email}</Typography.Link> : null,
    },
    { key: 'wechat', label: t('lead.f.wechat'), value: lead.wechat },
    { key: 'region', label: t('lead.f.region'), value: regionText(lead) || null },
    { key: 'address', label: t('lead.f.address'), value: lead.address },
    { key: 'industry', label: t('lead.f.industry'), value: lead.industry },
    { key: 'occupation', label: t('lead.f.occupation'), value: lead.occupation },
    { key: 'annualIncome', label: t('lead.f.annualIncome'), value: lead.annualIncome === null ? null : formatMoney(lead.annualIncome, 'CNY', locale) },
    { key: 'creditStanding', label: t('lead.f.creditStanding'), value: lead.creditStanding ? enumLabel(t, 'credit', lead.creditStanding) : null },
    { key: 'source', label: t('lead.f.source'), value: sources.label(lead.source) },
    { key: 'referrer', label: t('lead.f.referrerCustomerId'), value: referrer },
    { key: 'owner', label: t('lead.f.ownerId'), value: <LeadOwner lead={lead} /> },
    { key: 'ownerSince', label: t('lead.ownerSince'), value: lead.ownerSince ? formatDateTime(lead.ownerSince) : null },
    { key: 'form', label: t('lead.fromForm'), value: lead.formId ? `#${lead.formId}` : null },
    { key: 'createdAt', label: t('lead.f.createdAt'), value: formatDateTime(lead.createdAt) },
    { key: 'updatedAt', label: t('lead.f.updatedAt'), value: formatDateTime(lead.updatedAt) },
    {
      key: 'notes',
      label: t('lead.f.notes'),
      value: lead.notes ? <span style={{ whiteSpace: 'pre-wrap' }}>{lead.notes}</span> : null,
      wide: true,
    },
  ];

  return (
    <Card size="small" title={t('lead.facts')} data-testid="lead-facts">
      <Descriptions
        size="small"
        column={isMobile ? 1 : 2}
        items={rows
          .filter((row) => row.value !== null && row.value !== undefined && row.value !== '')
          .map((row) => ({ key: row.key, label: row.label, children: row.value, span: row.wide ? ('filled' as const) : 1 }))}
      />
    </Card>
  );
}
