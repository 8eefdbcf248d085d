import { App, Button } from 'antd';
import type { Opportunity, OpportunityBoard, OpportunityMove, Stage } from '@crm/contracts';
import { useRef, useState } from 'react';
import { useI18n } from '../../../../app/i18n/i18n-context';
import { isApiError } from '../../../../shared/api/client';
import { errorMessage } from '../../../../shared/api/error-message';
import { usePermissions } from '../../../auth';
import { useMoveOpportunity } from '../../api';
import type { MoveOutcome } from '../close-deal-modal';
import { stageName } from '../deal-format';
import { movedCopy, type PendingMove } from './board-model';

/** A won or lost move waiting for the user's answer in the close dialog. */
export interface CloseRequest {
  deal: Opportunity;
  stage: Stage;
  undo: boolean;
  token: number;
}

interface BoardMovesOptions {
  board: OpportunityBoard;
  /** Reads the board again; resolves when it has. */
  refetch: () => Promise<unknown>;
  /** Puts a saved deal where the board shows it until the board has been read again. */
  onSaved: (deal: Opportunity) => void;
  /** Forgets the cards loaded with "load more" (after a conflict they may be stale). */
  onStale: () => void;
}

/**
 * Moving deals on the board: the card moves at once (optimistic), the server is asked with the
 * card's version, a won or lost target first asks for the final amount or the reason. A 409 puts
 * the card back and reads the board again; a success offers Undo (a move back with the new version).
 */
export function useBoardMoves({ board, refetch, onSaved, onStale }: BoardMovesOptions) {
  const { t, locale } = useI18n();
  const { message, notification } = App.useApp();
  const move = useMoveOpportunity();
  const [pending, setPending] = useState<Record<number, PendingMove>>({});
  const [closing, setClosing] = useState<CloseRequest | null>(null);
  // A deal just won on the board: offer to make its contract, as the deal page does.
  const [contractFor, setContractFor] = useState<Opportunity | null>(null);
  const { can } = usePermissions();
  // Each move gets a token, so that a late answer to an earlier move never drops a newer one.
  const tokens = useRef(0);

  const stageById = (id: number) => board.pipeline.stages.find((s) => s.id === id);

  const drop = (id: number, token: number) =>
    setPending((current) => {
      if (current[id]?.token !== token) return current;
      const { [id]: _gone, ...rest } = current;
      return rest;
    });

  const conflict = (id: number, token: number) => {
    drop(id, token);
    onStale();
    void message.warning({ content: t('opp.changedElsewhere'), duration: 5 });
    void refetch();
  };

  const saved = (before: Opportunity, after: Opportunity, undo: boolean, token: number) => {
    onSaved(after);
    // The pending copy stays until the board's own figures include the move.
    void refetch().finally(() => drop(after.id, token));
    if (undo) {
      void message.success(t('opp.moveUndone', { name: after.name }));
      return;
    }
    const key = `deal-moved-${after.id}`;
    const to = stageById(after.stageId);
    notification.success({
      key,
      title: t('opp.movedTo', { name: after.name, stage: to ? stageName(to, locale) : '' }),
      duration: 6,
      actions: (
        <Button
          size="small"
          type="primary"
          data-testid="undo-move"
          onClick={() => {
            notification.destroy(key);
            const back = stageById(before.stageId);
            if (back) start(after, back, { undo: true, previous: before });
          }}
        >
          {t('common.undo')}
        </Button>
      ),
    });
  };

  const commit = (deal: Opportunity, body: OpportunityMove, undo: boolean, token: number) => {
    move.mutate(
      { id: deal.id, body },
      {
        onSuccess: (after) => saved(deal, after, undo, token),
        onError: (error) => {
          if (isApiError(error) && error.status === 409) {
            conflict(deal.id, token);
            return;
          }
          drop(deal.id, token);
          void message.error({ content: errorMessage(error, t), duration: 6 });
        },
      },
    );
  };

  /**
   * Moves `deal` to `stage`. An undo back into a won or lost stage reuses the deal's former final
   * amount or reason, so it needs no dialog.
   */
  const start = (deal: Opportunity, stage: Stage, options: { undo?: boolean; previous?: Opportunity } = {}) => {
    if (stage.id === deal.stageId) return;
    const undo = options.undo ?? false;
    tokens.current += 1;
    const token = tokens.current;
    setPending((current) => ({ ...current, [deal.id]: { deal: movedCopy(deal, stage), before: deal, token } }));
    const base = { stageId: stage.id, version: deal.version };
    const previous = options.previous;
    if (stage.kind === 'open') {
      commit(deal, base, undo, token);
    } else if (undo && previous && stage.kind === 'won') {
      commit(deal, { ...base, wonAmount: previous.wonAmount ?? previous.amount }, undo, token);
    } else if (undo && previous?.lostReason) {
      commit(deal, { ...base, lostReason: previous.lostReason, ...(previous.lostNote ? { lostNote: previous.lostNote } : {}) }, undo, token);
    } else {
      setClosing({ deal, stage, undo, token });
    }
  };

  /** The close dialog's answer. */
  const settleClose = (outcome: MoveOutcome) => {
    const request = closing;
    setClosing(null);
    if (!request) return;
    if (outcome.kind === 'moved') {
      saved(request.deal, outcome.deal, request.undo, request.token);
      if (request.stage.kind === 'won' && !request.undo && can('contracts.create')) setContractFor(outcome.deal);
    }
    else if (outcome.kind === 'conflict') conflict(request.deal.id, request.token);
    else drop(request.deal.id, request.token);
  };

  return { pending, closing, start, settleClose, contractFor, endContractOffer: () => setContractFor(null) };
}
