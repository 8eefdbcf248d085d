import { QuestionCircleOutlined } from '@ant-design/icons';
import { Button, Flex, Progress, Statistic, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context';
import { formatMoney } from '../../../shared/format/format';
import { percentOf, type AttainmentSummary } from './forecast-attainment-model';

interface AttainmentFiguresProps {
  summary: AttainmentSummary & { target: number; gap: number };
  currency: string;
  /** The forecast is filtered to one pipeline: its weighted amount covers that pipeline only. */
  pipelineOnly: boolean;
  scopeName: string;
}

/** Target, signed, forecast and gap (万元 in Chinese), and a bar: signed in green, forecast in blue. */
export function AttainmentFigures({ summary, currency, pipelineOnly, scopeName }: AttainmentFiguresProps) {
  const { t, locale } = useI18n();
  const exceeded = summary.gap <= 0;
  const actual = percentOf(summary.actualBp);
  const forecast = percentOf(summary.forecastBp);
  const hint = `${t('forecast.att.forecastHint')}${pipelineOnly ? ` ${t('forecast.att.pipelineOnly')}` : ''}`;
  const forecastTitle = (
    <Flex align="center" gap={2}>
      {t('forecast.att.forecast')}
      <Tooltip title={hint}>
        <Button type="text" size="small" icon={<QuestionCircleOutlined />} aria-label={t('forecast.att.aboutForecast')} style={{ height: 20, width: 20 }} />
      </Tooltip>
    </Flex>
  );
  const figures: Array<{ key: string; title: ReactNode; value: number }> = [
    { key: 'target', title: t('forecast.att.target'), value: summary.target },
    { key: 'actual', title: t('forecast.att.actual'), value: summary.actual },
    { key: 'forecast', title: forecastTitle, value: summary.forecast },
    { key: 'gap', title: exceeded ? t('forecast.att.exceeded') : t('forecast.att.gap'), value: Math.abs(summary.gap) },
  ];

  return (
    <Flex vertical gap={8}>
      <Typography.Text strong data-testid="attainment-scope">{scopeName}</Typography.Text>
      <Flex gap={12} wrap>
        {figures.map((f) => (
          <div key={f.key} style={{ flex: '1 1 130px', minWidth: 0 }} data-testid={`attainment-${f.key}`}>
            <Statistic title={f.title} value={formatMoney(f.value, currency, locale, 'short')} styles={{ content: { fontSize: 18 } }} />
          </div>
        ))}
      </Flex>
      <Progress
        percent={forecast?.bar ?? 0}
        success={{ percent: actual?.bar ?? 0 }}
        format={() => actual?.text}
        aria-label={t('forecast.att.barLabel', { name: scopeName })}
        data-testid="attainment-bar"
      />
      <Typography.Text type="secondary" data-testid="attainment-percents">
        {t('forecast.att.percents', { actual: actual?.text ?? '', forecast: forecast?.text ?? '' })}
      </Typography.Text>
      {summary.missing.length > 0 ? (
        <Typography.Text type="secondary">{t('forecast.att.missing', { periods: summary.missing.join(locale === 'zh-CN' ? '、' : ', ') })}</Typography.Text>
      ) : null}
    </Flex>
  );
}
