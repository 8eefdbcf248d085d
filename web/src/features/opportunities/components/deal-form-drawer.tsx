import { Alert, App, Form, Skeleton, type FormInstance } from 'antd';
import type { Opportunity, Pipeline } from '@crm/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context';
import type { MessageKey } from '../../../app/i18n/translate';
import { ConflictAlert } from '../../../shared/form/conflict-alert';
import { DrawerForm, FormDrawer } from '../../../shared/form/form-drawer';
import { toNamePath, type FieldPath } from '../../../shared/form/server-errors';
import { useSaveProblems } from '../../../shared/form/use-save-problems';
import { useFocusOnOpen } from '../../../shared/hooks/use-focus-on-open';
import { usePermissions } from '../../auth';
import { useUserOptions } from '../../users';
import { opportunityKeys, useCreateOpportunity, useLeadSources, usePipelines, useSalesSettings, useUpdateOpportunity } from '../api';
import { DealContactsField, DealForecastFields, DealNoteFields, DealOwnerFields, DealPlaceFields, type DealChoices } from './deal-form-fields';
import { commonCurrencies, stageName } from './deal-format';
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
  return (
    <FormDrawer<DealFormValues> open={open} onClose={onClose} title={deal ? t('opp.editTitle') : t('opp.create')} width={720} testId="deal-drawer">
      {(form) => <DealFormLoader form={form} deal={deal} customer={customer} onClose={onClose} onSaved={onSaved} />}
    </FormDrawer>
  );
}

type BodyProps = Omit<DealFormDrawerProps, 'open'> & { form: FormInstance<DealFormValues> };
type Settings = { pipelines: Pipeline[]; baseCurrency: string; rates: Record<string, number> };

/** Waits for the pipelines and the sales settings, which the defaults come from. */
function DealFormLoader(props: BodyProps) {
  const pipelines = usePipelines();
  const settings = useSalesSettings();
  if (pipelines.isPending || settings.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (pipelines.isError) return <Alert type="error" showIcon title={pipelines.error.message} />;
  return <DealFormBody {...props} pipelines={pipelines.data} baseCurrency={settings.data?.baseCurrency ?? 'CNY'} rates={settings.data?.rates ?? {}} />;
}

function DealFormBody({ form, deal, customer, onClose, onSaved, pipelines, baseCurrency, rates }: BodyProps & Settings) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const { me } = usePermissions();
  useFocusOnOpen(form, 'name');

  const [editing, setEditing] = useState<Opportunity | undefined>(deal);
  const problems = useSaveProblems<Opportunity, DealFormValues>(form, formPath);
  const { conflict, clear: clearProblems } = problems;

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

  const pipelineId = Form.useWatch('pipelineId', form) ?? initialValues.pipelineId;
  const customerId = Form.useWatch('customerId', form) ?? initialValues.customerId;
  const pipeline = pipelines.find((p) => p.id === pipelineId);
  const choices = useDealChoices({ pipelines, pipeline, editing, baseCurrency, rates });
  const { submit, saving } = useDealSave({ form, editing, initialValues, onClose, onSaved, onError: problems.show, clearProblems });

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

  return (
    <DrawerForm<DealFormValues>
      form={form}
      name="deal_form"
      initialValues={initialValues}
      onValuesChange={onValuesChange}
      onFinish={submit}
      topRef={problems.topRef}
      conflict={conflict ? <ConflictAlert onReload={reloadCurrent} /> : null}
      errors={{ message: problems.failure, details: problems.details, labelFor }}
      saving={saving}
      saveTestId="deal-save"
      onCancel={onClose}
    >
      <DealPlaceFields choices={choices} editing={editing} customer={customer} />
      <DealForecastFields currencies={choices.currencies} />
      <DealOwnerFields owners={choices.owners} sources={choices.sources} />
      <DealContactsField customerId={customerId} />
      <DealNoteFields />
    </DrawerForm>
  );
}

/** What the selects offer: open stages (won and lost have their own actions), currencies with a rate, owners one may pick. */
function useDealChoices({
  pipelines,
  pipeline,
  editing,
  baseCurrency,
  rates,
}: Omit<Settings, 'pipelines'> & { pipelines: Pipeline[]; pipeline: Pipeline | undefined; editing: Opportunity | undefined }): DealChoices {
  const { locale } = useI18n();
  const { can, me } = usePermissions();
  const owners = useUserOptions();
  const sources = useLeadSources();
  // Won and lost are reached through their own actions (they ask the amount or the reason).
  const stages = (pipeline?.stages ?? [])
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
  return {
    pipelines: pipelines.filter((p) => p.active || p.id === editing?.pipelineId).map((p) => ({ value: p.id, label: p.name })),
    stages,
    currencies,
    owners: { options: ownerOptions, loading: owners.loading, editable: !editing || can('opportunities.assign') },
    sources: { options: sourceOptions, loading: sources.isPending },
  };
}

/** Creates the deal, or sends what changed (nothing changed: the drawer just closes). */
function useDealSave({
  form,
  editing,
  initialValues,
  onClose,
  onSaved,
  onError,
  clearProblems,
}: {
  form: FormInstance<DealFormValues>;
  editing: Opportunity | undefined;
  initialValues: DealFormValues;
  onClose: () => void;
  onSaved?: (deal: Opportunity, created: boolean) => void;
  onError: (error: unknown) => void;
  clearProblems: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const create = useCreateOpportunity();
  const update = useUpdateOpportunity();
  const base = useMemo(() => valuesToPayload(initialValues), [initialValues]);
  const done = (deal: Opportunity, created: boolean) => {
    void message.success(t(created ? 'opp.created' : 'opp.saved', { name: deal.name }));
    onSaved?.(deal, created);
    onClose();
  };

  const submit = () => {
    const payload: DealPayload = valuesToPayload(form.getFieldsValue(true) as DealFormValues);
    clearProblems();
    if (!editing) {
      create.mutate(createRequest(payload), { onSuccess: (created) => done(created, true), onError });
      return;
    }
    const request = updateRequest(base, payload, editing.version);
    if (!hasChanges(request)) {
      onClose();
      return;
    }
    update.mutate({ id: editing.id, body: request }, { onSuccess: (saved) => done(saved, false), onError });
  };
  return { submit, saving: create.isPending || update.isPending };
}
