import type { Opportunity, OpportunityBoard, Stage } from '@crm/contracts';
import { describe, expect, it } from 'vitest';
import { arrangeColumns, columnJump, movedCopy, type PendingMove } from './board-model';

function stage(id: number, kind: Stage['kind'], probability: number): Stage {
  return { id, pipelineId: 1, key: `s${id}`, nameZh: `阶段${id}`, nameEn: `Stage ${id}`, position: id, probability, kind, guidance: null, active: true };
}

const qualify = stage(1, 'open', 20);
const propose = stage(2, 'open', 60);
const won = stage(3, 'won', 90);
const lost = stage(4, 'lost', 10);

function deal(id: number, at: Stage, amountBase: number, extra: Partial<Opportunity> = {}): Opportunity {
  return {
    id,
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    name: `Deal ${id}`,
    customerId: 1,
    customerName: 'ACME',
    pipelineId: 1,
    stageId: at.id,
    stageKey: at.key,
    stageNameZh: at.nameZh,
    stageNameEn: at.nameEn,
    status: at.kind,
    ownerId: 1,
    ownerName: 'Ann',
    amount: amountBase,
    currency: 'CNY',
    amountBase,
    probability: at.probability,
    weightedAmount: Math.round((amountBase * at.probability) / 100),
    expectedCloseDate: '2026-03-01',
    forecastCategory: 'pipeline',
    source: null,
    leadId: null,
    competitors: [],
    nextStep: null,
    description: null,
    wonAmount: null,
    lostReason: null,
    lostNote: null,
    closedOn: null,
    stageEnteredAt: '2026-01-01T00:00:00.000Z',
    overdue: false,
    bigDeal: false,
    contacts: [],
    can: { edit: true, delete: true, assign: true },
    ...extra,
  } as Opportunity;
}

function board(columns: { stage: Stage; items: Opportunity[]; count?: number }[]): OpportunityBoard {
  return {
    pipeline: { id: 1, version: 1, createdAt: '', updatedAt: '', name: 'Sales', isDefault: true, active: true, stages: columns.map((c) => c.stage) },
    baseCurrency: 'CNY',
    columns: columns.map((c) => ({
      stage: c.stage,
      count: c.count ?? c.items.length,
      amount: c.items.reduce((sum, d) => sum + d.amountBase, 0),
      weightedAmount: c.items.reduce((sum, d) => sum + d.weightedAmount, 0),
      items: c.items,
    })),
  } as OpportunityBoard;
}

const ids = (items: Opportunity[]) => items.map((d) => d.id);
/** Each column as a reader checks it: which cards, how many, what sums. */
const summary = (columns: ReturnType<typeof arrangeColumns>) =>
  columns.map((c) => ({ ids: ids(c.items), count: c.count, amount: c.amount, weightedAmount: c.weightedAmount }));

describe('movedCopy', () => {
  it('takes the stage and its probability, and recomputes the weighted amount', () => {
    const moved = movedCopy(deal(1, qualify, 10_000), propose);
    expect(moved).toMatchObject({ stageId: 2, stageKey: 's2', stageNameEn: 'Stage 2', status: 'open', probability: 60, weightedAmount: 6000 });
  });

  it('counts a won deal at 100% and a lost one at 0%, whatever the stage says', () => {
    expect(movedCopy(deal(1, qualify, 10_000), won)).toMatchObject({ status: 'won', probability: 100, weightedAmount: 10_000 });
    expect(movedCopy(deal(1, qualify, 10_000), lost)).toMatchObject({ status: 'lost', probability: 0, weightedAmount: 0 });
  });

  it('keeps "overdue" only while the deal stays open', () => {
    const late = deal(1, qualify, 100, { overdue: true });
    expect(movedCopy(late, propose).overdue).toBe(true);
    expect(movedCopy(late, won).overdue).toBe(false);
  });

  it('rounds the weighted amount to whole fen', () => {
    expect(movedCopy(deal(1, qualify, 333), stage(5, 'open', 50)).weightedAmount).toBe(167);
  });
});

describe('arrangeColumns', () => {
  it('shows the board as read when nothing is moving', () => {
    const read = board([{ stage: qualify, items: [deal(1, qualify, 100), deal(2, qualify, 200)] }, { stage: propose, items: [] }]);
    const columns = arrangeColumns(read, {}, {});
    expect(columns.map((c) => ids(c.items))).toEqual([[1, 2], []]);
    expect(columns[0]).toMatchObject({ count: 2, amount: 300, weightedAmount: 60 });
  });

  it('moves a pending deal to its new column at the top, and moves its figures with it', () => {
    const before = deal(1, qualify, 1000);
    const read = board([{ stage: qualify, items: [before, deal(2, qualify, 500)] }, { stage: propose, items: [deal(3, propose, 100)] }]);
    const pending: Record<number, PendingMove> = { 1: { deal: movedCopy(before, propose), before, token: 1 } };
    expect(summary(arrangeColumns(read, {}, pending))).toEqual([
      { ids: [2], count: 1, amount: 500, weightedAmount: 100 },
      { ids: [1, 3], count: 2, amount: 1100, weightedAmount: 600 + 60 },
    ]);
  });

  it('adds the cards loaded with "load more" after the first page, once each', () => {
    const read = board([{ stage: qualify, items: [deal(1, qualify, 100)], count: 3 }]);
    const extras = { [qualify.id]: [deal(1, qualify, 100), deal(2, qualify, 100), deal(3, qualify, 100)] };
    expect(summary(arrangeColumns(read, extras, {}))).toEqual([{ ids: [1, 2, 3], count: 3, amount: 100, weightedAmount: 20 }]);
  });

  it('lets the newest version of a deal decide its column (a later read moved it)', () => {
    const old = deal(1, qualify, 100);
    const newer = { ...movedCopy(old, propose), version: 2 };
    const read = board([{ stage: qualify, items: [old] }, { stage: propose, items: [] }]);
    const columns = arrangeColumns(read, { [propose.id]: [newer] }, {});
    expect(columns.map((c) => c.items)).toEqual([[], [newer]]);
  });

  it('never counts fewer cards than it shows', () => {
    const read = board([{ stage: qualify, items: [deal(1, qualify, 100), deal(2, qualify, 100)], count: 0 }]);
    expect(arrangeColumns(read, {}, {}).map((c) => c.count)).toEqual([2]);
  });
});

describe('columnJump', () => {
  const rects = new Map([
    [1, { left: 0, top: 100, width: 200, height: 600 }],
    [2, { left: 220, top: 100, width: 200, height: 150 }],
  ]);
  const card = { left: 10, top: 500, width: 180, height: 80 };

  it('centres the card in the next column and keeps it inside a shorter one', () => {
    expect(columnJump('right', [1, 2], 1, rects, card)).toEqual({ x: 230, y: 170 });
  });

  it('goes back to the previous column', () => {
    expect(columnJump('left', [1, 2], 2, rects, { ...card, top: 120 })).toEqual({ x: 10, y: 120 });
  });

  it('stays put at either end and when the column has no measure', () => {
    expect(columnJump('left', [1, 2], 1, rects, card)).toBeUndefined();
    expect(columnJump('right', [1, 2], 2, rects, card)).toBeUndefined();
    expect(columnJump('right', [1, 3], 1, rects, card)).toBeUndefined();
  });

  it('enters the first column when the card is over none', () => {
    expect(columnJump('right', [1, 2], null, rects, card)).toEqual({ x: 10, y: 500 });
  });
});
