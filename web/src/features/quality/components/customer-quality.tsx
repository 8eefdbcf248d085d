import { CheckCircleOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Progress, Tag, Tooltip, Typography } from 'antd';
import type { Customer } from '@crm/contracts';
import { useI18n } from '../../../app/i18n/i18n-context';
import { errorMessage } from '../../../shared/api/error-message';
import { formatDateTime } from '../../../shared/format/format';
import { useActiveCustomFields } from '../../custom-fields';
import { useConfirmCustomer, useQualitySettings } from '../api';
import { qualityFieldLabel } from './quality-labels';

function colorFor(percent: number, threshold: number): string {
  if (percent >= 90) return '#52c41a';
  if (percent >= threshold) return '#1677ff';
  return '#faad14';
}

/**
 * Completeness (%) with the missing expected fields, freshness ("confirmed N days ago") and
 * "Confirm accurate" for users who may edit the customer.
 */
export function CustomerQuality({ customer }: { customer: Customer }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const q = customer;
  const confirm = useConfirmCustomer(customer.id);
  // The thresholds only: the summary's counts over every record are for the data-quality page.
  const settings = useQualitySettings();
  const customFields = useActiveCustomFields('customer');
  const threshold = settings.data?.incompleteBelow ?? 60;
  const staleDays = settings.data?.staleDays ?? 180;
  const freshDays = q.freshDays;
  const stale = freshDays >= staleDays;
  const missing = q.missingFields;
  const freshText =
    freshDays === 0
      ? t(q.confirmedAt ? 'quality.confirmedToday' : 'quality.changedToday')
      : t(q.confirmedAt ? 'quality.confirmedAgo' : 'quality.changedAgo', { days: freshDays });

  return (
    <Card size="small" title={t('quality.cardTitle')} data-testid="customer-quality">
      <Flex wrap gap={24} align="center">
        <Flex align="center" gap={12}>
          <Progress
            type="circle"
            size={64}
            percent={q.completeness}
            strokeColor={colorFor(q.completeness, threshold)}
            aria-label={t('quality.completeness')}
          />
          <Flex vertical>
            <Typography.Text strong>{t('quality.completeness')}</Typography.Text>
            <Typography.Text type="secondary" data-testid="customer-completeness">
              {missing.length > 0 ? t('quality.missingCount', { count: missing.length }) : t('quality.allFilled')}
            </Typography.Text>
          </Flex>
        </Flex>
        <Flex vertical gap={4} style={{ minWidth: 0, flex: '1 1 240px' }}>
          <Typography.Text strong>{t('quality.freshness')}</Typography.Text>
          <Flex wrap gap={8} align="center">
            <Tooltip title={q.confirmedAt ? formatDateTime(q.confirmedAt) : undefined}>
              <Typography.Text data-testid="customer-freshness">{freshText}</Typography.Text>
            </Tooltip>
            {stale ? <Tag color="orange">{t('quality.stale')}</Tag> : null}
          </Flex>
          {customer.can.edit ? (
            <div>
              <Button
                size="small"
                icon={<CheckCircleOutlined />}
                loading={confirm.isPending}
                onClick={() =>
                  confirm.mutate(undefined, {
                    onSuccess: () => void message.success(t('quality.confirmed')),
                    onError: (error) => void message.error(errorMessage(error, t)),
                  })
                }
                data-testid="customer-confirm"
              >
                {t('quality.confirm')}
              </Button>
            </div>
          ) : null}
        </Flex>
      </Flex>
      {missing.length > 0 ? (
        <Flex wrap gap={4} align="center" style={{ marginTop: 12 }} data-testid="customer-missing">
          <Typography.Text type="secondary">{t('quality.missing')}</Typography.Text>
          {missing.map((path) => (
            <Tag key={path}>{qualityFieldLabel(path, t, locale, customFields)}</Tag>
          ))}
        </Flex>
      ) : null}
    </Card>
  );
}
