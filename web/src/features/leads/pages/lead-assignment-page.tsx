import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Empty, Flex, Form, Input, Radio, Row, Select, Switch, Typography, type FormInstance } from 'antd';
import { assignmentRule, assignmentRuleKinds, maxLengthOf, type AssignmentRule, type AssignmentRulesState } from '@crm/contracts';
import { useState } from 'react';
import { useT } from '../../../app/i18n/i18n-context';
import { isApiError, type ApiErrorDetail } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/api/error-message';
import { FormErrorsAlert } from '../../../shared/form/form-errors-alert';
import { applyServerErrors } from '../../../shared/form/server-errors';
import { useRegionOptions } from '../../../shared/region/region-data';
import { SettingsPage, StaleSettingsAlert } from '../../settings';
import { useUserOptions } from '../../users';
import { useAssignmentRules, useSaveAssignmentRules } from '../api';
import { useSourceLabels } from '../components/lead-bits';

const ruleNameLimit = maxLengthOf(assignmentRule, 'name');

type RuleKind = (typeof assignmentRuleKinds)[number];

interface RulesValues {
  rules: AssignmentRule[];
}

/** A stable id for a new rule (the round-robin turn is kept per id on the server). */
function newRuleId(): string {
  const random = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID().slice(0, 8) : Math.random().toString(36).slice(2, 10);
  return `r_${Date.now().toString(36)}_${random}`;
}

interface RuleCardProps {
  form: FormInstance<RulesValues>;
  name: number;
  index: number;
  count: number;
  editable: boolean;
  onMove: (from: number, to: number) => void;
  onRemove: () => void;
}

function RuleCard({ form, name, index, count, editable, onMove, onRemove }: RuleCardProps) {
  const t = useT();
  const { modal } = App.useApp();
  const users = useUserOptions();
  const regions = useRegionOptions();
  const sources = useSourceLabels();
  const kind = (Form.useWatch(['rules', name, 'kind'], form) as RuleKind | undefined) ?? 'round_robin';
  const ruleName = (Form.useWatch(['rules', name, 'name'], form) as string | undefined) ?? '';
  const enabled = (Form.useWatch(['rules', name, 'enabled'], form) as boolean | undefined) ?? true;

  return (
    <Card
      size="small"
      data-testid="lead-rule"
      style={enabled ? undefined : { opacity: 0.7 }}
      title={
        <Flex align="center" gap={8} style={{ minWidth: 0 }}>
          <Typography.Text type="secondary">{index + 1}.</Typography.Text>
          <Typography.Text ellipsis style={{ minWidth: 0 }}>
            {ruleName || t('leadRule.untitled')}
          </Typography.Text>
        </Flex>
      }
      extra={
        <Flex gap={2} align="center">
          <Form.Item name={[name, 'enabled']} valuePropName="checked" noStyle>
            <Switch size="small" aria-label={t('leadRule.enabled')} data-testid="lead-rule-enabled" />
          </Form.Item>
          <Button size="small" type="text" icon={<ArrowUpOutlined />} aria-label={t('leadRule.moveUp')} disabled={!editable || index === 0} onClick={() => onMove(index, index - 1)} />
          <Button
            size="small"
            type="text"
            icon={<ArrowDownOutlined />}
            aria-label={t('leadRule.moveDown')}
            disabled={!editable || index === count - 1}
            onClick={() => onMove(index, index + 1)}
          />
          <Button
            size="small"
            type="text"
            danger
            icon={<DeleteOutlined />}
            aria-label={t('common.delete')}
            disabled={!editable}
            onClick={() =>
              void modal.confirm({
                title: t('leadRule.removeConfirm', { name: ruleName || t('leadRule.untitled') }),
                okText: t('common.delete'),
                okButtonProps: { danger: true },
                cancelText: t('common.cancel'),
                onOk: onRemove,
              })
            }
            data-testid="lead-rule-remove"
          />
        </Flex>
      }
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name={[name, 'name']}
            label={t('leadRule.name')}
            rules={[
              { required: true, whitespace: true, message: t('common.required') },
              { max: ruleNameLimit, message: t('common.tooLong', { max: ruleNameLimit }) },
            ]}
          >
            <Input maxLength={ruleNameLimit} data-testid="lead-rule-name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={[name, 'kind']} label={t('leadRule.kind')}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={assignmentRuleKinds.map((k) => ({ value: k, label: t(`leadRule.kind.${k}`) }))}
              data-testid="lead-rule-kind"
            />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item
            name={[name, 'userIds']}
            label={t('leadRule.users')}
            extra={t('leadRule.usersHint')}
            rules={[{ required: true, type: 'array', min: 1, message: t('leadRule.usersRequired') }]}
          >
            <Select
              mode="multiple"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              loading={users.loading}
              options={users.options}
              placeholder={t('leadRule.chooseUsers')}
              data-testid="lead-rule-users"
            />
          </Form.Item>
        </Col>
        {kind === 'region' ? (
          <Col xs={24}>
            <Form.Item
              name={[name, 'provinces']}
              label={t('leadRule.provinces')}
              rules={[{ required: true, type: 'array', min: 1, message: t('leadRule.provincesRequired') }]}
            >
              <Select
                mode="multiple"
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                loading={regions.isPending}
                options={(regions.data ?? []).map((r) => ({ value: r.value, label: r.label }))}
                placeholder={t('leadRule.chooseProvinces')}
                data-testid="lead-rule-provinces"
              />
            </Form.Item>
          </Col>
        ) : null}
        {kind === 'source' || kind === 'round_robin' ? (
          <Col xs={24}>
            <Form.Item
              name={[name, 'sources']}
              label={t('leadRule.sources')}
              extra={kind === 'round_robin' ? t('leadRule.sourcesOptional') : undefined}
              rules={kind === 'source' ? [{ required: true, type: 'array', min: 1, message: t('leadRule.sourcesRequired') }] : []}
            >
              <Select
                mode="multiple"
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                loading={sources.loading}
                options={sources.items.map((s) => ({ value: s.key, label: sources.label(s.key) }))}
                placeholder={t('leadRule.chooseSources')}
                data-testid="lead-rule-sources"
              />
            </Form.Item>
          </Col>
        ) : null}
      </Row>
    </Card>
  );
}

function RulesForm({ state, editable, onReload }: { state: AssignmentRulesState; editable: boolean; onReload: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<RulesValues>();
  const save = useSaveAssignmentRules();
  const [stale, setStale] = useState(false);
  const [failure, setFailure] = useState<{ message: string | null; details: ApiErrorDetail[] }>({ message: null, details: [] });

  const submit = () => {
    // Every value, including each rule's id, which no input shows (onFinish passes only inputs).
    const values = form.getFieldsValue(true) as RulesValues;
    setFailure({ message: null, details: [] });
    save.mutate(
      {
        rules: (values.rules ?? []).map((rule) => ({
          id: rule.id,
          name: rule.name.trim(),
          kind: rule.kind,
          enabled: rule.enabled,
          userIds: rule.userIds,
          // Only the lists the kind uses travel: a region rule keeps no stale sources and so on.
          provinces: rule.kind === 'region' ? (rule.provinces ?? []) : [],
          sources: rule.kind === 'region' ? [] : (rule.sources ?? []),
        })),
        version: state.version,
      },
      {
        onSuccess: () => void message.success(t('common.saved')),
        onError: (error) => {
          if (isApiError(error) && error.status === 409) {
            setStale(true);
            return;
          }
          const details = applyServerErrors(form, error);
          setFailure({ message: errorMessage(error, t), details });
        },
      },
    );
  };

  const labelFor = (path: string) => {
    const [, index, field] = path.split('.');
    const rule = index === undefined ? undefined : (form.getFieldValue(['rules', Number(index)]) as AssignmentRule | undefined);
    const fieldKey = field === 'userIds' ? 'leadRule.users' : field === 'provinces' ? 'leadRule.provinces' : field === 'sources' ? 'leadRule.sources' : field === 'name' ? 'leadRule.name' : null;
    return [rule ? `${Number(index) + 1}. ${rule.name}` : path, fieldKey ? t(fieldKey) : ''].filter(Boolean).join(' · ');
  };

  return (
    <Flex vertical gap={16}>
      <Alert type="info" showIcon title={t('leadRule.howTitle')} description={t('leadRule.howText')} data-testid="lead-rules-explain" />
      {stale ? (
        <StaleSettingsAlert
          onReload={() => {
            setStale(false);
            onReload();
          }}
        />
      ) : null}
      <FormErrorsAlert message={failure.message} details={failure.details} labelFor={labelFor} />
      <Form<RulesValues>
        form={form}
        name="lead_rules"
        layout="vertical"
        initialValues={{ rules: state.rules }}
        onFinish={submit}
        disabled={!editable}
        onFinishFailed={({ errorFields }) => {
          const first = errorFields[0];
          if (first) form.scrollToField(first.name, { block: 'center' });
        }}
      >
        <Form.List name="rules">
          {(fields, { add, remove, move }) => (
            <Flex vertical gap={12}>
              {fields.length === 0 ? <Empty description={t('leadRule.empty')} data-testid="lead-rules-empty" /> : null}
              {fields.map((field, index) => (
                <RuleCard
                  key={field.key}
                  form={form}
                  name={field.name}
                  index={index}
                  count={fields.length}
                  editable={editable}
                  onMove={move}
                  onRemove={() => remove(field.name)}
                />
              ))}
              <Typography.Text type="secondary" data-testid="lead-rules-fallback">
                {t('leadRule.fallback')}
              </Typography.Text>
              {editable ? (
                <Flex gap={8} wrap>
                  <Button
                    type="dashed"
                    icon={<PlusOutlined />}
                    onClick={() =>
                      add({ id: newRuleId(), name: '', kind: 'round_robin', enabled: true, userIds: [], provinces: [], sources: [] } satisfies AssignmentRule)
                    }
                    data-testid="lead-rule-add"
                  >
                    {t('leadRule.add')}
                  </Button>
                  <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="lead-rules-save">
                    {t('common.save')}
                  </Button>
                </Flex>
              ) : (
                <Typography.Text type="secondary">{t('settings.readOnly')}</Typography.Text>
              )}
            </Flex>
          )}
        </Form.List>
      </Form>
    </Flex>
  );
}

/** 分配规则: who gets new leads created without an owner; first matching rule wins, else the lead pool. */
export function LeadAssignmentPage() {
  return (
    <SettingsPage
      title="leadRule.title"
      subTitle="leadRule.subtitle"
      query={useAssignmentRules()}
      skeletonRows={8}
      renderForm={(props) => <RulesForm {...props} />}
    />
  );
}
