import { Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { type Opportunity, type Stage, maxLengthOf, opportunityMove } from '@crm/contracts';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context';
import { isApiError, type ApiErrorDetail } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/api/error-message';
import { FormErrorsAlert } from '../../../shared/form/form-errors-alert';
import { applyServerErrors } from '../../../shared/form/server-errors';
import { fenToYuan, yuanToFen } from '../../../shared/format/format';
import { useFocusOnOpen } from '../../../shared/hooks/use-focus-on-open';
import { testId } from '../../../shared/test-id';
import { useMoveOpportunity, useSalesSettings } from '../api';
import { currencySymbol, stageName } from './deal-format';

/** A field's length limit, from the shared schema the server validates with. */
const limit = (field: string) => maxLengthOf(opportunityMove, field);

/** What became of a move that asked the user first. */
export type MoveOutcome =
  | { kind: 'moved'; deal: Opportunity }
  | { kind: 'conflict'; current: Opportunity | null }
  | { kind: 'cancelled' };

interface CloseValues {
  wonAmount?: number | null;
  lostReason?: string;
  lostNote?: string;
}

interface CloseDealModalProps {
  deal: Opportunity;
  /** A won or lost stage. */
  stage: Stage;
  onSettled: (outcome: MoveOutcome) => void;
}

/** Moving a deal to won asks the final amount; to lost, the reason and a note. */
export function CloseDealModal({ deal, stage, onSettled }: CloseDealModalProps) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<CloseValues>();
  const move = useMoveOpportunity();
  const settings = useSalesSettings();
  const [failure, setFailure] = useState<{ message: string | null; details: ApiErrorDetail[] }>({ message: null, details: [] });
  const won = stage.kind === 'won';
  useFocusOnOpen(form, won ? 'wonAmount' : 'lostReason');

  const reasons = (settings.data?.lostReasons ?? [])
    .filter((r) => r.active)
    .map((r) => ({ value: r.key, label: locale === 'zh-CN' ? r.labelZh : r.labelEn }));

  const submit = (values: CloseValues) => {
    setFailure({ message: null, details: [] });
    const body = won
      ? { stageId: stage.id, version: deal.version, wonAmount: yuanToFen(values.wonAmount) ?? 0 }
      : {
          stageId: stage.id,
          version: deal.version,
          ...(values.lostReason ? { lostReason: values.lostReason } : {}),
          ...(values.lostNote?.trim() ? { lostNote: values.lostNote.trim() } : {}),
        };
    move.mutate(
      { id: deal.id, body },
      {
        onSuccess: (saved) => onSettled({ kind: 'moved', deal: saved }),
        onError: (error) => {
          if (isApiError(error) && error.status === 409) {
            onSettled({ kind: 'conflict', current: (error.current as Opportunity | undefined) ?? null });
            return;
          }
          const details = applyServerErrors(form, error);
          setFailure({ message: errorMessage(error, t), details });
        },
      },
    );
  };

  const labelFor = (path: string) => {
    if (path === 'wonAmount') return t('opp.wonAmount');
    if (path === 'lostReason') return t('opp.lostReason');
    if (path === 'lostNote') return t('opp.lostNote');
    return t('opp.f.stage');
  };

  return (
    <Modal
      open
      title={won ? t('opp.markWonTitle', { name: deal.name }) : t('opp.markLostTitle', { name: deal.name })}
      okText={won ? t('opp.markWon') : t('opp.markLost')}
      okButtonProps={{ ...testId(won ? 'won-submit' : 'lost-submit'), danger: !won }}
      cancelText={t('common.cancel')}
      confirmLoading={move.isPending}
      onOk={() => form.submit()}
      onCancel={() => onSettled({ kind: 'cancelled' })}
      destroyOnHidden
    >
      {/* The test id on the body: the modal's root element has no size of its own. */}
      <div data-testid="close-deal-modal">
        <Typography.Paragraph type="secondary">{t('opp.closeInto', { stage: stageName(stage, locale) })}</Typography.Paragraph>
        <FormErrorsAlert message={failure.message} details={failure.details} labelFor={labelFor} />
        <Form<CloseValues>
          form={form}
          layout="vertical"
          name="close_deal_form"
          requiredMark
          initialValues={{ wonAmount: fenToYuan(deal.wonAmount ?? deal.amount), lostReason: undefined, lostNote: '' }}
          onFinish={submit}
        >
          {won ? (
            // The test id on a wrapper: browser tests find the input inside it.
            <div data-testid="won-amount">
              <Form.Item
                name="wonAmount"
                label={t('opp.wonAmount')}
                extra={t('opp.wonAmountHint')}
                rules={[{ required: true, message: t('common.required') }]}
              >
                <InputNumber<number>
                  min={0}
                  max={1e13}
                  precision={2}
                  prefix={currencySymbol(deal.currency)}
                  suffix={deal.currency}
                  style={{ width: '100%' }}
                />
              </Form.Item>
            </div>
          ) : (
            <>
              <Form.Item name="lostReason" label={t('opp.lostReason')} rules={[{ required: true, message: t('common.required') }]}>
                <Select
                  placeholder={t('opp.chooseReason')}
                  options={reasons}
                  loading={settings.isPending}
                  data-testid="lost-reason"
                />
              </Form.Item>
              <Form.Item name="lostNote" label={t('opp.lostNote')} rules={[{ max: limit('lostNote'), message: t('common.tooLong', { max: limit('lostNote') }) }]}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={limit('lostNote')} placeholder={t('opp.lostNoteHint')} data-testid="lost-note" />
              </Form.Item>
            </>
          )}
        </Form>
      </div>
    </Modal>
  );
}
