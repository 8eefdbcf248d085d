import { Alert, App, Flex, Form, Input, InputNumber, Select, Typography, type FormInstance } from 'antd';
import { creditEvidence, maxLengthOf, type CreditAssessment, type CreditAssessmentUpdate, type CreditEvidence } from '@crm/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useT } from '../../../app/i18n/i18n-context';
import type { MessageKey } from '../../../app/i18n/translate';
import { ConflictAlert } from '../../../shared/form/conflict-alert';
import { DrawerForm, FormDrawer } from '../../../shared/form/form-drawer';
import { useSaveProblems } from '../../../shared/form/use-save-problems';
import { YuanInput } from '../../../shared/form/yuan-input';
import { fenToYuan, yuanToFen } from '../../../shared/format/format';
import { creditKeys, useSaveCreditAssessment } from '../api';

const moneyFields = ['currentAssets', 'currentLiabilities', 'inventory', 'totalAssets', 'totalLiabilities', 'ownersEquity', 'collateralValue', 'requestedLimit'] as const;
type MoneyField = (typeof moneyFields)[number];

/** The form's values: money in yuan (the API takes fen). */
type Values = Record<MoneyField, number | null> & {
  conditionsRating: number | null;
  conditionsNote: string | null;
  relationshipStability: number | null;
  note: string | null;
};

function valuesOf(e: CreditEvidence | null): Values {
  const money = Object.fromEntries(moneyFields.map((k) => [k, e ? fenToYuan(e[k]) : null])) as Record<MoneyField, number | null>;
  return { ...money, conditionsRating: e?.conditionsRating ?? null, conditionsNote: e?.conditionsNote ?? null, relationshipStability: e?.relationshipStability ?? null, note: e?.note ?? null };
}

const labels: Record<string, MessageKey> = {
  currentAssets: 'creditRating.currentAssets',
  currentLiabilities: 'creditRating.currentLiabilities',
  inventory: 'creditRating.inventory',
  totalAssets: 'creditRating.totalAssets',
  totalLiabilities: 'creditRating.totalLiabilities',
  ownersEquity: 'creditRating.ownersEquity',
  collateralValue: 'creditRating.collateralValue',
  requestedLimit: 'creditRating.requestedLimit',
  conditionsRating: 'creditRating.conditionsRating',
  conditionsNote: 'creditRating.conditionsNote',
  relationshipStability: 'creditRating.relationshipStability',
  note: 'creditRating.note',
  kind: 'creditRating.cardTitle',
};

function EvidenceForm({ form, customerId, assessment, foundedYear, onClose }: { form: FormInstance<Values>; customerId: number; assessment: CreditAssessment; foundedYear: number | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const save = useSaveCreditAssessment(customerId);
  const problems = useSaveProblems<CreditAssessment, Values>(form);
  const scale = [1, 2, 3, 4, 5].map((n) => ({ value: n, label: t(`creditRating.scale.${n}` as MessageKey) }));
  const money = (name: MoneyField, testId?: string) => (
    <Form.Item name={name} label={t(labels[name] ?? 'creditRating.note')} style={{ flex: '1 1 220px', marginBottom: 12 }}>
      {name === 'ownersEquity' ? (
        <InputNumber<number> prefix="¥" min={-1e11} max={1e11} precision={2} style={{ width: '100%' }} placeholder={t('creditRating.notGiven')} data-testid={testId} />
      ) : (
        <YuanInput placeholder={t('creditRating.notGiven')} data-testid={testId} />
      )}
    </Form.Item>
  );

  const submit = (v: Values) => {
    problems.clear();
    const current = queryClient.getQueryData<CreditAssessment>(creditKeys.assessment(customerId)) ?? assessment;
    const money = Object.fromEntries(moneyFields.map((k) => [k, yuanToFen(v[k])])) as Record<MoneyField, number | null>;
    const body: CreditAssessmentUpdate = {
      ...money,
      conditionsRating: v.conditionsRating ?? null,
      conditionsNote: v.conditionsNote ?? null,
      relationshipStability: v.relationshipStability ?? null,
      note: v.note ?? null,
      version: current.version,
    };
    save.mutate(body, {
      onSuccess: (saved) => {
        void message.success(t('creditRating.saved', { rating: saved.rating ?? '' }));
        onClose();
      },
      onError: problems.show,
    });
  };

  return (
    <DrawerForm<Values>
      form={form}
      name="credit_evidence"
      initialValues={valuesOf(assessment.evidence)}
      onFinish={submit}
      topRef={problems.topRef}
      conflict={
        problems.conflict ? (
          <ConflictAlert
            onReload={() => {
              const current = problems.conflict;
              if (current) {
                queryClient.setQueryData(creditKeys.assessment(customerId), current);
                form.setFieldsValue(valuesOf(current.evidence));
              }
              problems.clear();
            }}
          />
        ) : null
      }
      errors={{ message: problems.failure, details: problems.details, labelFor: (path) => t(labels[path.split('.')[0] ?? ''] ?? 'creditRating.cardTitle') }}
      saving={save.isPending}
      saveTestId="credit-save"
      onCancel={onClose}
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('creditRating.characterHint')} />
      <Typography.Title level={2} style={{ fontSize: 15 }}>{t('creditRating.financials')}</Typography.Title>
      <Flex gap={12} wrap>
        {money('currentAssets', 'credit-current-assets')}
        {money('currentLiabilities', 'credit-current-liabilities')}
        {money('inventory', 'credit-inventory')}
      </Flex>
      <Flex gap={12} wrap>
        {money('totalAssets', 'credit-total-assets')}
        {money('totalLiabilities', 'credit-total-liabilities')}
        {money('ownersEquity', 'credit-owners-equity')}
      </Flex>
      <Typography.Title level={2} style={{ fontSize: 15 }}>{t('creditRating.collateralSection')}</Typography.Title>
      <Flex gap={12} wrap>
        {money('collateralValue', 'credit-collateral')}
        {money('requestedLimit', 'credit-requested-limit')}
      </Flex>
      <Typography.Title level={2} style={{ fontSize: 15 }}>{t('creditRating.conditionsSection')}</Typography.Title>
      <Form.Item name="conditionsRating" label={t('creditRating.conditionsRating')}>
        <Select allowClear options={scale} placeholder={t('creditRating.notGiven')} data-testid="credit-conditions" />
      </Form.Item>
      <Form.Item name="conditionsNote" label={t('creditRating.conditionsNote')}>
        <Input.TextArea rows={2} maxLength={maxLengthOf(creditEvidence, 'conditionsNote')} />
      </Form.Item>
      <Typography.Title level={2} style={{ fontSize: 15 }}>{t('creditRating.continuitySection')}</Typography.Title>
      <Typography.Paragraph type="secondary">{foundedYear === null ? t('creditRating.noFoundedYear') : t('creditRating.foundedYear', { year: foundedYear })}</Typography.Paragraph>
      <Form.Item name="relationshipStability" label={t('creditRating.relationshipStability')}>
        <Select allowClear options={scale} placeholder={t('creditRating.notGiven')} data-testid="credit-stability" />
      </Form.Item>
      <Form.Item name="note" label={t('creditRating.note')}>
        <Input.TextArea rows={2} maxLength={maxLengthOf(creditEvidence, 'note')} />
      </Form.Item>
    </DrawerForm>
  );
}

/** The drawer where the 6C evidence is entered (money in yuan). */
export function CreditEvidenceDrawer({ open, customerId, assessment, foundedYear, onClose }: { open: boolean; customerId: number; assessment: CreditAssessment; foundedYear: number | null; onClose: () => void }) {
  const t = useT();
  return (
    <FormDrawer<Values> open={open} title={t('creditRating.formTitle')} width={640} testId="credit-drawer" onClose={onClose}>
      {(form) => <EvidenceForm form={form} customerId={customerId} assessment={assessment} foundedYear={foundedYear} onClose={onClose} />}
    </FormDrawer>
  );
}
