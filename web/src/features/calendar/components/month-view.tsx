import { Badge, Button, Calendar, Flex } from 'antd';
import type { CalendarItem } from '@crm/contracts';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../../app/i18n/i18n-context';
import { CalendarItemLink } from './calendar-item';
import { DayList } from './day-list';
import './month-view.css';

/** How many items a month cell shows before "+n more". */
const perCell = 3;

interface MonthViewProps {
  anchor: string;
  days: Map<string, CalendarItem[]>;
  showUser: boolean;
  mobile: boolean;
  /** A day picked: the anchor moves there (on a wide screen, the day view opens). */
  onPick: (day: string, open: boolean) => void;
}

function Cell({ day, items, showUser, onMore }: { day: string; items: CalendarItem[]; showUser: boolean; onMore: () => void }) {
  const t = useT();
  if (items.length === 0) return null;
  return (
    <Flex vertical gap={2} data-testid="calendar-cell" data-day={day}>
      {items.slice(0, perCell).map((item) => (
        <span key={item.key} onClick={(event) => event.stopPropagation()}>
          <CalendarItemLink item={item} showUser={showUser} />
        </span>
      ))}
      {items.length > perCell ? (
        <Button type="link" size="small" onClick={(event) => { event.stopPropagation(); onMore(); }} style={{ padding: 0, height: 'auto', fontSize: 12, alignSelf: 'flex-start' }}>
          {t('calendar.more', { n: items.length - perCell })}
        </Button>
      ) : null}
    </Flex>
  );
}

/**
 * The month (Ant Design's calendar): on a wide screen each day cell lists its first items and
 * picking a day opens it; on a phone a small month with a dot on busy days, the picked day's list below.
 */
export function MonthView({ anchor, days, showUser, mobile, onPick }: MonthViewProps) {
  const t = useT();
  const itemsOf = (date: Dayjs) => days.get(date.format('YYYY-MM-DD')) ?? [];
  return (
    <div className="crm-month" data-testid="calendar-month">
      <Calendar
        value={dayjs(anchor)}
        fullscreen={!mobile}
        headerRender={() => null}
        onSelect={(date, info) => {
          if (info.source === 'date') onPick(date.format('YYYY-MM-DD'), !mobile);
        }}
        cellRender={(date, info) => {
          if (info.type !== 'date') return info.originNode;
          const items = itemsOf(date);
          if (mobile) {
            if (items.length === 0) return null;
            return (
              <span role="img" aria-label={t('calendar.dayItems', { date: date.format('L'), n: items.length })}>
                <Badge status="processing" />
              </span>
            );
          }
          return <Cell day={date.format('YYYY-MM-DD')} items={items} showUser={showUser} onMore={() => onPick(date.format('YYYY-MM-DD'), true)} />;
        }}
      />
      {mobile ? <DayList day={anchor} items={days.get(anchor) ?? []} showUser={showUser} /> : null}
    </div>
  );
}
