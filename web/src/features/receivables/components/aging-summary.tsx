import { QuestionCircleOutlined } from '@ant-design/icons';
import { Card, Flex, Statistic, Tooltip } from 'antd';
import { agingBuckets, type Aging } from '@crm/contracts';
import { useI18n } from '../../../app/i18n/i18n-context';
import { dsoText } from './receivables-params';
import { useMoney } from './receivable-bits';

const box = { flex: '1 1 140px', minWidth: 0 };

/** DSO with its formula, the receivables in total and per aging bucket (万元 in zh-CN). */
export function AgingSummary({ aging }: { aging: Aging }) {
  const { t } = useI18n();
  const money = useMoney();
  const { dso, totals } = aging;
  const days = dsoText(dso.days);
  const formula = t('recv.dsoHelp', { days: dso.periodDays, receivable: money.full(dso.receivable), sales: money.full(dso.sales) });
  const dsoTitle = (
    <Flex gap={4} align="center">
      {t('recv.dso')}
      <Tooltip title={formula}>
        <QuestionCircleOutlined tabIndex={0} aria-label={formula} data-testid="dso-help" />
      </Tooltip>
    </Flex>
  );
  return (
    <Flex vertical gap={12} style={{ marginBottom: 16 }}>
      <Flex gap={12} wrap>
        <Card size="small" style={box} data-testid="dso">
          <Statistic title={dsoTitle} value={days === null ? t('recv.dsoNone', { days: dso.periodDays }) : t('recv.dsoDays', { days })} styles={{ content: { fontSize: days === null ? 14 : 20 } }} />
        </Card>
        <Card size="small" style={box} data-testid="aging-total">
          <Statistic title={t('recv.totalReceivable')} value={money.short(totals.total)} styles={{ content: { fontSize: 20 } }} />
        </Card>
      </Flex>
      <Flex gap={8} wrap data-testid="aging-buckets">
        {agingBuckets.map((bucket) => (
          <Card key={bucket} size="small" style={{ ...box, flex: '1 1 100px' }} data-testid={`bucket-${bucket}`}>
            <Statistic title={t(`recv.bucket.${bucket}`)} value={money.short(totals[bucket])} styles={{ content: { fontSize: 15, color: bucket === 'over90' && totals.over90 > 0 ? '#cf1322' : undefined } }} />
          </Card>
        ))}
      </Flex>
    </Flex>
  );
}
