import { FireOutlined } from '@ant-design/icons';
import { Avatar, Tag, Tooltip } from 'antd';
import type { Opportunity, OpportunityStatus } from '@crm/contracts';
import { useI18n, useT } from '../../../app/i18n/i18n-context';
import { dealStageName, statusColors, statusLabels } from './deal-format';

const avatarColors = ['#1677ff', '#13c2c2', '#52c41a', '#fa8c16', '#eb2f96', '#722ed1', '#2f54eb', '#a0d911'];

/** The owner's initial in a coloured circle (the colour follows the user id), name on hover. */
export function OwnerAvatar({ ownerId, ownerName, size = 24 }: { ownerId: number; ownerName: string | null; size?: number }) {
  const name = ownerName ?? '?';
  return (
    <Tooltip title={name}>
      <Avatar
        size={size}
        style={{ background: avatarColors[ownerId % avatarColors.length], flex: 'none', fontSize: size * 0.5 }}
        aria-label={name}
      >
        {Array.from(name)[0] ?? '?'}
      </Avatar>
    </Tooltip>
  );
}

export function OverdueTag() {
  const t = useT();
  return (
    <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid="deal-overdue">
      {t('opp.overdue')}
    </Tag>
  );
}

export function BigDealTag() {
  const t = useT();
  return (
    <Tag color="volcano" icon={<FireOutlined />} style={{ marginInlineEnd: 0 }} data-testid="deal-big">
      {t('opp.bigDeal')}
    </Tag>
  );
}

export function DealStatusTag({ status }: { status: OpportunityStatus }) {
  const t = useT();
  return (
    <Tag color={statusColors[status]} style={{ marginInlineEnd: 0 }} data-testid="deal-status">
      {t(statusLabels[status])}
    </Tag>
  );
}

export function StageTag({ deal }: { deal: Pick<Opportunity, 'stageNameZh' | 'stageNameEn' | 'status'> }) {
  const { locale } = useI18n();
  const color = deal.status === 'won' ? 'green' : deal.status === 'lost' ? 'red' : 'blue';
  return (
    <Tag color={color} variant="outlined" style={{ marginInlineEnd: 0 }} data-testid="deal-stage">
      {dealStageName(deal, locale)}
    </Tag>
  );
}
