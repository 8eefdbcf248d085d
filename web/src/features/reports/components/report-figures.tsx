import { Descriptions } from 'antd';
import type { WorkReportFigures } from '@crm/contracts';
import { useI18n } from '../../../app/i18n/i18n-context';
import { formatMoney } from '../../../shared/format/format';
import { ReportFigureLines } from './report-figure-lines';

/**
 * The period's figures as the CRM recorded them, read-only: counts and amounts (yuan), then the
 * follow-ups, deals and tasks behind them.
 */
export function ReportFigures({ figures, lines = true }: { figures: WorkReportFigures; lines?: boolean }) {
  const { t, locale } = useI18n();
  const money = (fen: number) => formatMoney(fen, figures.currency, locale);
  const items = [
    { key: 'followUps', label: t('report.fig.followUps'), children: t('report.fig.times', { n: figures.followUps.count }) },
    { key: 'newCustomers', label: t('report.fig.newCustomers'), children: figures.newCustomers.count },
    { key: 'dealsCreated', label: t('report.fig.dealsCreated'), children: t('report.fig.countAmount', { n: figures.dealsCreated.count, amount: money(figures.dealsCreated.amount) }) },
    { key: 'dealsWon', label: t('report.fig.dealsWon'), children: t('report.fig.countAmount', { n: figures.dealsWon.count, amount: money(figures.dealsWon.amount) }) },
    { key: 'tasksDone', label: t('report.fig.tasksDone'), children: figures.tasksDone.count },
  ];
  return (
    <div data-testid="report-figures">
      <Descriptions size="small" bordered column={{ xs: 1, sm: 2, lg: 3 }} items={items} />
      {lines ? <ReportFigureLines figures={figures} /> : null}
    </div>
  );
}
