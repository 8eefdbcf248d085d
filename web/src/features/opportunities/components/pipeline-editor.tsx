import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Input, InputNumber, Select, Switch, Tag, Typography } from 'antd';
import { maxLengthOf, pipelineCreate, stageKinds, type Pipeline, type PipelineCreate, type StageKind } from '@crm/contracts';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context';
import type { MessageKey } from '../../../app/i18n/translate';
import { isApiError, type ApiErrorDetail } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/api/error-message';
import { FormErrorsAlert } from '../../../shared/form/form-errors-alert';
import { useFormRules } from '../../../shared/form/rules';
import { applyServerErrors } from '../../../shared/form/server-errors';
import { textOrNull } from '../../../shared/form/normalize';
import { useCreatePipeline, useUpdatePipeline } from '../api';

const limit = (...path: string[]) => maxLengthOf(pipelineCreate, ...path);

interface StageValues {
  id?: number;
  nameZh: string;
  nameEn: string;
  probability: number | null;
  kind: StageKind;
  guidance?: string | null;
}

interface PipelineValues {
  name: string;
  isDefault: boolean;
  active: boolean;
  stages: StageValues[];
}

const kindLabels: Record<StageKind, MessageKey> = { open: 'pipeline.kind.open', won: 'pipeline.kind.won', lost: 'pipeline.kind.lost' };

/** A new pipeline starts with a short sales process the administrator then adapts. */
const starterStages: StageValues[] = [
  { nameZh: '初步接触', nameEn: 'First contact', probability: 10, kind: 'open' },
  { nameZh: '需求确认', nameEn: 'Needs confirmed', probability: 30, kind: 'open' },
  { nameZh: '方案报价', nameEn: 'Proposal', probability: 60, kind: 'open' },
  { nameZh: '商务谈判', nameEn: 'Negotiation', probability: 80, kind: 'open' },
  { nameZh: '赢单', nameEn: 'Won', probability: 100, kind: 'won' },
  { nameZh: '输单', nameEn: 'Lost', probability: 0, kind: 'lost' },
];

function toValues(pipeline: Pipeline | null): PipelineValues {
  if (!pipeline) return { name: '', isDefault: false, active: true, stages: starterStages };
  return {
    name: pipeline.name,
    isDefault: pipeline.isDefault,
    active: pipeline.active,
    stages: pipeline.stages
      .filter((s) => s.active)
      .map((s) => ({ id: s.id, nameZh: s.nameZh, nameEn: s.nameEn, probability: s.probability, kind: s.kind, guidance: s.guidance ?? '' })),
  };
}

const stageFieldLabels: Record<string, MessageKey> = {
  nameZh: 'pipeline.f.nameZh',
  nameEn: 'pipeline.f.nameEn',
  probability: 'pipeline.f.probability',
  kind: 'pipeline.f.kind',
  guidance: 'pipeline.f.guidance',
};

interface PipelineEditorProps {
  /** The pipeline to edit; null to create one. */
  pipeline: Pipeline | null;
  editable: boolean;
  onSaved: (pipeline: Pipeline) => void;
  onReload: () => void;
}

/**
 * A pipeline's name and flags and its stages in order (one won and one lost stage). A stage taken
 * out is deactivated on save (its deals and history keep it); the server refuses while it still
 * holds open deals, and says so beside the stage.
 */
export function PipelineEditor({ pipeline, editable, onSaved, onReload }: PipelineEditorProps) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const rules = useFormRules();
  const [form] = Form.useForm<PipelineValues>();
  const create = useCreatePipeline();
  const update = useUpdatePipeline();
  const [stale, setStale] = useState(false);
  const [failure, setFailure] = useState<{ message: string | null; details: ApiErrorDetail[] }>({ message: null, details: [] });
  // `preserve`: a stage's id has no input of its own but must stay with the stage.
  const stages = (Form.useWatch('stages', { form, preserve: true }) ?? []) as StageValues[];
  const removed = (pipeline?.stages ?? []).filter((s) => !stages.some((v) => v.id === s.id));

  const submit = () => {
    // All values, including each stage's id (kept in the form's store, not in an input).
    const values = form.getFieldsValue(true) as PipelineValues;
    setFailure({ message: null, details: [] });
    const body: PipelineCreate = {
      name: values.name.trim(),
      isDefault: values.isDefault,
      stages: values.stages.map((s) => ({
        ...(s.id ? { id: s.id } : {}),
        nameZh: s.nameZh.trim(),
        nameEn: s.nameEn.trim(),
        probability: s.probability ?? 0,
        kind: s.kind,
        guidance: textOrNull(s.guidance),
      })),
    };
    const onError = (error: unknown) => {
      if (isApiError(error) && error.status === 409) {
        setStale(true);
        return;
      }
      const details = applyServerErrors(form, error);
      setFailure({ message: errorMessage(error, t), details });
    };
    const done = (saved: Pipeline) => {
      void message.success(t('pipeline.saved', { name: saved.name }));
      onSaved(saved);
    };
    if (pipeline) update.mutate({ id: pipeline.id, body: { ...body, active: values.active, version: pipeline.version } }, { onSuccess: done, onError });
    else create.mutate(body, { onSuccess: done, onError });
  };

  const labelFor = (path: string) => {
    const parts = path.split('.');
    if (parts[0] === 'stages' && parts[1] !== undefined) {
      const stage = stages[Number(parts[1])];
      const field = stageFieldLabels[parts[2] ?? ''];
      const name = stage ? (locale === 'zh-CN' ? stage.nameZh : stage.nameEn) : `#${Number(parts[1]) + 1}`;
      return field ? `${name} · ${t(field)}` : name;
    }
    if (parts[0] === 'stages') return t('pipeline.stages');
    if (parts[0] === 'name') return t('pipeline.f.name');
    return path;
  };

  return (
    <Card>
      {stale ? (
        <Alert
          type="warning"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={t('common.conflictTitle')}
          description={t('common.conflictText')}
          action={
            <Button size="small" type="primary" onClick={onReload} data-testid="pipeline-reload">
              {t('common.loadCurrent')}
            </Button>
          }
          data-testid="pipeline-conflict"
        />
      ) : null}
      <FormErrorsAlert message={failure.message} details={failure.details} labelFor={labelFor} />
      <Form<PipelineValues>
        form={form}
        name="pipeline_form"
        layout="vertical"
        initialValues={toValues(pipeline)}
        onFinish={submit}
        disabled={!editable}
        requiredMark
      >
        <Flex gap={16} wrap align="end">
          <Form.Item name="name" label={t('pipeline.f.name')} rules={[rules.required, rules.max(limit('name'))]} style={{ flex: '1 1 260px' }}>
            <Input maxLength={limit('name')} data-testid="pipeline-name" />
          </Form.Item>
          <Form.Item name="isDefault" label={t('pipeline.f.isDefault')} valuePropName="checked" extra={t('pipeline.defaultHint')}>
            <Switch data-testid="pipeline-default" />
          </Form.Item>
          {pipeline ? (
            <Form.Item name="active" label={t('pipeline.f.active')} valuePropName="checked">
              <Switch data-testid="pipeline-active" />
            </Form.Item>
          ) : null}
        </Flex>
        <Typography.Title level={5}>{t('pipeline.stages')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('pipeline.stagesHint')}</Typography.Paragraph>
        <Form.List
          name="stages"
          rules={[
            {
              validator: async (_rule, value: StageValues[] | undefined) => {
                const list = value ?? [];
                if (list.filter((s) => s.kind === 'won').length !== 1 || list.filter((s) => s.kind === 'lost').length !== 1) {
                  throw new Error(t('pipeline.oneWonOneLost'));
                }
                if (list.length < 3) throw new Error(t('pipeline.atLeastThree'));
              },
            },
          ]}
        >
          {(fields, { add, remove, move }, { errors }) => (
            <Flex vertical gap={8}>
              {fields.map((field, index) => (
                <div
                  key={field.key}
                  style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: '8px 12px', background: '#fafafa' }}
                  data-testid="pipeline-stage"
                >
                  <Flex gap={8} wrap align="start">
                    <Flex gap={2} align="center" style={{ paddingTop: 4 }}>
                      <Tag style={{ marginInlineEnd: 4 }}>{index + 1}</Tag>
                      <Button
                        size="small"
                        type="text"
                        icon={<ArrowUpOutlined />}
                        aria-label={t('pipeline.moveUp')}
                        disabled={index === 0}
                        onClick={() => move(index, index - 1)}
                      />
                      <Button
                        size="small"
                        type="text"
                        icon={<ArrowDownOutlined />}
                        aria-label={t('pipeline.moveDown')}
                        disabled={index === fields.length - 1}
                        onClick={() => move(index, index + 1)}
                      />
                    </Flex>
                    <Form.Item name={[field.name, 'nameZh']} rules={[rules.required, rules.max(limit('stages', '[]', 'nameZh'))]} style={{ flex: '1 1 140px', marginBottom: 8 }}>
                      <Input maxLength={limit('stages', '[]', 'nameZh')} placeholder={t('pipeline.f.nameZh')} aria-label={t('pipeline.f.nameZh')} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'nameEn']} rules={[rules.required, rules.max(limit('stages', '[]', 'nameEn'))]} style={{ flex: '1 1 140px', marginBottom: 8 }}>
                      <Input maxLength={limit('stages', '[]', 'nameEn')} placeholder={t('pipeline.f.nameEn')} aria-label={t('pipeline.f.nameEn')} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'probability']} rules={[rules.requiredChoice, rules.range(0, 100)]} style={{ width: 96, marginBottom: 8 }}>
                      <InputNumber<number> min={0} max={100} precision={0} suffix="%" aria-label={t('pipeline.f.probability')} style={{ width: '100%' }} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'kind']} style={{ width: 110, marginBottom: 8 }}>
                      <Select aria-label={t('pipeline.f.kind')} options={stageKinds.map((k) => ({ value: k, label: t(kindLabels[k]) }))} />
                    </Form.Item>
                    <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('pipeline.removeStage')} onClick={() => remove(field.name)} data-testid="pipeline-stage-remove" />
                  </Flex>
                  <Form.Item name={[field.name, 'guidance']} rules={[rules.max(limit('stages', '[]', 'guidance'))]} style={{ marginBottom: 0 }}>
                    <Input.TextArea
                      autoSize={{ minRows: 1, maxRows: 6 }}
                      maxLength={limit('stages', '[]', 'guidance')}
                      placeholder={t('pipeline.guidanceHint')}
                      aria-label={t('pipeline.f.guidance')}
                    />
                  </Form.Item>
                </div>
              ))}
              <Form.ErrorList errors={errors} />
              {editable ? (
                <Flex gap={8} wrap>
                  <Button
                    type="dashed"
                    icon={<PlusOutlined />}
                    disabled={fields.length >= 30}
                    onClick={() => {
                      // New open stages go before the closing won and lost stages.
                      const firstClosing = stages.findIndex((s) => s.kind !== 'open');
                      add({ nameZh: '', nameEn: '', probability: 50, kind: 'open', guidance: '' }, firstClosing >= 0 ? firstClosing : undefined);
                    }}
                    data-testid="pipeline-stage-add"
                  >
                    {t('pipeline.addStage')}
                  </Button>
                  {removed.map((s) => (
                    <Button
                      key={s.id}
                      icon={<UndoOutlined />}
                      onClick={() => {
                        const firstClosing = stages.findIndex((v) => v.kind !== 'open');
                        const value = { id: s.id, nameZh: s.nameZh, nameEn: s.nameEn, probability: s.probability, kind: s.kind, guidance: s.guidance ?? '' };
                        add(value, s.kind === 'open' && firstClosing >= 0 ? firstClosing : undefined);
                      }}
                    >
                      {t('pipeline.restoreStage', { name: locale === 'zh-CN' ? s.nameZh : s.nameEn })}
                    </Button>
                  ))}
                </Flex>
              ) : null}
            </Flex>
          )}
        </Form.List>
        <Flex gap={8} style={{ marginTop: 16 }}>
          {editable ? (
            <Button type="primary" htmlType="submit" loading={create.isPending || update.isPending} data-testid="pipeline-save">
              {t('common.save')}
            </Button>
          ) : (
            <Typography.Text type="secondary">{t('settings.readOnly')}</Typography.Text>
          )}
        </Flex>
      </Form>
    </Card>
  );
}
