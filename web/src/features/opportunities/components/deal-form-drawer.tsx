import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Drawer, Flex, Form, Input, InputNumber, Select, Skeleton, Typography, type FormInstance } from 'antd';
import { contactRoles, forecastCategories, type Opportunity, type Pipeline, maxLengthOf, opportunityUpdate } from '@crm/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context';
import type { MessageKey } from '../../../app/i18n/translate';
import { FormErrorsAlert } from '../../../shared/form/form-errors-alert';
import { useFormRules } from '../../../shared/form/rules';
import { toNamePath, type FieldPath } from '../../../shared/form/server-errors';
import { useSaveProblems } from '../../../shared/form/use-save-problems';
import { useFocusOnOpen } from '../../../shared/hooks/use-focus-on-open';
import { useIsMobile } from '../../../shared/hooks/use-is-mobile';
import { DrawerFooter, useDrawerPadding } from '../../../shared/layout/drawer-footer';
import { usePermissions } from '../../auth';
import { useUserOptions } from '../../users';
import { opportunityKeys, useCreateOpportunity, useCustomerContactOptions, useLeadSources, usePipelines, useSalesSettings, useUpdateOpportunity } from '../api';
import { commonCurrencies, forecastCategoryLabels, stageName } from './deal-format';
import {
  createRequest,
  dealToValues,
  hasChanges,
  newDealValues,
  updateRequest,
  valuesToPayload,
  type DealFormValues,
  type DealPayload,
} from './deal-form-model';
import { CustomerSelect } from './deal-pickers';

/** A field's length limit, from the shared schema the server validates with. */
const limit = (field: string) => maxLengthOf(opportunityUpdate, field);

const fieldLabels: Record<string, MessageKey> = {
  name: 'opp.f.name',
  customerId: 'opp.f.customer',
  pipelineId: 'opp.f.pipeline',
  stageId: 'opp.f.stage',
  amount: 'opp.f.amount',
  currency: 'opp.f.currency',
  probability: 'opp.f.probability',
  expectedCloseDate: 'opp.f.expectedCloseDate',
  forecastCategory: 'opp.f.forecastCategory',
  ownerId: 'opp.f.owner',
  source: 'opp.f.source',
  contacts: 'opp.f.contacts',
  competitors: 'opp.f.competitors',
  nextStep: 'opp.f.nextStep',
  description: 'opp.f.description',
};

/** API paths that another form field edits (a competitor's index: the tags input). */
function formPath(path: string): FieldPath {
  if (path.startsWith('competitors.')) return ['competitors'];
  return toNamePath(path);
}

export function defaultPipeline(pipelines: Pipeline[]): Pipeline | undefined {
  return pipelines.find((p) => p.isDefault && p.active) ?? pipelines.find((p) => p.active);
}

function firstOpenStage(pipeline: Pipeline | undefined) {
  return pipeline?.stages.find((s) => s.active && s.kind === 'open');
}

interface DealFormDrawerProps {
  open: boolean;
  /** The deal to edit; absent to create one. */
  deal?: Opportunity;
  /** Opened from a customer page: the customer is set and fixed. */
  customer?: { id: number; name: string };
  onClose: () => void;
  onSaved?: (deal: Opportunity, created: boolean) => void;
}

/** "New opportunity" (and edit) in a drawer; server errors are shown beside their fields. */
export function DealFormDrawer({ open, deal, customer, onClose, onSaved }: DealFormDrawerProps) {
  const { t } = useI18n();
  const isMobile = useIsMobile();
  const padding = useDrawerPadding();
  const [form] = Form.useForm<DealFormValues>();
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={deal ? t('opp.editTitle') : t('opp.create')}
      size={isMobile ? '100%' : 720}
      destroyOnHidden
      styles={{ body: { padding } }}
      data-testid="deal-drawer"
    >
      {open ? <DealFormLoader form={form} deal={deal} customer={customer} onClose={onClose} onSaved={onSaved} /> : null}
    </Drawer>
  );
}

type BodyProps = Omit<DealFormDrawerProps, 'open'> & { form: FormInstance<DealFormValues> };

/** Waits for the pipelines and the sales settings, which the defaults come from. */
function DealFormLoader(props: BodyProps) {
  const pipelines = usePipelines();
  const settings = useSalesSettings();
  if (pipelines.isPending || settings.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (pipelines.isError) return <Alert type="error" showIcon title={pipelines.error.message} />;
  return <DealFormBody {...props} pipelines={pipelines.data} baseCurrency={settings.data?.baseCurrency ?? 'CNY'} rates={settings.data?.rates ?? {}} />;
}

function DealFormBody({
  form,
  deal,
  customer,
  onClose,
  onSaved,
  pipelines,
  baseCurrency,
  rates,
}: BodyProps & { pipelines: Pipeline[]; baseCurrency: string; rates: Record<string, number> }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const rules = useFormRules();
  const queryClient = useQueryClient();
  const { can, me } = usePermissions();
  const owners = useUserOptions();
  const sources = useLeadSources();
  useFocusOnOpen(form, 'name');

  const [editing, setEditing] = useState<Opportunity | undefined>(deal);
  const { topRef, conflict, failure, details, show: showProblem, clear: clearProblems } = useSaveProblems<Opportunity, DealFormValues>(form, formPath);

  const initialValues = useMemo(() => {
    if (editing) return dealToValues(editing);
    const pipeline = defaultPipeline(pipelines);
    const stage = firstOpenStage(pipeline);
    return newDealValues({
      customerId: customer?.id,
      pipelineId: pipeline?.id,
      stageId: stage?.id,
      probability: stage?.probability,
      ownerId: me?.user.id,
      currency: baseCurrency,
    });
  }, [editing, pipelines, customer, me, baseCurrency]);
  const base = useMemo(() => valuesToPayload(initialValues), [initialValues]);

  const pipelineId = Form.useWatch('pipelineId', form) ?? initialValues.pipelineId;
  const customerId = Form.useWatch('customerId', form) ?? initialValues.customerId;
  const pipeline = pipelines.find((p) => p.id === pipelineId);
  const contacts = useCustomerContactOptions(customerId);

  const create = useCreateOpportunity();
  const update = useUpdateOpportunity();
  const saving = create.isPending || update.isPending;

  // Won and lost are reached through their own actions (they ask the amount or the reason).
  const stageOptions = (pipeline?.stages ?? [])
    .filter((s) => (s.active && s.kind === 'open') || s.id === editing?.stageId)
    .map((s) => ({ value: s.id, label: `${stageName(s, locale)} · ${s.probability}%` }));
  const currencies = [...new Set([baseCurrency, ...commonCurrencies.filter((c) => c === baseCurrency || c in rates), ...Object.keys(rates)])];
  const ownerOptions = can('opportunities.assign')
    ? owners.options
    : [
        ...owners.options.filter((o) => o.value === me?.user.id),
        ...(editing && editing.ownerId !== me?.user.id ? [{ value: editing.ownerId, label: editing.ownerName ?? '' }] : []),
      ];
  const sourceOptions = (sources.data?.items ?? [])
    .filter((s) => s.active || s.key === editing?.source)
    .map((s) => ({ value: s.key, label: locale === 'zh-CN' ? s.labelZh : s.labelEn }));

  const onValuesChange = (changed: Partial<DealFormValues>) => {
    if (changed.pipelineId !== undefined) {
      const stage = firstOpenStage(pipelines.find((p) => p.id === changed.pipelineId));
      form.setFieldsValue({ stageId: stage?.id, probability: stage?.probability ?? null });
    } else if (changed.stageId !== undefined) {
      // The probability follows the stage's default; the user may still change it afterwards.
      const stage = pipeline?.stages.find((s) => s.id === changed.stageId);
      if (stage) form.setFieldsValue({ probability: stage.probability });
    }
    if ('customerId' in changed) form.setFieldsValue({ contacts: [] });
  };

  const submit = () => {
    const payload: DealPayload = valuesToPayload(form.getFieldsValue(true) as DealFormValues);
    clearProblems();
    if (!editing) {
      create.mutate(createRequest(payload), {
        onSuccess: (created) => {
          void message.success(t('opp.created', { name: created.name }));
          onSaved?.(created, true);
          onClose();
        },
        onError: showProblem,
      });
      return;
    }
    const request = updateRequest(base, payload, editing.version);
    if (!hasChanges(request)) {
      onClose();
      return;
    }
    update.mutate(
      { id: editing.id, body: request },
      {
        onSuccess: (saved) => {
          void message.success(t('opp.saved', { name: saved.name }));
          onSaved?.(saved, false);
          onClose();
        },
        onError: showProblem,
      },
    );
  };

  const reloadCurrent = () => {
    if (!conflict) return;
    queryClient.setQueryData(opportunityKeys.detail(conflict.id), conflict);
    setEditing(conflict);
    clearProblems();
    form.resetFields();
    form.setFieldsValue(dealToValues(conflict));
  };

  const labelFor = (path: string) => {
    const key = fieldLabels[path.split('.')[0] ?? ''];
    return key ? t(key) : path;
  };
  const half = { flex: '1 1 220px', minWidth: 0 };

  return (
    <Form<DealFormValues>
      form={form}
      name="deal_form"
      layout="vertical"
      initialValues={initialValues}
      onValuesChange={onValuesChange}
      onFinish={submit}
      onFinishFailed={({ errorFields }) => {
        const first = errorFields[0];
        if (first) form.scrollToField(first.name, { block: 'center' });
      }}
      requiredMark
    >
      <div ref={topRef} />
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={t('common.conflictTitle')}
          description={t('common.conflictText')}
          action={
            <Button size="small" type="primary" onClick={reloadCurrent} data-testid="conflict-reload">
              {t('common.loadCurrent')}
            </Button>
          }
          data-testid="conflict-alert"
        />
      ) : null}
      <FormErrorsAlert message={failure} details={details} labelFor={labelFor} />
      <Form.Item name="name" label={t('opp.f.name')} rules={[rules.required, rules.max(limit('name'))]}>
        <Input maxLength={limit('name')} autoComplete="off" placeholder={t('opp.namePlaceholder')} data-testid="deal-name" />
      </Form.Item>
      <Form.Item name="customerId" label={t('opp.f.customer')} rules={[rules.requiredChoice]}>
        <CustomerSelect
          initial={editing ? { id: editing.customerId, name: editing.customerName } : customer}
          disabled={Boolean(editing) || Boolean(customer)}
          placeholder={t('opp.chooseCustomer')}
        />
      </Form.Item>
      <Flex gap={16} wrap>
        <Form.Item name="pipelineId" label={t('opp.f.pipeline')} rules={[rules.requiredChoice]} style={half}>
          <Select
            options={pipelines.filter((p) => p.active || p.id === editing?.pipelineId).map((p) => ({ value: p.id, label: p.name }))}
            disabled={editing?.status !== undefined && editing.status !== 'open'}
            data-testid="deal-pipeline"
          />
        </Form.Item>
        <Form.Item name="stageId" label={t('opp.f.stage')} rules={[rules.requiredChoice]} style={half}>
          <Select options={stageOptions} disabled={editing?.status !== undefined && editing.status !== 'open'} data-testid="deal-stage" />
        </Form.Item>
      </Flex>
      <Flex gap={16} wrap>
        <Form.Item label={t('opp.f.amount')} required style={half}>
          <Flex gap={0}>
            <Form.Item name="amount" noStyle rules={[rules.requiredChoice]}>
              <InputNumber<number> min={0} max={1e13} precision={2} style={{ flex: 1 }} placeholder={t('opp.amountHint')} data-testid="deal-amount" />
            </Form.Item>
            <Form.Item name="currency" noStyle>
              <Select options={currencies.map((c) => ({ value: c, label: c }))} style={{ width: 90 }} aria-label={t('opp.f.currency')} data-testid="deal-currency" />
            </Form.Item>
          </Flex>
        </Form.Item>
        <Form.Item name="probability" label={t('opp.f.probability')} extra={t('opp.probabilityHint')} style={half}>
          <InputNumber<number> min={0} max={100} precision={0} suffix="%" style={{ width: '100%' }} data-testid="deal-probability" />
        </Form.Item>
      </Flex>
      <Flex gap={16} wrap>
        <Form.Item name="expectedCloseDate" label={t('opp.f.expectedCloseDate')} rules={[rules.requiredChoice]} style={half}>
          <DatePicker style={{ width: '100%' }} data-testid="deal-close-date" />
        </Form.Item>
        <Form.Item name="forecastCategory" label={t('opp.f.forecastCategory')} extra={t('opp.forecastCategoryHint')} style={half}>
          <Select options={forecastCategories.map((c) => ({ value: c, label: t(forecastCategoryLabels[c]) }))} data-testid="deal-forecast-category" />
        </Form.Item>
      </Flex>
      <Flex gap={16} wrap>
        <Form.Item name="ownerId" label={t('opp.f.owner')} style={half}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={ownerOptions}
            loading={owners.loading}
            disabled={Boolean(editing) && !can('opportunities.assign')}
            data-testid="deal-owner"
          />
        </Form.Item>
        <Form.Item name="source" label={t('opp.f.source')} style={half}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={sourceOptions} loading={sources.isPending} data-testid="deal-source" />
        </Form.Item>
      </Flex>
      <Form.Item label={t('opp.f.contacts')} extra={customerId === undefined ? t('opp.contactsFirstCustomer') : undefined}>
        <Form.List name="contacts">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8}>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="start">
                  <Form.Item name={[field.name, 'contactId']} noStyle rules={[rules.requiredChoice]}>
                    <Select
                      placeholder={t('opp.chooseContact')}
                      aria-label={t('opp.chooseContact')}
                      showSearch={{ optionFilterProp: 'label' }}
                      loading={contacts.isFetching}
                      options={(contacts.data ?? []).map((c) => ({ value: c.id, label: c.title ? `${c.name} · ${c.title}` : c.name }))}
                      style={{ flex: 2, minWidth: 0 }}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'role']} noStyle rules={[rules.requiredChoice]}>
                    <Select
                      placeholder={t('opp.f.role')}
                      aria-label={t('opp.f.role')}
                      options={contactRoles.map((r) => ({ value: r, label: t(`opp.role.${r}`) }))}
                      style={{ flex: 1, minWidth: 0 }}
                    />
                  </Form.Item>
                  <Button type="text" icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => remove(field.name)} />
                </Flex>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                disabled={customerId === undefined || fields.length >= 50}
                onClick={() => add({ role: 'decision_maker' })}
                data-testid="deal-add-contact"
              >
                {t('opp.addContact')}
              </Button>
              {customerId !== undefined && contacts.data?.length === 0 ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('opp.noContacts')}
                </Typography.Text>
              ) : null}
            </Flex>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item name="competitors" label={t('opp.f.competitors')} extra={t('opp.competitorsHint')} rules={[rules.tags(20, 60)]}>
        <Select mode="tags" tokenSeparators={[',', '，']} open={false} suffixIcon={null} data-testid="deal-competitors" />
      </Form.Item>
      <Form.Item name="nextStep" label={t('opp.f.nextStep')} rules={[rules.max(limit('nextStep'))]}>
        <Input maxLength={limit('nextStep')} placeholder={t('opp.nextStepHint')} data-testid="deal-next-step" />
      </Form.Item>
      <Form.Item name="description" label={t('opp.f.description')} rules={[rules.max(limit('description'))]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={limit('description')} />
      </Form.Item>
      <DrawerFooter>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="deal-save">
          {t('common.save')}
        </Button>
      </DrawerFooter>
    </Form>
  );
}
