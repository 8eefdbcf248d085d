import { Alert, App, Form, Skeleton, Typography, type FormInstance } from 'antd';
import type { WorkReport, WorkReportKind } from '@crm/contracts';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { useT } from '../../../app/i18n/i18n-context';
import { isApiError } from '../../../shared/api/client';
import { DrawerForm } from '../../../shared/form/form-drawer';
import { useSaveProblems } from '../../../shared/form/use-save-problems';
import { QueryErrorResult } from '../../../shared/layout/results';
import { useCreateReport, useReportDraft } from '../api';
import { periodText } from './report-bits';
import { ReportDayField } from './report-day-field';
import { ReportFigures } from './report-figures';
import { createReportPayload, type ReportValues } from './report-model';
import { ReportTextFields } from './report-text-fields';
import { reportFieldLabel } from './report-labels';
import { useDraftFill } from './use-draft-fill';

export type WriteValues = ReportValues & { date: string };

interface ReportWriteFormProps {
  form: FormInstance<WriteValues>;
  kind: WorkReportKind;
  onClose: () => void;
  onSaved: (report: WorkReport) => void;
}

/** A new report: the day (or week), its figures read-only, and the texts pre-filled from the draft. */
export function ReportWriteForm({ form, kind, onClose, onSaved }: ReportWriteFormProps) {
  const t = useT();
  const { message } = App.useApp();
  const today = dayjs().format('YYYY-MM-DD');
  const date = (Form.useWatch('date', form) as string | undefined) ?? today;
  const draft = useReportDraft(kind, date, true);
  const create = useCreateReport();
  const problems = useSaveProblems<WorkReport, WriteValues>(form);
  useDraftFill(form, draft.data);

  const submit = (values: WriteValues) => {
    problems.clear();
    create.mutate(createReportPayload(kind, values.date, values), {
      onSuccess: (report) => {
        void message.success(t('report.submitted'));
        onSaved(report);
      },
      onError: (error) => {
        // Written meanwhile (another tab): open the one that exists.
        if (isApiError(error) && error.code === 'CONFLICT' && error.current) {
          void message.info(t('report.exists'));
          onSaved(error.current as WorkReport);
        } else problems.show(error);
      },
    });
  };
  const existing = draft.data?.existing ?? null;
  return (
    <DrawerForm<WriteValues>
      form={form}
      name="report_form"
      initialValues={{ date: today, summary: '', plan: '', problems: '' }}
      onFinish={submit}
      topRef={problems.topRef}
      errors={{ message: problems.failure, details: problems.details, labelFor: (path) => reportFieldLabel(t, path) }}
      saving={create.isPending}
      saveTestId="report-save"
      onCancel={onClose}
    >
      <ReportDayField kind={kind} />
      {draft.data ? <Typography.Paragraph type="secondary" data-testid="report-period">{t('report.periodIs', { period: periodText(t, kind, draft.data.period, draft.data.periodEnd) })}</Typography.Paragraph> : null}
      {existing ? <Alert type="info" showIcon style={{ marginBottom: 16 }} data-testid="report-exists" title={t('report.existsHere')} description={<Link to={`/reports/${existing.id}`} onClick={onClose}>{t('report.openExisting')}</Link>} /> : null}
      {draft.isPending ? <Skeleton active paragraph={{ rows: 3 }} data-testid="report-draft-loading" /> : null}
      {draft.isError ? <QueryErrorResult error={draft.error} onRetry={() => void draft.refetch()} /> : null}
      {draft.data ? <div style={{ marginBottom: 16 }}><ReportFigures figures={draft.data.figures} lines={false} /></div> : null}
      <ReportTextFields />
    </DrawerForm>
  );
}
