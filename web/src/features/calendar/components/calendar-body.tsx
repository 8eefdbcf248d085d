import { Alert, Card, Skeleton, Typography } from 'antd';
import type { CalendarResponse } from '@crm/contracts';
import type { UseQueryResult } from '@tanstack/react-query';
import { useT } from '../../../app/i18n/i18n-context';
import { QueryErrorResult } from '../../../shared/layout/results';
import { groupByDay, type CalendarView } from './calendar-model';
import { DayList } from './day-list';
import { MonthView } from './month-view';
import { WeekView } from './week-view';

interface BodyProps {
  query: UseQueryResult<CalendarResponse>;
  view: CalendarView;
  anchor: string;
  today: string;
  range: { from: string; to: string };
  team: boolean;
  mobile: boolean;
  onPick: (day: string, open: boolean) => void;
}

/** The view's items: loading, failed, or the day, week or month with a note when empty or cut short. */
export function CalendarBody({ query, view, anchor, today, range, team, mobile, onPick }: BodyProps) {
  const t = useT();
  if (query.isPending) return <Card><Skeleton active paragraph={{ rows: 8 }} /></Card>;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  const data = query.data;
  const days = groupByDay(data.items);
  let shown;
  if (view === 'day') shown = <DayList day={anchor} items={days.get(anchor) ?? []} showUser={team} heading={false} />;
  else if (view === 'week') shown = <WeekView from={range.from} to={range.to} today={today} days={days} showUser={team} mobile={mobile} onOpenDay={(day) => onPick(day, true)} />;
  else shown = <MonthView anchor={anchor} days={days} showUser={team} mobile={mobile} onPick={onPick} />;
  return (
    <Card styles={{ body: { padding: mobile ? 12 : 16 } }} data-testid="calendar-body" data-loading={query.isFetching ? 'true' : 'false'}>
      {data.truncated ? <Alert type="warning" showIcon title={t('calendar.truncated')} style={{ marginBottom: 12 }} /> : null}
      {data.items.length === 0 && view !== 'day' ? <Typography.Paragraph type="secondary">{t('calendar.emptyRange')}</Typography.Paragraph> : null}
      {shown}
      <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0', fontSize: 12 }}>
        {t('calendar.timeZone', { zone: data.timeZone })}
      </Typography.Paragraph>
    </Card>
  );
}
