import { Card, Empty, List } from 'antd';
import type { WorkReport, WorkReportComment } from '@crm/contracts';
import { useT } from '../../../app/i18n/i18n-context';
import { ReportCommentComposer } from './report-comment-composer';
import { ReportCommentItem } from './report-comment-item';

/** A report's comments, oldest first, and the box to add one. */
export function ReportComments({ report }: { report: WorkReport }) {
  const t = useT();
  return (
    <Card title={t('report.comments', { n: report.comments.length })} data-testid="report-comments">
      {report.comments.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('report.noComments')} data-testid="report-comments-empty" />
      ) : (
        <List<WorkReportComment>
          dataSource={report.comments}
          rowKey="id"
          renderItem={(comment) => <ReportCommentItem reportId={report.id} comment={comment} />}
        />
      )}
      {report.can.comment ? <ReportCommentComposer reportId={report.id} /> : null}
    </Card>
  );
}
