import { App, Form, Typography, type FormInstance } from 'antd';
import type { ContractReceivables } from '@crm/contracts';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context';
import { isApiError } from '../../../shared/api/client';
import { ConflictAlert } from '../../../shared/form/conflict-alert';
import { DrawerForm, FormDrawer } from '../../../shared/form/form-drawer';
import { useSaveProblems } from '../../../shared/form/use-save-problems';
import { useContractReceivables, useSavePaymentPlan } from '../api';
import { planPayload, planRows, rowsTotalFen, type PlanFormValues, type PlanRow } from './plan-model';
import { PlanRows } from './plan-rows';
import { useMoney } from './receivable-bits';
import { SplitHelper } from './split-helper';

interface PlanDrawerProps {
  open: boolean;
  state: ContractReceivables;
  onClose: () => void;
}

/** 回款计划: the contract's instalments edited as a whole and saved at once (with the plan's version). */
export function PlanDrawer(props: PlanDrawerProps) {
  const { t } = useI18n();
  return (
    <FormDrawer<PlanFormValues> open={props.open} onClose={props.onClose} title={t('recv.planTitle')} width={760} testId="plan-drawer">
      {(form) => <PlanForm form={form} {...props} />}
    </FormDrawer>
  );
}

/** The running sum of the rows against the contract amount: what is left without a due date, or how much too much. */
function PlanSum({ rows, amountFen, currency }: { rows: PlanRow[]; amountFen: number; currency: string }) {
  const { t } = useI18n();
  const money = useMoney(currency);
  const planned = rowsTotalFen(rows);
  const rest = amountFen - planned;
  return (
    <Typography.Paragraph style={{ marginTop: 12 }} data-testid="plan-sum">
      {t('recv.sum', { planned: money.full(planned), amount: money.full(amountFen) })}
      {' · '}
      {rest >= 0 ? (
        <Typography.Text type="secondary">{t('recv.sumLeft', { left: money.full(rest) })}</Typography.Text>
      ) : (
        <Typography.Text type="danger">{t('recv.sumOver', { over: money.full(-rest) })}</Typography.Text>
      )}
    </Typography.Paragraph>
  );
}

function PlanForm({ form, state, onClose }: PlanDrawerProps & { form: FormInstance<PlanFormValues> }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const save = useSavePaymentPlan(state.contractId);
  const current = useContractReceivables(state.contractId);
  const [planVersion, setPlanVersion] = useState(state.planVersion);
  const [conflict, setConflict] = useState(false);
  const problems = useSaveProblems<unknown, PlanFormValues>(form);
  const rows = (Form.useWatch('instalments', form) ?? planRows(state)) as PlanRow[];

  const submit = (values: PlanFormValues) => {
    problems.clear();
    setConflict(false);
    save.mutate(planPayload(values.instalments ?? [], planVersion), {
      onSuccess: () => {
        void message.success(t('recv.planSaved'));
        onClose();
      },
      // A stale plan: someone saved it since; the rows stay as typed until the current plan is loaded.
      onError: (error) => (isApiError(error) && error.code === 'CONFLICT' ? setConflict(true) : problems.show(error)),
    });
  };

  const reload = () =>
    void current.refetch().then(({ data }) => {
      if (!data) return;
      setPlanVersion(data.planVersion);
      setConflict(false);
      problems.clear();
      form.setFieldsValue({ instalments: planRows(data) });
    });

  const labelFor = (path: string) => {
    const [, index, field] = path.split('.');
    if (index === undefined) return t('recv.plan');
    const row = t('recv.instalmentN', { n: Number(index) + 1 });
    return field === 'dueOn' ? `${row} ${t('recv.i.dueOn')}` : field === 'amount' ? `${row} ${t('recv.i.amount')}` : row;
  };

  return (
    <DrawerForm<PlanFormValues>
      form={form}
      name="plan_form"
      initialValues={{ instalments: planRows(state) }}
      onFinish={submit}
      topRef={problems.topRef}
      conflict={conflict ? <ConflictAlert onReload={reload} title="recv.planConflictTitle" description="recv.planConflictText" /> : null}
      errors={{ message: problems.failure, details: problems.details, labelFor }}
      saving={save.isPending}
      saveTestId="plan-save"
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">{t('recv.planHint')}</Typography.Paragraph>
      <SplitHelper amountFen={state.amount} onSplit={(split) => form.setFieldsValue({ instalments: split })} />
      <PlanRows amountFen={state.amount} />
      <PlanSum rows={rows} amountFen={state.amount} currency={state.currency} />
    </DrawerForm>
  );
}
