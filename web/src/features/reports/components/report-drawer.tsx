import type { WorkReport, WorkReportKind } from '@crm/contracts';
import { useT } from '../../../app/i18n/i18n-context';
import { FormDrawer } from '../../../shared/form/form-drawer';
import { reportTitle } from './report-bits';
import { ReportEditForm, type EditValues } from './report-edit-form';
import { ReportWriteForm, type WriteValues } from './report-write-form';

type ReportDrawerProps = {
  open: boolean;
  onClose: () => void;
  onSaved: (report: WorkReport) => void;
} & ({ mode: 'write'; kind: WorkReportKind } | { mode: 'edit'; report: WorkReport });

/** 写日报 / 写周报, or change my report: in a drawer (the whole screen on a phone). */
export function ReportDrawer(props: ReportDrawerProps) {
  const t = useT();
  if (props.mode === 'edit') {
    return (
      <FormDrawer<EditValues> open={props.open} onClose={props.onClose} title={t('report.editTitle', { title: reportTitle(t, props.report) })} width={720} testId="report-drawer">
        {(form) => <ReportEditForm form={form} report={props.report} onClose={props.onClose} onSaved={props.onSaved} />}
      </FormDrawer>
    );
  }
  return (
    <FormDrawer<WriteValues> open={props.open} onClose={props.onClose} title={t(`report.write.${props.kind}`)} width={720} testId="report-drawer">
      {(form) => <ReportWriteForm form={form} kind={props.kind} onClose={props.onClose} onSaved={props.onSaved} />}
    </FormDrawer>
  );
}
