import { App, Checkbox, Form, type FormInstance } from 'antd';
import type { WorkReport } from '@crm/contracts';
import { useState } from 'react';
import { useT } from '../../../app/i18n/i18n-context';
import { ConflictAlert } from '../../../shared/form/conflict-alert';
import { DrawerForm } from '../../../shared/form/form-drawer';
import { useSaveProblems } from '../../../shared/form/use-save-problems';
import { useFocusOnOpen } from '../../../shared/hooks/use-focus-on-open';
import { useUpdateReport } from '../api';
import { ReportFigures } from './report-figures';
import { reportFieldLabel } from './report-labels';
import { reportValues, updateReportPayload, type ReportValues } from './report-model';
import { ReportTextFields } from './report-text-fields';

export type EditValues = ReportValues & { refreshFigures: boolean };

interface ReportEditFormProps {
  form: FormInstance<EditValues>;
  report: WorkReport;
  onClose: () => void;
  onSaved: (report: WorkReport) => void;
}

/** Change my report's texts; its figures stay as taken unless I ask for them again. */
export function ReportEditForm({ form, report: initial, onClose, onSaved }: ReportEditFormProps) {
  const t = useT();
  const { message } = App.useApp();
  const update = useUpdateReport();
  const [report, setReport] = useState(initial);
  const problems = useSaveProblems<WorkReport, EditValues>(form);
  useFocusOnOpen(form, 'summary');

  const submit = (values: EditValues) => {
    problems.clear();
    update.mutate(
      { id: report.id, body: updateReportPayload(report, values, values.refreshFigures) },
      {
        onSuccess: (saved) => {
          void message.success(t('common.saved'));
          onSaved(saved);
        },
        onError: problems.show,
      },
    );
  };
  const reload = () => {
    if (!problems.conflict) return;
    setReport(problems.conflict);
    form.setFieldsValue({ ...reportValues(problems.conflict), refreshFigures: false });
    problems.clear();
  };
  return (
    <DrawerForm<EditValues>
      form={form}
      name="report_edit_form"
      initialValues={{ ...reportValues(report), refreshFigures: false }}
      onFinish={submit}
      topRef={problems.topRef}
      conflict={problems.conflict ? <ConflictAlert onReload={reload} /> : null}
      errors={{ message: problems.failure, details: problems.details, labelFor: (path) => reportFieldLabel(t, path) }}
      saving={update.isPending}
      saveTestId="report-save"
      onCancel={onClose}
    >
      <div style={{ marginBottom: 8 }}>
        <ReportFigures figures={report.figures} lines={false} />
      </div>
      <Form.Item name="refreshFigures" valuePropName="checked">
        <Checkbox data-testid="report-refresh">{t('report.refreshFigures')}</Checkbox>
      </Form.Item>
      <ReportTextFields />
    </DrawerForm>
  );
}
