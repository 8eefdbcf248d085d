import { App, Col, Form, InputNumber, Row, Select, Typography, type FormInstance } from 'antd';
import { maxTarget, moneyMetrics, periodsOfYear, type TargetMetric, type TargetSubject, type TargetValue } from '@crm/contracts';
import { useEffect } from 'react';
import { useT } from '../../../app/i18n/i18n-context';
import { DrawerForm, FormDrawer } from '../../../shared/form/form-drawer';
import { useSaveProblems } from '../../../shared/form/use-save-problems';
import { YuanInput } from '../../../shared/form/yuan-input';
import { useSaveTargets } from '../api';
import { formValues, targetItems } from './target-model';

interface TargetFormValues {
  subject?: string;
  values: Record<string, number | null | undefined>;
}

interface TargetDrawerProps {
  open: boolean;
  year: number;
  metric: TargetMetric;
  /** The subjects the reader may set targets for. */
  subjects: TargetSubject[];
  /** The year's targets as read. */
  items: TargetValue[];
  /** The subject to open with (type:id). */
  initialSubject?: string;
  onClose: () => void;
}

const subjectKey = (s: { type: string; id: number }) => `${s.type}:${s.id}`;

/** 设置目标: one user's or department's targets of a year, month by month, by quarter and for the whole year. */
export function TargetDrawer(props: TargetDrawerProps) {
  const t = useT();
  return (
    <FormDrawer<TargetFormValues> open={props.open} onClose={props.onClose} title={t('target.setTitle', { year: props.year })} width={640} testId="target-drawer">
      {(form) => <TargetFormBody form={form} {...props} />}
    </FormDrawer>
  );
}

function TargetFormBody({ form, year, metric, subjects, items, initialSubject, onClose }: TargetDrawerProps & { form: FormInstance<TargetFormValues> }) {
  const t = useT();
  const { message } = App.useApp();
  const save = useSaveTargets();
  const problems = useSaveProblems<unknown, TargetFormValues>(form, () => ['subject']);
  const subject = Form.useWatch('subject', form);
  const periods = periodsOfYear(year);
  const money = moneyMetrics.has(metric);

  // Choosing another subject shows its targets.
  useEffect(() => {
    const chosen = subjects.find((s) => subjectKey(s) === subject);
    form.setFieldValue('values', chosen ? formValues(items, chosen, metric) : {});
  }, [subject, subjects, items, metric, form]);

  const submit = (values: TargetFormValues) => {
    const chosen = subjects.find((s) => subjectKey(s) === values.subject);
    if (!chosen) return;
    problems.clear();
    save.mutate(
      { year, metric, items: targetItems(values.values ?? {}, periods, chosen, metric) },
      {
        onSuccess: () => {
          void message.success(t('target.saved', { name: chosen.name }));
          onClose();
        },
        onError: problems.show,
      },
    );
  };

  const input = (period: string, label: string) => (
    <Form.Item name={['values', period]} label={label} style={{ marginBottom: 12 }}>
      {money ? (
        <YuanInput max={maxTarget / 100} placeholder={t('target.noTarget')} aria-label={label} data-testid={`target-${period}`} />
      ) : (
        <InputNumber<number> min={0} max={maxTarget} precision={0} style={{ width: '100%' }} placeholder={t('target.noTarget')} aria-label={label} data-testid={`target-${period}`} />
      )}
    </Form.Item>
  );

  return (
    <DrawerForm<TargetFormValues>
      form={form}
      name="target_form"
      initialValues={{ subject: initialSubject ?? (subjects[0] ? subjectKey(subjects[0]) : undefined), values: {} }}
      onFinish={submit}
      topRef={problems.topRef}
      errors={{ message: problems.failure, details: problems.details, labelFor: () => t('target.subject') }}
      saving={save.isPending}
      saveTestId="target-save"
      onCancel={onClose}
    >
      <Form.Item name="subject" label={t('target.subject')} rules={[{ required: true, message: t('common.required') }]}>
        <Select
          showSearch
          optionFilterProp="label"
          options={subjects.map((s) => ({ value: subjectKey(s), label: `${s.name}${s.type === 'department' ? ` (${t('target.department')})` : ''}` }))}
          data-testid="target-subject"
        />
      </Form.Item>
      <Typography.Paragraph type="secondary">{t(money ? 'target.hintMoney' : 'target.hintCount')}</Typography.Paragraph>
      <Typography.Title level={5}>{t('target.months')}</Typography.Title>
      <Row gutter={12}>
        {periods.slice(0, 12).map((p) => (
          <Col key={p} xs={12} sm={8} md={6}>
            {input(p, t('target.monthN', { month: Number(p.slice(5)) }))}
          </Col>
        ))}
      </Row>
      <Typography.Title level={5}>{t('target.quartersAndYear')}</Typography.Title>
      <Row gutter={12}>
        {periods.slice(12).map((p) => (
          <Col key={p} xs={12} sm={8} md={6}>
            {input(p, p.includes('Q') ? `Q${p.slice(6)}` : t('target.wholeYear'))}
          </Col>
        ))}
      </Row>
    </DrawerForm>
  );
}
