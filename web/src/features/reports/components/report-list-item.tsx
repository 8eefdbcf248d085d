import { CommentOutlined } from '@ant-design/icons';
import { Badge, Flex, Typography } from 'antd';
import type { WorkReportListItem } from '@crm/contracts';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../app/i18n/i18n-context';
import { formatMoney } from '../../../shared/format/format';
import { ReportKindTag, periodText } from './report-bits';

/** The figures in one line: what the list shows of a report besides its first words. */
function Totals({ report }: { report: WorkReportListItem }) {
  const { t, locale } = useI18n();
  const { totals } = report;
  const parts = [
    t('report.total.followUps', { n: totals.followUps }),
    t('report.total.newCustomers', { n: totals.newCustomers }),
    t('report.total.dealsWon', { n: totals.dealsWon, amount: formatMoney(totals.wonAmount, totals.currency, locale) }),
    t('report.total.tasksDone', { n: totals.tasksDone }),
  ];
  return (
    <Typography.Text type="secondary" style={{ fontSize: 13 }} data-testid="report-totals">
      {parts.join(' · ')}
    </Typography.Text>
  );
}

/** A line of the report list: kind, period (a link to the report), author, unread mark, comments, first words, figures. */
export function ReportListItem({ report, showAuthor }: { report: WorkReportListItem; showAuthor: boolean }) {
  const { t } = useI18n();
  return (
    <Flex vertical gap={4} style={{ width: '100%', minWidth: 0 }} data-testid="report-row">
      <Flex gap={8} wrap align="center">
        <ReportKindTag kind={report.kind} />
        <Link to={`/reports/${report.id}`} style={{ fontWeight: 600 }} data-testid="report-link">
          {periodText(t, report.kind, report.period, report.periodEnd)}
        </Link>
        {showAuthor ? <Typography.Text data-testid="report-author">{report.authorName ?? ''}</Typography.Text> : null}
        {report.readByMe ? null : <Badge status="processing" text={t('report.unread')} data-testid="report-unread" />}
        {report.commentCount > 0 ? (
          <Typography.Text type="secondary" aria-label={t('report.commentCount', { n: report.commentCount })}>
            <CommentOutlined /> {report.commentCount}
          </Typography.Text>
        ) : null}
      </Flex>
      <Typography.Text style={{ overflowWrap: 'anywhere' }} data-testid="report-excerpt">
        {report.summaryExcerpt}
      </Typography.Text>
      <Totals report={report} />
    </Flex>
  );
}
