import type { Opportunity, OpportunityBoard, Stage } from '@crm/contracts';
import type { ColumnView } from './board-column';

/** A move shown before the server has answered (or before the board has been read again). */
export interface PendingMove {
  /** The deal as it will be once moved. */
  deal: Opportunity;
  /** The deal as it was, in its old column. */
  before: Opportunity;
  token: number;
}

/** The deal as the board shows it right after a drop: in the new stage, probability following it. */
export function movedCopy(deal: Opportunity, stage: Stage): Opportunity {
  const probability = stage.kind === 'won' ? 100 : stage.kind === 'lost' ? 0 : stage.probability;
  return {
    ...deal,
    stageId: stage.id,
    stageKey: stage.key,
    stageNameZh: stage.nameZh,
    stageNameEn: stage.nameEn,
    status: stage.kind,
    probability,
    weightedAmount: Math.round((deal.amountBase * probability) / 100),
    overdue: stage.kind === 'open' ? deal.overdue : false,
  };
}

/**
 * The columns to draw: the board as read, the cards loaded with "load more", and the moves in
 * flight. A deal can be in more than one of these after a move; the newest copy (highest
 * version, a pending move above all) decides which column shows it. Counts and sums follow the
 * pending moves only: once a move is saved the board is read again and the server's figures hold.
 */
export function arrangeColumns(
  board: OpportunityBoard,
  extras: Record<number, Opportunity[]>,
  pending: Record<number, PendingMove>,
): ColumnView[] {
  const latest = new Map<number, Opportunity>();
  const consider = (deal: Opportunity) => {
    const current = latest.get(deal.id);
    if (!current || deal.version >= current.version) latest.set(deal.id, deal);
  };
  for (const column of board.columns) column.items.forEach(consider);
  for (const list of Object.values(extras)) list.forEach(consider);
  const moves = Object.values(pending);
  for (const move of moves) latest.set(move.deal.id, move.deal);

  return board.columns.map((column) => {
    const stageId = column.stage.id;
    const seen = new Set<number>();
    const items: Opportunity[] = [];
    const place = (deal: Opportunity) => {
      const shown = latest.get(deal.id);
      if (!shown || shown.stageId !== stageId || seen.has(deal.id)) return;
      seen.add(deal.id);
      items.push(shown);
    };
    moves.filter((m) => m.deal.stageId === stageId).forEach((m) => place(m.deal));
    column.items.forEach(place);
    (extras[stageId] ?? []).forEach(place);

    let { count, amount, weightedAmount } = column;
    for (const move of moves) {
      if (move.before.stageId === stageId) {
        count -= 1;
        amount -= move.before.amountBase;
        weightedAmount -= move.before.weightedAmount;
      }
      if (move.deal.stageId === stageId) {
        count += 1;
        amount += move.deal.amountBase;
        weightedAmount += move.deal.weightedAmount;
      }
    }
    return { stage: column.stage, count: Math.max(count, items.length), amount, weightedAmount, items };
  });
}

/** Arrow keys jump from column to column while a card is lifted with the keyboard. */
export function columnJump(
  direction: 'left' | 'right',
  columnIds: number[],
  overId: number | null,
  rects: Map<number, { left: number; top: number; width: number; height: number }>,
  collision: { left: number; top: number; width: number; height: number },
): { x: number; y: number } | undefined {
  const index = overId === null ? -1 : columnIds.indexOf(overId);
  const next = columnIds[direction === 'right' ? index + 1 : Math.max(index - 1, 0)];
  if (next === undefined || next === overId) return undefined;
  const rect = rects.get(next);
  if (!rect) return undefined;
  // Keep the card inside the target column, which may be much shorter than the one it leaves.
  const bottom = rect.top + Math.max(rect.height - collision.height, 0);
  return { x: rect.left + (rect.width - collision.width) / 2, y: Math.min(Math.max(collision.top, rect.top), bottom) };
}
