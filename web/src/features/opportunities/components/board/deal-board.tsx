import {
  closestCenter,
  DndContext,
  DragOverlay,
  KeyboardCode,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useSensor,
  useSensors,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
} from '@dnd-kit/core';
import { App, Card, Flex, Select, Typography } from 'antd';
import type { Opportunity, OpportunityBoard, OpportunityListQuery, Stage } from '@crm/contracts';
import { useMemo, useState } from 'react';
import { useI18n } from '../../../../app/i18n/i18n-context';
import { errorMessage } from '../../../../shared/api/error-message';
import { useIsMobile } from '../../../../shared/hooks/use-is-mobile';
import { fetchStagePage } from '../../api';
import { WonDealContractOffer } from '../../../contracts';
import { CloseDealModal } from '../close-deal-modal';
import { stageName } from '../deal-format';
import { formatMoney } from '../../../../shared/format/format';
import { BoardColumn } from './board-column';
import { arrangeColumns, columnJump } from './board-model';
import { DealCardBody } from './deal-card';
import { useBoardMoves } from './use-board-moves';

interface DealBoardProps {
  board: OpportunityBoard;
  /** The list filters of the board, for "load more" in a column. */
  filters: OpportunityListQuery;
  perStage: number;
  refetch: () => Promise<unknown>;
}

// The pointer decides where a card lands; with the keyboard (no pointer) the column the card
// overlaps, else the nearest one.
const collision: CollisionDetection = (args) => {
  const underPointer = pointerWithin(args);
  if (underPointer.length > 0) return underPointer;
  const overlapping = rectIntersection(args);
  return overlapping.length > 0 ? overlapping : closestCenter(args);
};

/**
 * The pipeline board: one column per stage with its count and sums. Desktop: drag a card to
 * another column (mouse, touch, or keyboard: Space lifts, arrows move, Space drops, Esc cancels);
 * the columns scroll sideways. Phone: one stage at a time and a "move to stage" menu per card.
 */
export function DealBoard({ board, filters, perStage, refetch }: DealBoardProps) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const [extras, setExtras] = useState<Record<number, Opportunity[]>>({});
  const [nextPage, setNextPage] = useState<Record<number, number>>({});
  const [loadingMore, setLoadingMore] = useState<number | null>(null);
  const [dragging, setDragging] = useState<Opportunity | null>(null);
  const [mobileStageId, setMobileStageId] = useState<number | null>(null);

  const moves = useBoardMoves({
    board,
    refetch,
    onSaved: (deal) =>
      setExtras((current) => {
        const next: Record<number, Opportunity[]> = {};
        for (const [stageId, list] of Object.entries(current)) next[Number(stageId)] = list.filter((d) => d.id !== deal.id);
        next[deal.stageId] = [deal, ...(next[deal.stageId] ?? [])];
        return next;
      }),
    onStale: () => {
      setExtras({});
      setNextPage({});
    },
  });

  const columns = useMemo(() => arrangeColumns(board, extras, moves.pending), [board, extras, moves.pending]);
  const stages = board.pipeline.stages.filter((s) => s.active);
  const columnIds = columns.map((c) => c.stage.id);

  const keyboardJump: KeyboardCoordinateGetter = (event, { context, currentCoordinates }) => {
    if (event.code !== KeyboardCode.Right && event.code !== KeyboardCode.Left) {
      if (event.code === KeyboardCode.Down) return { ...currentCoordinates, y: currentCoordinates.y + 40 };
      if (event.code === KeyboardCode.Up) return { ...currentCoordinates, y: currentCoordinates.y - 40 };
      return undefined;
    }
    const rect = context.collisionRect;
    if (!rect) return undefined;
    // Before the first move nothing is "over" yet: start from the card's own column.
    const origin = (context.active?.data.current as { deal?: Opportunity } | undefined)?.deal?.stageId ?? null;
    const overId = context.over ? Number(context.over.id) : origin;
    const rects = new Map<number, { left: number; top: number; width: number; height: number }>();
    for (const [id, r] of context.droppableRects) rects.set(Number(id), r);
    return columnJump(event.code === KeyboardCode.Right ? 'right' : 'left', columnIds, overId, rects, rect);
  };

  const sensors = useSensors(
    // A short distance before a drag starts keeps clicks on the card's link working.
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: keyboardJump, scrollBehavior: 'auto' }),
  );

  const loadMore = (stageId: number) => {
    const page = nextPage[stageId] ?? 2;
    setLoadingMore(stageId);
    fetchStagePage({ ...filters, pipelineId: board.pipeline.id, stageId, sort: 'expectedCloseDate', page, pageSize: perStage })
      .then((result) => {
        setExtras((current) => ({ ...current, [stageId]: [...(current[stageId] ?? []), ...result.items] }));
        setNextPage((current) => ({ ...current, [stageId]: page + 1 }));
      })
      .catch((error: unknown) => void message.error(errorMessage(error, t)))
      .finally(() => setLoadingMore(null));
  };

  const onDragStart = (event: DragStartEvent) => {
    const deal = (event.active.data.current as { deal?: Opportunity } | undefined)?.deal;
    setDragging(deal ?? null);
  };

  const onDragEnd = (event: DragEndEvent) => {
    setDragging(null);
    const deal = (event.active.data.current as { deal?: Opportunity } | undefined)?.deal;
    const stage = (event.over?.data.current as { stage?: Stage } | undefined)?.stage;
    if (deal && stage) moves.start(deal, stage);
  };

  const closeDialog = (
    <>
      {moves.closing ? <CloseDealModal deal={moves.closing.deal} stage={moves.closing.stage} onSettled={moves.settleClose} /> : null}
      {moves.contractFor ? <WonDealContractOffer deal={moves.contractFor} onClose={moves.endContractOffer} /> : null}
    </>
  );

  if (isMobile) {
    const current = columns.find((c) => c.stage.id === mobileStageId) ?? columns.find((c) => c.count > 0) ?? columns[0];
    return (
      <Flex vertical gap={12} data-testid="deal-board">
        <Select
          value={current?.stage.id}
          onChange={(id: number) => setMobileStageId(id)}
          aria-label={t('opp.f.stage')}
          options={columns.map((c) => ({
            value: c.stage.id,
            label: `${stageName(c.stage, locale)} (${c.count}) · ${formatMoney(c.amount, board.baseCurrency, locale)}`,
          }))}
          data-testid="board-stage-select"
        />
        {current ? (
          <BoardColumn
            column={current}
            baseCurrency={board.baseCurrency}
            mode="menu"
            stages={stages}
            onMove={(deal, stage) => moves.start(deal, stage)}
            loadingMore={loadingMore === current.stage.id}
            onLoadMore={() => loadMore(current.stage.id)}
            width="100%"
          />
        ) : null}
        {closeDialog}
      </Flex>
    );
  }

  return (
    <>
      <DndContext
        sensors={sensors}
        collisionDetection={collision}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={() => setDragging(null)}
        accessibility={{
          screenReaderInstructions: { draggable: t('opp.dragInstructions') },
          announcements: {
            onDragStart: ({ active }) => t('opp.dragPicked', { name: (active.data.current as { deal?: Opportunity } | undefined)?.deal?.name ?? '' }),
            onDragOver: ({ over }) => (over ? t('opp.dragOver', { stage: columnName(columns, over.id, locale) }) : undefined),
            onDragEnd: ({ over }) => (over ? t('opp.dragDropped', { stage: columnName(columns, over.id, locale) }) : undefined),
            onDragCancel: () => t('opp.dragCancelled'),
          },
        }}
      >
        <div style={{ overflowX: 'auto', paddingBottom: 8 }} data-testid="deal-board">
          <Flex gap={12} align="start" style={{ minWidth: 'min-content' }}>
            {columns.map((column) => (
              <BoardColumn
                key={column.stage.id}
                column={column}
                baseCurrency={board.baseCurrency}
                mode="drag"
                stages={stages}
                onMove={(deal, stage) => moves.start(deal, stage)}
                loadingMore={loadingMore === column.stage.id}
                onLoadMore={() => loadMore(column.stage.id)}
              />
            ))}
          </Flex>
        </div>
        <DragOverlay>
          {dragging ? (
            <Card size="small" styles={{ body: { padding: 10 } }} style={{ width: 256, boxShadow: '0 6px 16px rgba(0,0,0,0.18)', cursor: 'grabbing' }}>
              <DealCardBody deal={dragging} />
            </Card>
          ) : null}
        </DragOverlay>
      </DndContext>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('opp.boardHint')}
      </Typography.Text>
      {closeDialog}
    </>
  );
}

function columnName(columns: { stage: Stage }[], id: string | number, locale: 'zh-CN' | 'en'): string {
  const column = columns.find((c) => c.stage.id === Number(id));
  return column ? stageName(column.stage, locale) : '';
}
