import { useDroppable } from '@dnd-kit/core';
import { Button, Empty, Flex, Tag, Typography } from 'antd';
import type { Opportunity, Stage } from '@crm/contracts';
import { useI18n } from '../../../../app/i18n/i18n-context';
import { stageName } from '../deal-format';
import { formatMoney } from '../../../../shared/format/format';
import { DealCard } from './deal-card';

/** One stage as the board shows it (after the moves still in flight). */
export interface ColumnView {
  stage: Stage;
  count: number;
  amount: number;
  weightedAmount: number;
  items: Opportunity[];
}

const kindColors = { open: '#1677ff', won: '#52c41a', lost: '#ff4d4f' } as const;

export function ColumnHeader({ column, baseCurrency }: { column: ColumnView; baseCurrency: string }) {
  const { t, locale } = useI18n();
  return (
    <Flex vertical gap={2} style={{ borderTop: `3px solid ${kindColors[column.stage.kind]}`, paddingTop: 8 }}>
      <Flex justify="space-between" align="center" gap={6}>
        <Typography.Text strong ellipsis data-testid="column-name">
          {stageName(column.stage, locale)}
        </Typography.Text>
        <Flex gap={4} align="center">
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {column.stage.probability}%
          </Typography.Text>
          <Tag style={{ marginInlineEnd: 0 }} data-testid="column-count">
            {column.count}
          </Tag>
        </Flex>
      </Flex>
      <Typography.Text style={{ fontSize: 13 }} data-testid="column-amount">
        {formatMoney(column.amount, baseCurrency, locale, 'short')}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="column-weighted">
        {t('opp.weighted')} {formatMoney(column.weightedAmount, baseCurrency, locale, 'short')}
      </Typography.Text>
    </Flex>
  );
}

interface BoardColumnProps {
  column: ColumnView;
  baseCurrency: string;
  /** Desktop: drag and drop; phone: each card has a "move to stage" menu. */
  mode: 'drag' | 'menu';
  stages: Stage[];
  onMove: (deal: Opportunity, stage: Stage) => void;
  loadingMore: boolean;
  onLoadMore: () => void;
  width?: number | string;
}

export function BoardColumn({ column, baseCurrency, mode, stages, onMove, loadingMore, onLoadMore, width = 272 }: BoardColumnProps) {
  const { t, locale } = useI18n();
  const { setNodeRef, isOver } = useDroppable({ id: column.stage.id, data: { stage: column.stage } });
  const testKey = column.stage.key ?? String(column.stage.id);
  return (
    <section
      ref={setNodeRef}
      aria-label={stageName(column.stage, locale)}
      style={{
        width,
        flex: 'none',
        background: isOver ? '#e6f4ff' : '#f5f5f5',
        outline: isOver ? '2px dashed #1677ff' : undefined,
        borderRadius: 8,
        padding: 8,
        display: 'flex',
        flexDirection: 'column',
        gap: 8,
        transition: 'background 120ms',
      }}
      data-testid={`board-column-${testKey}`}
      data-stage-id={column.stage.id}
    >
      <ColumnHeader column={column} baseCurrency={baseCurrency} />
      <Flex vertical gap={8} style={{ minHeight: 80 }}>
        {column.items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('opp.columnEmpty')} style={{ margin: '12px 0' }} />
        ) : (
          column.items.map((deal) => (
            <DealCard
              key={deal.id}
              deal={deal}
              draggable={mode === 'drag'}
              {...(mode === 'menu' ? { moveTargets: stages, onMove } : {})}
            />
          ))
        )}
        {column.items.length < column.count ? (
          <Button block type="dashed" loading={loadingMore} onClick={onLoadMore} data-testid={`column-more-${testKey}`}>
            {t('opp.loadMore', { shown: column.items.length, count: column.count })}
          </Button>
        ) : null}
      </Flex>
    </section>
  );
}
