import { HolderOutlined, SwapOutlined } from '@ant-design/icons';
import { useDraggable } from '@dnd-kit/core';
import { Button, Card, Dropdown, Flex, Typography } from 'antd';
import type { Opportunity, Stage } from '@crm/contracts';
import type { CSSProperties, ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../../app/i18n/i18n-context';
import { formatDate } from '../../../../shared/format/format';
import { BigDealTag, OverdueTag, OwnerAvatar } from '../deal-bits';
import { stageName } from '../deal-format';
import { formatMoney } from '../../../../shared/format/format';

interface DealCardBodyProps {
  deal: Opportunity;
  /** Offered in the card's "move to stage" menu (phones, where there is no dragging). */
  moveTargets?: Stage[];
  onMove?: (deal: Opportunity, stage: Stage) => void;
  /** The keyboard's drag handle, beside the name. */
  handle?: ReactNode;
}

/** What a card shows: name, customer, amount, close date, owner; the same in the drag overlay. */
export function DealCardBody({ deal, moveTargets, onMove, handle }: DealCardBodyProps) {
  const { t, locale } = useI18n();
  return (
    <Flex vertical gap={4}>
      <Flex justify="space-between" align="start" gap={6}>
        <Link
          to={`/opportunities/${deal.id}`}
          style={{ fontWeight: 600, minWidth: 0, overflowWrap: 'anywhere' }}
          data-testid="deal-link"
          // The card is dragged, not the link (a native link drag would cancel the card's).
          draggable={false}
        >
          {deal.name}
        </Link>
        <Flex gap={4} align="center" style={{ flex: 'none' }}>
          <OwnerAvatar ownerId={deal.ownerId} ownerName={deal.ownerName} />
          {handle}
        </Flex>
      </Flex>
      <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
        {deal.customerName}
      </Typography.Text>
      <Typography.Text strong data-testid="deal-amount">
        {formatMoney(deal.status === 'won' ? (deal.wonAmount ?? deal.amount) : deal.amount, deal.currency, locale)}
      </Typography.Text>
      <Flex justify="space-between" align="center" gap={6} wrap>
        <Typography.Text type={deal.overdue ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
          {formatDate(deal.expectedCloseDate)}
        </Typography.Text>
        <Flex gap={4} wrap>
          {deal.overdue ? <OverdueTag /> : null}
          {deal.bigDeal ? <BigDealTag /> : null}
        </Flex>
      </Flex>
      {moveTargets && onMove && deal.can.edit ? (
        <Dropdown
          trigger={['click']}
          menu={{
            items: moveTargets
              .filter((s) => s.id !== deal.stageId)
              .map((s) => ({ key: String(s.id), label: stageName(s, locale) })),
            onClick: ({ key }) => {
              const stage = moveTargets.find((s) => String(s.id) === key);
              if (stage) onMove(deal, stage);
            },
          }}
        >
          <Button size="small" icon={<SwapOutlined />} style={{ alignSelf: 'flex-start' }} data-testid="deal-move-menu">
            {t('opp.moveToStage')}
          </Button>
        </Dropdown>
      ) : null}
    </Flex>
  );
}

interface DealCardProps extends DealCardBodyProps {
  /** Dragging is offered on desktops to users who may edit the deal. */
  draggable: boolean;
}

/**
 * A deal on the board: drag it with the mouse or a finger anywhere on the card, or with the
 * keyboard from its handle (Space, arrows, Space). The handle is the card's only drag control,
 * beside its link and menu, so no control sits inside another.
 */
export function DealCard({ deal, draggable, moveTargets, onMove }: DealCardProps) {
  const { t } = useI18n();
  const canDrag = draggable && deal.can.edit;
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({
    id: deal.id,
    data: { deal },
    disabled: !canDrag,
  });
  const style: CSSProperties = {
    opacity: isDragging ? 0.4 : 1,
    cursor: canDrag ? 'grab' : undefined,
    touchAction: canDrag ? 'manipulation' : undefined,
  };
  const handle = canDrag ? (
    <Button
      ref={setActivatorNodeRef}
      type="text"
      size="small"
      icon={<HolderOutlined />}
      {...attributes}
      onKeyDown={(event) => listeners?.onKeyDown?.(event)}
      aria-roledescription={t('opp.dragRole')}
      aria-label={deal.name}
      style={{ cursor: 'grab' }}
    />
  ) : null;
  return (
    <div ref={setNodeRef} style={style} data-testid={`deal-card-${deal.id}`} onPointerDown={(event) => (canDrag ? listeners?.onPointerDown?.(event) : undefined)}>
      <Card size="small" styles={{ body: { padding: 10 } }} style={deal.overdue ? { borderInlineStart: '3px solid #ff4d4f' } : undefined}>
        <DealCardBody deal={deal} moveTargets={moveTargets} onMove={onMove} handle={handle} />
      </Card>
    </div>
  );
}
