import { CarryOutOutlined, EnvironmentOutlined, GiftOutlined, PhoneOutlined, TeamOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import type { CalendarItem } from '@crm/contracts';
import type { CSSProperties, ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../../app/i18n/i18n-context';
import { itemPath } from './calendar-model';

const hidden: CSSProperties = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' };

function iconOf(item: CalendarItem): ReactNode {
  if (item.kind === 'care_reminder') return <GiftOutlined />;
  if (item.kind === 'follow_up') return item.followUpKind === 'visit' ? <EnvironmentOutlined /> : <TeamOutlined />;
  if (item.kind === 'next_follow_up') return <PhoneOutlined />;
  return <CarryOutOutlined />;
}

/** What kind of item it is, in words (a birthday, a visit, a planned follow-up...). */
export function useItemLabel(): (item: CalendarItem) => string {
  const t = useT();
  return (item) => {
    if (item.kind === 'care_reminder' && item.careKind) return t(`calendar.care.${item.careKind}`);
    if (item.kind === 'follow_up' && item.followUpKind) return t(`activity.kind.${item.followUpKind}`);
    return t(`calendar.kind.${item.kind}`);
  };
}

/**
 * One item as a link to its record: icon, time, title; `detailed` adds the kind, customer and
 * (for a team) the person. Done tasks are struck through, overdue ones marked.
 */
export function CalendarItemLink({ item, detailed = false, showUser = false }: { item: CalendarItem; detailed?: boolean; showUser?: boolean }) {
  const t = useT();
  const label = useItemLabel()(item);
  const done = item.status === 'done';
  const extra = [detailed ? label : null, detailed ? item.customerName : null, showUser ? item.userName : null].filter(Boolean).join(' · ');
  return (
    <Link
      to={itemPath(item)}
      title={[label, item.time, item.title, item.customerName].filter(Boolean).join(' ')}
      data-testid="calendar-item"
      data-kind={item.kind}
      style={{ display: 'flex', gap: 6, alignItems: 'baseline', minWidth: 0, fontSize: detailed ? 14 : 12, lineHeight: 1.5 }}
    >
      <span aria-hidden style={{ flex: 'none' }}>{iconOf(item)}</span>
      {detailed ? null : <span style={hidden}>{label}</span>}
      {item.time ? <span style={{ flex: 'none' }}>{item.time}</span> : null}
      <span style={{ minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: detailed ? 'normal' : 'nowrap', overflowWrap: 'anywhere', textDecoration: done ? 'line-through' : undefined }}>
        {item.title}
      </span>
      {item.overdue ? <Typography.Text type="danger" style={{ flex: 'none', fontSize: 12 }}>{t('calendar.overdue')}</Typography.Text> : null}
      {done && detailed ? <Typography.Text type="secondary" style={{ flex: 'none', fontSize: 12 }}>{t('calendar.done')}</Typography.Text> : null}
      {extra ? <Typography.Text type="secondary" style={{ fontSize: 12, minWidth: 0 }}>{extra}</Typography.Text> : null}
    </Link>
  );
}
