import { Card, Empty, Flex, List, Typography } from 'antd';
import type { WorkReport, WorkReportComment } from '@crm/contracts';
import { useT } from '../../../app/i18n/i18n-context';
import { formatDateTime } from '../../../shared/format/format';
import { ReportCommentComposer } from './report-comment-composer';

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
          renderItem={(comment) => (
            <List.Item data-testid="report-comment">
              <Flex vertical gap={2} style={{ minWidth: 0 }}>
                <Flex gap={8} wrap align="baseline">
                  <Typography.Text strong>{comment.authorName ?? ''}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(comment.createdAt)}
                  </Typography.Text>
                </Flex>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', marginBottom: 0 }}>{comment.content}</Typography.Paragraph>
              </Flex>
            </List.Item>
          )}
        />
      )}
      {report.can.comment ? <ReportCommentComposer reportId={report.id} /> : null}
    </Card>
  );
}
