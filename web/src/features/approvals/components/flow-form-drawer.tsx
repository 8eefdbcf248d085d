import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Form, Input, InputNumber, Radio, Select, Switch, Typography, type FormInstance } from 'antd';
import { approvalConditionKinds, approvalFlowLimits, approvalFlowUpdate, approvalStepKinds, maxLengthOf, type ApprovalFlow } from '@crm/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context';
import type { MessageKey } from '../../../app/i18n/translate';
import { ConflictAlert } from '../../../shared/form/conflict-alert';
import { DrawerForm, FormDrawer } from '../../../shared/form/form-drawer';
import { useFormRules } from '../../../shared/form/rules';
import { useSaveProblems } from '../../../shared/form/use-save-problems';
import { YuanInput } from '../../../shared/form/yuan-input';
import { enumLabel } from '../../../shared/enums/customer-enums';
import { useFocusOnOpen } from '../../../shared/hooks/use-focus-on-open';
import { useRoles } from '../../roles';
import { useUserOptions } from '../../users';
import { approvalKeys, useSaveApprovalFlow } from '../api';
import { recordTypeLabel } from './approval-bits';
import { flowFieldPath, flowPayload, flowToValues, newFlowValues, type ConditionValues, type FlowFormValues, type StepValues } from './flow-form-model';

const nameMax = maxLengthOf(approvalFlowUpdate, 'name');
const wide = { flex: '2 1 220px', minWidth: 0, marginBottom: 0 };
const narrow = { flex: '1 1 160px', minWidth: 0, marginBottom: 0 };

const labels: Record<string, MessageKey> = {
  name: 'flow.f.name',
  recordType: 'flow.f.recordType',
  priority: 'flow.f.priority',
  match: 'flow.f.match',
  conditions: 'flow.f.conditions',
  steps: 'flow.f.steps',
};

interface FlowFormDrawerProps {
  open: boolean;
  flow?: ApprovalFlow;
  recordTypes: string[];
  onClose: () => void;
}

/** New approval flow and edit: name, record type, priority, conditions (any / all) and the ordered steps. */
export function FlowFormDrawer({ open, flow, recordTypes, onClose }: FlowFormDrawerProps) {
  const { t } = useI18n();
  return (
    <FormDrawer<FlowFormValues> open={open} onClose={onClose} title={flow ? t('flow.editTitle') : t('flow.createTitle')} width={760} testId="flow-drawer">
      {(form) => <FlowForm form={form} flow={flow} recordTypes={recordTypes} onClose={onClose} />}
    </FormDrawer>
  );
}

function FlowForm({ form, flow, recordTypes, onClose }: Omit<FlowFormDrawerProps, 'open'> & { form: FormInstance<FlowFormValues> }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const rules = useFormRules();
  const queryClient = useQueryClient();
  const save = useSaveApprovalFlow();
  const users = useUserOptions();
  const roles = useRoles();
  const [editing, setEditing] = useState<ApprovalFlow | undefined>(flow);
  const problems = useSaveProblems<ApprovalFlow, FlowFormValues>(form, flowFieldPath);
  useFocusOnOpen(form, 'name');
  const initialValues = useMemo(() => (editing ? flowToValues(editing) : newFlowValues(recordTypes[0] ?? 'quote')), [editing, recordTypes]);
  const conditions = (Form.useWatch('conditions', form) ?? initialValues.conditions) as ConditionValues[];
  const steps = (Form.useWatch('steps', form) ?? initialValues.steps) as StepValues[];
  const roleOptions = (roles.data ?? []).map((r) => ({ value: r.id, label: r.name }));
  const creditOptions = (['good', 'fair', 'poor'] as const).map((value) => ({ value, label: enumLabel(t, 'credit', value) }));

  const submit = () => {
    const values = form.getFieldsValue(true) as FlowFormValues;
    problems.clear();
    const body = flowPayload(values);
    save.mutate(
      { id: editing?.id, body: editing ? { ...body, version: editing.version } : body },
      {
        onSuccess: (saved) => {
          void message.success(t('flow.saved', { name: saved.name }));
          onClose();
        },
        onError: problems.show,
      },
    );
  };

  const reloadCurrent = () => {
    if (!problems.conflict) return;
    void queryClient.invalidateQueries({ queryKey: approvalKeys.flows });
    setEditing(problems.conflict);
    problems.clear();
    form.resetFields();
    form.setFieldsValue(flowToValues(problems.conflict));
  };

  const labelFor = (path: string) => {
    const key = labels[path.split('.')[0] ?? ''];
    return key ? `${t(key)} ${path.split('.').slice(1).join('.')}`.trim() : path;
  };

  return (
    <DrawerForm<FlowFormValues>
      form={form}
      name="approval_flow_form"
      initialValues={initialValues}
      onFinish={submit}
      topRef={problems.topRef}
      conflict={problems.conflict ? <ConflictAlert onReload={reloadCurrent} /> : null}
      errors={{ message: problems.failure, details: problems.details, labelFor }}
      saving={save.isPending}
      saveTestId="flow-save"
      onCancel={onClose}
    >
      <Form.Item name="name" label={t('flow.f.name')} rules={[rules.required, rules.max(nameMax)]}>
        <Input maxLength={nameMax} autoComplete="off" data-testid="flow-name" />
      </Form.Item>
      <Flex gap={16} wrap>
        <Form.Item name="recordType" label={t('flow.f.recordType')} rules={[rules.requiredChoice]} style={narrow}>
          <Select data-testid="flow-record-type" options={recordTypes.map((type) => ({ value: type, label: recordTypeLabel(type, t) }))} />
        </Form.Item>
        <Form.Item name="priority" label={t('flow.f.priority')} tooltip={t('flow.f.priorityHint')} rules={[rules.requiredChoice]} style={narrow}>
          <InputNumber<number> min={0} max={10_000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="active" label={t('flow.f.active')} valuePropName="checked" style={{ marginBottom: 0 }}>
          <Switch />
        </Form.Item>
      </Flex>

      <Typography.Title level={2} style={{ fontSize: 16, marginTop: 16 }}>
        {t('flow.f.conditions')}
      </Typography.Title>
      <Form.Item name="match" label={t('flow.f.match')}>
        <Radio.Group options={(['any', 'all'] as const).map((m) => ({ value: m, label: t(`flow.match.${m}`) }))} />
      </Form.Item>
      <Form.List name="conditions">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8} style={{ marginBottom: 16 }}>
            {fields.length === 0 ? <Typography.Text type="secondary">{t('flow.noConditions')}</Typography.Text> : null}
            {fields.map(({ key, name }) => {
              const kind = conditions[name]?.kind;
              return (
                <Card size="small" key={key} data-testid="flow-condition">
                  <Flex gap={8} wrap align="end">
                    <Form.Item name={[name, 'kind']} label={t('flow.conditionKind', { n: name + 1 })} rules={[rules.requiredChoice]} style={wide}>
                      <Select options={approvalConditionKinds.map((k) => ({ value: k, label: t(`flow.cond.${k}`) }))} data-testid="flow-condition-kind" />
                    </Form.Item>
                    {kind === 'discount_above' ? (
                      <Form.Item name={[name, 'percent']} label={t('flow.condPercent')} rules={[rules.requiredChoice]} style={narrow}>
                        <InputNumber<number> min={0} max={100} precision={2} suffix="%" style={{ width: '100%' }} data-testid="flow-condition-percent" />
                      </Form.Item>
                    ) : null}
                    {kind === 'amount_above' ? (
                      <Form.Item name={[name, 'amountYuan']} label={t('flow.condAmount')} rules={[rules.requiredChoice]} style={narrow}>
                        <YuanInput data-testid="flow-condition-amount" />
                      </Form.Item>
                    ) : null}
                    {kind === 'credit_below' ? (
                      <Form.Item name={[name, 'standing']} label={t('flow.condStanding')} rules={[rules.requiredChoice]} style={narrow}>
                        <Select options={creditOptions} />
                      </Form.Item>
                    ) : null}
                    <Button icon={<DeleteOutlined />} onClick={() => remove(name)} aria-label={t('flow.removeCondition', { n: name + 1 })} />
                  </Flex>
                </Card>
              );
            })}
            {conditions.some((c) => c?.kind === 'credit_below') ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('flow.creditNote')}
              </Typography.Text>
            ) : null}
            {fields.length < approvalFlowLimits.conditions ? (
              <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'amount_above', amountYuan: null } satisfies ConditionValues)} style={{ alignSelf: 'flex-start' }} data-testid="flow-add-condition">
                {t('flow.addCondition')}
              </Button>
            ) : null}
          </Flex>
        )}
      </Form.List>

      <Typography.Title level={2} style={{ fontSize: 16 }}>
        {t('flow.f.steps')}
      </Typography.Title>
      <Form.List name="steps">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8} style={{ marginBottom: 16 }}>
            {fields.map(({ key, name }) => {
              const kind = steps[name]?.kind;
              return (
                <Card size="small" key={key} data-testid="flow-step">
                  <Flex gap={8} wrap align="end">
                    <Form.Item name={[name, 'kind']} label={t('flow.stepKind', { n: name + 1 })} rules={[rules.requiredChoice]} style={wide}>
                      <Select options={approvalStepKinds.map((k) => ({ value: k, label: t(`flow.step.${k}`) }))} data-testid="flow-step-kind" />
                    </Form.Item>
                    {kind === 'user' ? (
                      <Form.Item name={[name, 'userId']} label={t('flow.stepUser')} rules={[rules.requiredChoice]} style={wide}>
                        <Select<number> showSearch={{ optionFilterProp: 'label' }} loading={users.loading} options={users.options} data-testid="flow-step-user" />
                      </Form.Item>
                    ) : null}
                    {kind === 'role' ? (
                      <Form.Item name={[name, 'roleId']} label={t('flow.stepRole')} rules={[rules.requiredChoice]} style={wide}>
                        <Select<number> showSearch={{ optionFilterProp: 'label' }} loading={roles.isPending} options={roleOptions} data-testid="flow-step-role" />
                      </Form.Item>
                    ) : null}
                    {fields.length > 1 ? <Button icon={<DeleteOutlined />} onClick={() => remove(name)} aria-label={t('flow.removeStep', { n: name + 1 })} /> : null}
                  </Flex>
                  {kind === 'manager' ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('flow.managerHint')}
                    </Typography.Text>
                  ) : null}
                </Card>
              );
            })}
            {fields.length < approvalFlowLimits.steps ? (
              <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'user' } satisfies StepValues)} style={{ alignSelf: 'flex-start' }} data-testid="flow-add-step">
                {t('flow.addStep')}
              </Button>
            ) : null}
          </Flex>
        )}
      </Form.List>
    </DrawerForm>
  );
}
