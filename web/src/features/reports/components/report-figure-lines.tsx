import { Flex, Tag, Typography } from 'antd';
import type { WorkReportFigures } from '@crm/contracts';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../app/i18n/i18n-context';
import { formatMoney } from '../../../shared/format/format';

function Section({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <Flex vertical gap={4} style={{ marginTop: 12 }} data-testid={testId}>
      <Typography.Text strong>{title}</Typography.Text>
      {children}
    </Flex>
  );
}

const lineStyle = { overflowWrap: 'anywhere' as const, fontSize: 13 };
// Links inside a line of text are underlined: colour alone does not tell them apart.
const inline = { textDecoration: 'underline' };

/** The records behind the figures: each follow-up (kind, customer, first words), the deals won and created, the tasks done. */
export function ReportFigureLines({ figures }: { figures: WorkReportFigures }) {
  const { t, locale } = useI18n();
  const money = (fen: number) => formatMoney(fen, figures.currency, locale);
  const deals = [...figures.dealsWon.items.map((d) => ({ ...d, won: true })), ...figures.dealsCreated.items.map((d) => ({ ...d, won: false }))];
  return (
    <>
      {figures.followUps.items.length > 0 ? (
        <Section title={t('report.fig.followUpLines')} testId="report-follow-up-lines">
          {figures.followUps.items.map((f) => (
            <Typography.Text key={f.id} style={lineStyle} data-testid="report-follow-up-line">
              <Tag style={{ marginInlineEnd: 6 }}>{t(`activity.kind.${f.kind}`)}</Tag>
              <Link to={`/customers/${f.customerId}`} style={inline}>{f.customerName}</Link> · {f.excerpt}
            </Typography.Text>
          ))}
        </Section>
      ) : null}
      {deals.length > 0 ? (
        <Section title={t('report.fig.dealLines')} testId="report-deal-lines">
          {deals.map((d) => (
            <Typography.Text key={`${d.won ? 'w' : 'c'}${d.id}`} style={lineStyle}>
              <Tag color={d.won ? 'green' : undefined} style={{ marginInlineEnd: 6 }}>{t(d.won ? 'report.fig.won' : 'report.fig.created')}</Tag>
              <Link to={`/opportunities/${d.id}`} style={inline}>{d.name}</Link> · {d.customerName} · {money(d.amount)}
            </Typography.Text>
          ))}
        </Section>
      ) : null}
      {figures.tasksDone.items.length > 0 ? (
        <Section title={t('report.fig.taskLines')} testId="report-task-lines">
          {figures.tasksDone.items.map((task) => (
            <Typography.Text key={task.id} style={lineStyle}>
              {task.title}
              {task.customerName ? ` · ${task.customerName}` : ''}
            </Typography.Text>
          ))}
        </Section>
      ) : null}
    </>
  );
}
