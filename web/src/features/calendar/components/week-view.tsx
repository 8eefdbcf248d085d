import { Button, Typography } from 'antd';
import type { CalendarItem } from '@crm/contracts';
import dayjs from 'dayjs';
import { useT } from '../../../app/i18n/i18n-context';
import { CalendarItemLink } from './calendar-item';
import { daysBetween } from './calendar-model';
import { DayList } from './day-list';

interface WeekViewProps {
  from: string;
  to: string;
  today: string;
  days: Map<string, CalendarItem[]>;
  showUser: boolean;
  mobile: boolean;
  onOpenDay: (day: string) => void;
}

/** A week: seven columns on a wide screen (today marked), seven day lists one under another on a phone. */
export function WeekView({ from, to, today, days, showUser, mobile, onOpenDay }: WeekViewProps) {
  const t = useT();
  const week = daysBetween(from, to);
  if (mobile) return <>{week.map((day) => <DayList key={day} day={day} items={days.get(day) ?? []} showUser={showUser} />)}</>;
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, minmax(0, 1fr))', gap: 8 }} data-testid="calendar-week">
      {week.map((day) => (
        <section key={day} aria-label={dayjs(day).format('LL dddd')} data-testid="calendar-day" data-day={day} style={{ minWidth: 0, borderTop: `3px solid ${day === today ? '#1664ff' : '#f0f0f0'}`, paddingTop: 4 }}>
          <Typography.Title level={2} style={{ fontSize: 14, margin: '0 0 8px' }}>
            <Button type="link" onClick={() => onOpenDay(day)} style={{ padding: 0, height: 'auto', fontWeight: 600 }}>
              {dayjs(day).format('ddd D')}
            </Button>
          </Typography.Title>
          {(days.get(day) ?? []).map((item) => (
            <div key={item.key} style={{ marginBottom: 6 }}>
              <CalendarItemLink item={item} showUser={showUser} />
            </div>
          ))}
          {(days.get(day) ?? []).length === 0 ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('calendar.emptyDay')}</Typography.Text> : null}
        </section>
      ))}
    </div>
  );
}
