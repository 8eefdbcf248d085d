import { Form, Input } from 'antd';
import { maxLengthOf, workReportCreate } from '@crm/contracts';
import { useT } from '../../../app/i18n/i18n-context';
import { useFormRules } from '../../../shared/form/rules';

const limit = (field: 'summary' | 'plan' | 'problems') => maxLengthOf(workReportCreate, field);

/** What was done, what comes next, what stands in the way: the texts the author writes. */
export function ReportTextFields() {
  const t = useT();
  const rules = useFormRules();
  return (
    <>
      <Form.Item name="summary" label={t('report.f.summary')} rules={[rules.required, rules.max(limit('summary'))]} extra={t('report.summaryHint')}>
        <Input.TextArea autoSize={{ minRows: 5, maxRows: 16 }} maxLength={limit('summary')} data-testid="report-summary" />
      </Form.Item>
      <Form.Item name="plan" label={t('report.f.plan')} rules={[rules.max(limit('plan'))]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={limit('plan')} placeholder={t('report.planPlaceholder')} data-testid="report-plan" />
      </Form.Item>
      <Form.Item name="problems" label={t('report.f.problems')} rules={[rules.max(limit('problems'))]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} maxLength={limit('problems')} placeholder={t('report.problemsPlaceholder')} data-testid="report-problems" />
      </Form.Item>
    </>
  );
}
