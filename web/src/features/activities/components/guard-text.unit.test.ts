import { beforeAll, describe, expect, it } from 'vitest';
import { createTranslate, loadMessages, loadRestMessages } from '../../../app/i18n/translate';
import { calendarDaysAgo, guardLines, guardWhen } from './guard-text';

// Local times, so that the test reads the same in any time zone the machine has.
const now = new Date(2026, 11, 6, 9, 30);
const at = (month: number, day: number, hour: number, minute: number, year = 2026) => new Date(year, month - 1, day, hour, minute).toISOString();

describe('contact guard text', () => {
  // Both languages whole: the first part and the rest (these pages are not the first page).
  beforeAll(async () => {
    await Promise.all([loadMessages('zh-CN'), loadMessages('en')]);
    await loadRestMessages();
  });

  it('names each colleague, the kind, the day and time and how long ago, in Chinese', () => {
    const guard = {
      days: 7,
      recent: [
        { userId: 2, userName: '张伟', at: at(12, 3, 14, 20), kind: 'call' as const },
        { userId: 3, userName: '李娜', at: at(12, 6, 8, 5), kind: 'visit' as const },
        { userId: 4, userName: null, at: at(12, 5, 23, 59), kind: 'email' as const },
      ],
    };
    expect(guardLines(guard, createTranslate('zh-CN'), 'zh-CN', now)).toEqual([
      { userId: 2, text: '张伟 于 12月3日 14:20 电话跟进过该客户（3 天前）' },
      { userId: 3, text: '李娜 于 12月6日 08:05 拜访过该客户（今天）' },
      { userId: 4, text: '已停用的用户 于 12月5日 23:59 给该客户发过邮件（昨天）' },
    ]);
  });

  it('reads in English, with the year when it is another one', () => {
    const guard = { days: 30, recent: [{ userId: 2, userName: 'Zhang Wei', at: at(12, 28, 16, 0, 2025), kind: 'meeting' as const }] };
    expect(guardLines(guard, createTranslate('en'), 'en', new Date(2026, 0, 2, 10, 0))).toEqual([
      { userId: 2, text: 'Zhang Wei met this customer on Dec 28, 2025, 16:00 (5 days ago)' },
    ]);
    expect(guardWhen(at(3, 9, 7, 45), now, 'en')).toBe('Mar 9, 07:45');
  });

  it('counts calendar days, not periods of 24 hours', () => {
    // 23:59 yesterday is one day ago at 09:30 today, not zero.
    expect(calendarDaysAgo(at(12, 5, 23, 59), now)).toBe(1);
    expect(calendarDaysAgo(at(12, 6, 0, 1), now)).toBe(0);
    expect(calendarDaysAgo(at(11, 29, 10, 0), now)).toBe(7);
    // A clock slightly ahead of the browser's is "today", never "-1 days ago".
    expect(calendarDaysAgo(at(12, 7, 0, 1), now)).toBe(0);
  });
});
