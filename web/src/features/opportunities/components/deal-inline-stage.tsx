import { App, Button } from 'antd';
import type { Opportunity } from '@crm/contracts';
import { useMemo } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context';
import { isApiError } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/api/error-message';
import { InlineEdit, InlineSelect } from '../../../shared/form/inline-edit';
import { useInlineUpdateOpportunity, usePipelines } from '../api';
import { StageTag } from './deal-bits';

/**
 * An open deal's stage in the list, moved in place among its pipeline's open stages (winning and
 * losing keep their dialogs, which ask for the amount or the reason), with an undo notice.
 */
export function DealInlineStage({ deal }: { deal: Opportunity }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const update = useInlineUpdateOpportunity();
  const editable = deal.can.edit && deal.status === 'open';
  const pipelines = usePipelines(editable);
  const options = useMemo(
    () =>
      (pipelines.data?.find((p) => p.id === deal.pipelineId)?.stages ?? [])
        .filter((s) => s.kind === 'open' && (s.active || s.id === deal.stageId))
        .map((s) => ({ value: s.id, label: locale === 'zh-CN' ? s.nameZh : s.nameEn })),
    [pipelines.data, deal.pipelineId, deal.stageId, locale],
  );
  const label = t('opp.f.stage');
  const fail = (error: unknown) =>
    void message.error({ content: isApiError(error) && error.status === 409 ? t('inline.conflictDeal') : errorMessage(error, t), duration: 6 });
  const save = (stageId: number) => {
    const before = deal.stageId;
    update.mutate({ deal, change: { stageId } }, {
      onError: fail,
      onSuccess: (saved) => {
        const key = `inline-deal-${deal.id}`;
        const undo = () => {
          message.destroy(key);
          update.mutate({ deal: saved, change: { stageId: before } }, { onError: fail, onSuccess: () => void message.success(t('inline.undone')) });
        };
        void message.success({
          key,
          duration: 10,
          content: (
            <span>
              {t('inline.saved', { field: label })}{' '}
              <Button type="link" size="small" onClick={undo} data-testid="inline-undo" style={{ paddingInline: 4 }}>
                {t('inline.undo')}
              </Button>
            </span>
          ),
        });
      },
    });
  };
  return (
    <InlineEdit
      label={label}
      display={<StageTag deal={deal} />}
      editable={editable && options.length > 1}
      testId="inline-deal-stage"
      editor={(close) => (
        <InlineSelect<number>
          label={label}
          value={deal.stageId}
          options={options}
          onSave={(stageId) => {
            close();
            save(stageId);
          }}
          onCancel={close}
        />
      )}
    />
  );
}
