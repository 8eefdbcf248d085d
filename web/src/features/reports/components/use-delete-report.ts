import { App } from 'antd';
import type { WorkReport } from '@crm/contracts';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../../app/i18n/i18n-context';
import { errorMessage } from '../../../shared/api/error-message';
import { testId } from '../../../shared/test-id';
import { useDeleteReport } from '../api';
import { reportTitle } from './report-bits';

/** Deleting my report (with its comments), confirmed first; then back to the list. */
export function useDeleteReportConfirm() {
  const t = useT();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const remove = useDeleteReport();
  return (report: WorkReport) =>
    void modal.confirm({
      title: t('report.deleteConfirm', { title: reportTitle(t, report) }),
      content: report.comments.length > 0 ? t('report.deleteWithComments', { n: report.comments.length }) : t('report.deleteText'),
      okText: t('common.delete'),
      okButtonProps: { danger: true, ...testId('confirm-delete-report') },
      cancelText: t('common.cancel'),
      onOk: () =>
        remove.mutateAsync(report.id).then(
          () => {
            void message.success(t('report.deleted'));
            void navigate('/reports');
          },
          (error: unknown) => void message.error(errorMessage(error, t)),
        ),
    });
}
