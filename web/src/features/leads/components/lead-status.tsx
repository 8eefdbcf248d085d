import { Alert, App, Card, Flex, Steps, Typography } from 'antd';
import type { Lead, LeadStatus } from '@crm/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useT } from '../../../app/i18n/i18n-context';
import { isApiError } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/api/error-message';
import { formatDateTime } from '../../../shared/format/format';
import { usePermissions } from '../../auth';
import { leadKeys, useUpdateLead } from '../api';

/** The statuses a user sets by hand; converted and disqualified have their own actions. */
const workingStatuses = ['new', 'contacting', 'qualified'] as const satisfies readonly LeadStatus[];
type WorkingStatus = (typeof workingStatuses)[number];

/**
 * Where the lead stands: new → contacting → qualified → converted (or disqualified with its
 * reason). A user who may edit moves it between the first three by clicking a step.
 */
export function LeadStatusCard({ lead }: { lead: Lead }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { can } = usePermissions();
  const update = useUpdateLead(lead.id);
  const index = workingStatuses.findIndex((s) => s === lead.status);
  const current = lead.status === 'converted' || lead.status === 'disqualified' ? 3 : index;
  const clickable = lead.can.edit && lead.status !== 'converted' && !update.isPending;

  const move = (step: number) => {
    const status: WorkingStatus | undefined = workingStatuses[step];
    if (!status || status === lead.status) return;
    update.mutate(
      { status, version: lead.version },
      {
        onSuccess: () => void message.success(t('lead.statusSaved', { status: t(`lead.status.${status}`) })),
        onError: (error) => {
          if (isApiError(error) && error.code === 'CONFLICT') {
            if (error.current) queryClient.setQueryData(leadKeys.detail(lead.id), error.current);
            void message.warning(t('lead.changedMeanwhile'));
            return;
          }
          void message.error(errorMessage(error, t));
        },
      },
    );
  };

  const last =
    lead.status === 'disqualified'
      ? { title: t('lead.status.disqualified'), status: 'error' as const }
      : { title: t('lead.status.converted'), status: lead.status === 'converted' ? ('finish' as const) : ('wait' as const) };

  return (
    <Card size="small" title={t('lead.statusTitle')} data-testid="lead-status-card">
      <Steps
        size="small"
        current={current}
        onChange={clickable ? move : undefined}
        items={[
          ...workingStatuses.map((s, i) => ({
            title: <span data-testid={`lead-step-${s}`}>{t(`lead.status.${s}`)}</span>,
            disabled: !clickable || i > 2,
          })),
          { ...last, disabled: true },
        ]}
        style={{ marginBottom: lead.status === 'converted' || lead.status === 'disqualified' || clickable ? 12 : 0 }}
      />
      {clickable && lead.status !== 'disqualified' ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('lead.statusHint')}
        </Typography.Text>
      ) : null}
      {lead.status === 'disqualified' ? (
        <Alert
          type="warning"
          showIcon
          title={t('lead.disqualifiedBecause')}
          description={<span style={{ whiteSpace: 'pre-wrap' }}>{lead.disqualifyReason ?? ''}</span>}
          data-testid="lead-disqualified"
        />
      ) : null}
      {lead.status === 'converted' ? (
        <Alert
          type="success"
          showIcon
          title={lead.convertedAt ? t('lead.convertedOn', { date: formatDateTime(lead.convertedAt) }) : t('lead.status.converted')}
          description={
            <Flex wrap gap={12}>
              {lead.convertedCustomerId ? (
                can('customers.view') ? (
                  <Link to={`/customers/${lead.convertedCustomerId}`} data-testid="lead-converted-customer">
                    {t('lead.toCustomer')}
                  </Link>
                ) : (
                  <span>{t('lead.toCustomer')}</span>
                )
              ) : null}
              {lead.convertedContactId && lead.convertedCustomerId && can('contacts.view') ? (
                <Link to={`/customers/${lead.convertedCustomerId}?tab=contacts`} data-testid="lead-converted-contact">
                  {t('lead.toContact')}
                </Link>
              ) : null}
              {lead.convertedOpportunityId && can('opportunities.view') ? (
                <Link to={`/opportunities/${lead.convertedOpportunityId}`} data-testid="lead-converted-opportunity">
                  {t('lead.toOpportunity')}
                </Link>
              ) : null}
            </Flex>
          }
          data-testid="lead-converted"
        />
      ) : null}
    </Card>
  );
}
