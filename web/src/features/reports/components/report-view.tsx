import { ArrowLeftOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Typography } from 'antd';
import type { WorkReport } from '@crm/contracts';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../../app/i18n/i18n-context';
import { formatDateTime } from '../../../shared/format/format';
import { PageHeader } from '../../../shared/layout/page-header';
import { ReportKindTag, reportTitle } from './report-bits';
import { ReportComments } from './report-comments';
import { ReportDrawer } from './report-drawer';
import { ReportFigures } from './report-figures';
import { ReportTexts } from './report-texts';
import { useDeleteReportConfirm } from './use-delete-report';

/** Who wrote it and when, who read it; the author's edit and delete. */
function Byline({ report }: { report: WorkReport }) {
  const t = useT();
  const readers = report.readers.map((r) => r.userName ?? '').join('、');
  return (
    <Flex vertical gap={2}>
      <Typography.Text type="secondary" data-testid="report-byline">
        {t('report.byline', { author: report.authorName ?? '', at: formatDateTime(report.createdAt) })}
      </Typography.Text>
      {readers ? (
        <Typography.Text type="secondary" style={{ fontSize: 13 }} data-testid="report-readers">
          {t('report.readBy', { names: readers })}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}

/** A report: its texts, the figures behind them, comments; the author edits or deletes (confirmed). */
export function ReportView({ report }: { report: WorkReport }) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const confirmDelete = useDeleteReportConfirm();
  const actions = (
    <>
      {report.can.edit ? <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="report-edit">{t('common.edit')}</Button> : null}
      {report.can.delete ? <Button danger icon={<DeleteOutlined />} onClick={() => confirmDelete(report)} data-testid="report-delete">{t('common.delete')}</Button> : null}
    </>
  );
  return (
    <>
      <Link to="/reports" style={{ display: 'inline-block', marginBottom: 8 }}>
        <ArrowLeftOutlined /> {t('report.backToList')}
      </Link>
      <PageHeader title={<Flex gap={8} align="center" wrap><ReportKindTag kind={report.kind} />{reportTitle(t, report)}</Flex>} subTitle={<Byline report={report} />} extra={actions} />
      <Flex vertical gap={16}>
        <ReportTexts report={report} />
        <Card title={t('report.figuresTitle')}>
          <ReportFigures figures={report.figures} />
        </Card>
        <ReportComments report={report} />
      </Flex>
      <ReportDrawer mode="edit" report={report} open={editing} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />
    </>
  );
}
