import type { ContactGuard, FollowUpKind, Locale } from '@crm/contracts';
import dayjs from 'dayjs';
import type { Translate } from '../../../app/i18n/translate';

/** Whole calendar days between the instant and now (the browser's days): 0 today, 1 yesterday. */
export function calendarDaysAgo(at: string, now: Date): number {
  return Math.max(0, dayjs(now).startOf('day').diff(dayjs(at).startOf('day'), 'day'));
}

/** "12月3日 14:20" / "Dec 3, 14:20", with the year when it is not this year's. */
export function guardWhen(at: string, now: Date, locale: Locale): string {
  const date = dayjs(at);
  const sameYear = date.year() === now.getFullYear();
  if (locale === 'zh-CN') return date.format(sameYear ? 'M月D日 HH:mm' : 'YYYY年M月D日 HH:mm');
  return date.locale('en').format(sameYear ? 'MMM D, HH:mm' : 'MMM D, YYYY, HH:mm');
}

export function agoText(days: number, t: Translate): string {
  if (days === 0) return t('activity.ago.today');
  if (days === 1) return t('activity.ago.yesterday');
  return t('activity.ago.days', { n: days });
}

const lineKeys = {
  call: 'activity.guard.call',
  visit: 'activity.guard.visit',
  meeting: 'activity.guard.meeting',
  email: 'activity.guard.email',
  message: 'activity.guard.message',
  note: 'activity.guard.note',
} as const satisfies Record<FollowUpKind, string>;

/** One line per colleague: "张伟 于 12月3日 14:20 电话跟进过该客户（3 天前）". */
export function guardLines(guard: ContactGuard, t: Translate, locale: Locale, now: Date): { userId: number; text: string }[] {
  return guard.recent.map((entry) => ({
    userId: entry.userId,
    text: t(lineKeys[entry.kind], {
      name: entry.userName ?? t('activity.someone'),
      when: guardWhen(entry.at, now, locale),
      ago: agoText(calendarDaysAgo(entry.at, now), t),
    }),
  }));
}
