import { Empty, Flex, Typography } from 'antd';
import type { CalendarItem } from '@crm/contracts';
import dayjs from 'dayjs';
import { useT } from '../../../app/i18n/i18n-context';
import { CalendarItemLink } from './calendar-item';

/** One day's items as a list under its date (the day view, and each day of a week on a phone). */
export function DayList({ day, items, showUser, heading = true }: { day: string; items: CalendarItem[]; showUser: boolean; heading?: boolean }) {
  const t = useT();
  return (
    <section aria-label={dayjs(day).format('LL dddd')} data-testid="calendar-day" data-day={day}>
      {heading ? (
        <Typography.Title level={2} style={{ fontSize: 16, margin: '8px 0' }}>
          {dayjs(day).format('LL dddd')}
        </Typography.Title>
      ) : null}
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('calendar.emptyDay')} style={{ margin: '8px 0' }} />
      ) : (
        <Flex vertical gap={8} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((item) => (
            <li key={item.key}>
              {item.time === null ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('calendar.allDay')}</Typography.Text> : null}
              <CalendarItemLink item={item} detailed showUser={showUser} />
            </li>
          ))}
        </Flex>
      )}
    </section>
  );
}
