import type { Opportunity } from '@crm/contracts';
import { useMemo } from 'react';
import { useI18n } from '../../../app/i18n/i18n-context';
import { InlineEdit, InlineSelect } from '../../../shared/form/inline-edit';
import { useUndoNotice } from '../../../shared/form/undo-notice';
import { useInlineUpdateOpportunity, usePipelines } from '../api';
import { StageTag } from './deal-bits';

/**
 * An open deal's stage in the list, moved in place among its pipeline's open stages (winning and
 * losing keep their dialogs, which ask for the amount or the reason), with an undo notice.
 */
export function DealInlineStage({ deal }: { deal: Opportunity }) {
  const { t, locale } = useI18n();
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
  const { fail, offer } = useUndoNotice(t('inline.conflictDeal'));
  const save = (stageId: number) => {
    const before = deal.stageId;
    update.mutate({ deal, change: { stageId } }, {
      onError: fail,
      onSuccess: (saved) => offer(`inline-deal-${deal.id}`, t('inline.saved', { field: label }), (done) => update.mutate({ deal: saved, change: { stageId: before } }, done)),
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
