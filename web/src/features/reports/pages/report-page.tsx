import { Skeleton } from 'antd';
import { useParams } from 'react-router-dom';
import { useT } from '../../../app/i18n/i18n-context';
import { isApiError } from '../../../shared/api/client';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { NotFoundResult, QueryErrorResult } from '../../../shared/layout/results';
import { useReport } from '../api';
import { reportTitle } from '../components/report-bits';
import { ReportView } from '../components/report-view';

/** One report: /reports/:id (404 when it is gone or its author is outside my scope). */
export function ReportPage() {
  const t = useT();
  const id = Number(useParams().id);
  const report = useReport(id);
  useDocumentTitle(report.data ? `${reportTitle(t, report.data)} ${report.data.authorName ?? ''}` : t('report.pageTitle'));
  if (!Number.isInteger(id) || id <= 0) return <NotFoundResult />;
  if (report.isPending) return <Skeleton active paragraph={{ rows: 10 }} data-testid="report-loading" />;
  if (report.isError) {
    return isApiError(report.error) && report.error.status === 404 ? <NotFoundResult /> : <QueryErrorResult error={report.error} onRetry={() => void report.refetch()} />;
  }
  return <ReportView report={report.data} />;
}
