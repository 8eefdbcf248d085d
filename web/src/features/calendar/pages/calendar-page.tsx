import dayjs from 'dayjs';
import { useSearchParams } from 'react-router-dom';
import { useI18n } from '../../../app/i18n/i18n-context';
import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { useIsMobile } from '../../../shared/hooks/use-is-mobile';
import { PageHeader } from '../../../shared/layout/page-header';
import { usePermissions } from '../../auth';
import { useCalendar, useCalendarUsers } from '../api';
import { CalendarBody } from '../components/calendar-body';
import { parseAnchor, parseView, parseWho, shiftAnchor, viewRange, type CalendarWho } from '../components/calendar-model';
import { CalendarToolbar } from '../components/calendar-toolbar';
import { FeedCard } from '../components/feed-card';

/**
 * 日历: my tasks, planned follow-ups, meetings and visits and care reminders by day, week or month
 * (a day list on a phone), or a colleague's or my team's for a manager; the view, day and person
 * stay in the address. Below, my private calendar subscription.
 */
export function CalendarPage() {
  const { t, locale } = useI18n();
  useDocumentTitle(t('calendar.title'));
  const mobile = useIsMobile();
  const { me } = usePermissions();
  const [params, setParams] = useSearchParams();
  const today = dayjs().format('YYYY-MM-DD');
  const view = parseView(params.get('view'), mobile);
  const anchor = parseAnchor(params.get('date'), today);
  const who = parseWho(params.get('user'));
  const range = viewRange(view, anchor, locale === 'zh-CN' ? 1 : 0);
  const users = useCalendarUsers(today);
  const query = useCalendar({ ...range, ...(who === 'team' ? { team: 'true' as const } : who !== null ? { userId: String(who) } : {}) });

  const update = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    setParams(next, { replace: true });
  };
  const onWho = (value: CalendarWho) => update({ user: value === null ? null : String(value) });

  return (
    <>
      <PageHeader title={t('calendar.title')} />
      <CalendarToolbar
        view={view}
        range={range}
        anchor={anchor}
        who={who}
        users={users}
        meId={me?.user.id ?? null}
        onView={(v) => update({ view: v })}
        onStep={(step) => update({ date: shiftAnchor(view, anchor, step) })}
        onToday={() => update({ date: null })}
        onWho={onWho}
      />
      <CalendarBody
        query={query}
        view={view}
        anchor={anchor}
        today={today}
        range={range}
        team={who === 'team'}
        mobile={mobile}
        onPick={(day, open) => update({ date: day === today ? null : day, ...(open ? { view: 'day' } : {}) })}
      />
      <FeedCard />
    </>
  );
}
