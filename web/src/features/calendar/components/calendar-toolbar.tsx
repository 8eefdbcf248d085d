import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Flex, Segmented, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useT } from '../../../app/i18n/i18n-context';
import { calendarViews, type CalendarView, type CalendarWho } from './calendar-model';

interface ToolbarProps {
  view: CalendarView;
  range: { from: string; to: string };
  anchor: string;
  who: CalendarWho;
  /** The users whose calendars the reader may open (more than themselves: the picker shows). */
  users: Array<{ id: number; name: string }>;
  meId: number | null;
  onView: (view: CalendarView) => void;
  onStep: (step: 1 | -1) => void;
  onToday: () => void;
  onWho: (who: CalendarWho) => void;
}

function periodTitle(view: CalendarView, anchor: string, range: { from: string; to: string }): string {
  if (view === 'month') return dayjs(anchor).format('YYYY-MM');
  if (view === 'week') return `${dayjs(range.from).format('L')} – ${dayjs(range.to).format('L')}`;
  return dayjs(anchor).format('LL dddd');
}

/** The period shown and its arrows, the day / week / month switch, and for a manager whose calendar. */
export function CalendarToolbar({ view, range, anchor, who, users, meId, onView, onStep, onToday, onWho }: ToolbarProps) {
  const t = useT();
  const others = users.filter((u) => u.id !== meId);
  return (
    <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
      <Flex align="center" gap={4} wrap>
        <Button icon={<LeftOutlined />} aria-label={t('calendar.prev')} onClick={() => onStep(-1)} data-testid="calendar-prev" />
        <Button onClick={onToday} data-testid="calendar-today">{t('calendar.today')}</Button>
        <Button icon={<RightOutlined />} aria-label={t('calendar.next')} onClick={() => onStep(1)} data-testid="calendar-next" />
        <Typography.Text strong style={{ fontSize: 16, marginInlineStart: 8 }} data-testid="calendar-period">
          {periodTitle(view, anchor, range)}
        </Typography.Text>
      </Flex>
      <Flex align="center" gap={8} wrap>
        {others.length > 0 ? (
          <Select<string>
            value={who === null ? 'me' : String(who)}
            onChange={(value) => onWho(value === 'me' ? null : value === 'team' ? 'team' : Number(value))}
            options={[{ value: 'me', label: t('calendar.me') }, { value: 'team', label: t('calendar.team') }, ...others.map((u) => ({ value: String(u.id), label: u.name }))]}
            showSearch={{ optionFilterProp: 'label' }}
            aria-label={t('calendar.user')}
            style={{ width: 160 }}
            data-testid="calendar-user"
          />
        ) : null}
        <Segmented<CalendarView>
          value={view}
          onChange={onView}
          options={calendarViews.map((v) => ({ value: v, label: <span data-testid={`calendar-view-${v}`}>{t(`calendar.view.${v}`)}</span> }))}
          aria-label={t('calendar.view')}
        />
      </Flex>
    </Flex>
  );
}
