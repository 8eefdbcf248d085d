import type { Attainment, AttainmentRow } from '@crm/contracts';
import { describe, expect, it } from 'vitest';
import { attainmentParts, attainmentRequests, percentOf, scopeFigures, summarize } from './forecast-attainment-model';

const row = (r: Partial<AttainmentRow> & Pick<AttainmentRow, 'subjectType' | 'subjectId'>): AttainmentRow => ({
  name: `${r.subjectType}${r.subjectId}`,
  parentId: null,
  target: null,
  targetFrom: null,
  membersTarget: null,
  actual: 0,
  attainmentBp: null,
  ...r,
});

const answer = (period: string, rows: AttainmentRow[], total: Attainment['total'] = { target: null, actual: 0 }): Attainment => ({
  period,
  metric: 'contract_amount',
  from: '',
  to: '',
  rows,
  total,
});

describe('attainmentParts', () => {
  it('keeps months that make no whole quarter as months', () => {
    expect(attainmentParts('2026-11', '2027-01')).toEqual(['2026-11', '2026-12', '2027-01']);
    expect(attainmentParts('2026-05', '2026-05')).toEqual(['2026-05']);
  });

  it('uses whole quarters and years where the range covers them', () => {
    expect(attainmentParts('2026-04', '2026-06')).toEqual(['2026-Q2']);
    expect(attainmentParts('2026-02', '2027-01')).toEqual(['2026-02', '2026-03', '2026-Q2', '2026-Q3', '2026-Q4', '2027-01']);
    expect(attainmentParts('2026-01', '2027-12')).toEqual(['2026', '2027']);
    expect(attainmentParts('2026-01', '2026-08')).toEqual(['2026-Q1', '2026-Q2', '2026-07', '2026-08']);
  });

  it('asks for a whole year and its quarters (a year may be set quarter by quarter)', () => {
    expect(attainmentRequests(['2026-12', '2027'])).toEqual(['2026-12', '2027', '2027-Q1', '2027-Q2', '2027-Q3', '2027-Q4']);
  });
});

describe('scopeFigures', () => {
  const rows = [
    row({ subjectType: 'department', subjectId: 1, name: '销售部', target: 1000, actual: 300 }),
    row({ subjectType: 'department', subjectId: 2, name: '华南', parentId: 1, membersTarget: 400, actual: 100 }),
    row({ subjectType: 'user', subjectId: 9, parentId: 2, target: 400, actual: 100 }),
  ];

  it('takes the department the forecast is filtered to, its members\' targets when it has none of its own', () => {
    expect(scopeFigures(answer('2026-05', rows), { departmentId: 2, userId: 5 })).toEqual({ name: '华南', target: 400, actual: 100 });
  });

  it('takes the top department the reader sees otherwise', () => {
    expect(scopeFigures(answer('2026-05', rows), { userId: 5 })).toEqual({ name: '销售部', target: 1000, actual: 300 });
    // A manager who sees only 华南: its parent is not in the answer, so it is the top.
    expect(scopeFigures(answer('2026-05', rows.slice(1)), { departmentId: 77, userId: 5 })).toMatchObject({ name: '华南', target: 400 });
  });

  it('adds several top departments up, without a name', () => {
    const two = [row({ subjectType: 'department', subjectId: 1, target: 100, actual: 10 }), row({ subjectType: 'department', subjectId: 3, actual: 5 })];
    expect(scopeFigures(answer('2026-05', two), { userId: 5 })).toEqual({ name: null, target: 100, actual: 15 });
  });

  it("is a salesperson's own line, or everyone's total when the reader sees several people and no department", () => {
    const own = [row({ subjectType: 'user', subjectId: 5, name: '陈目标', target: 200, actual: 50 })];
    expect(scopeFigures(answer('2026-05', own), { userId: 5 })).toEqual({ name: '陈目标', target: 200, actual: 50 });
    const people = [row({ subjectType: 'user', subjectId: 5, actual: 50 }), row({ subjectType: 'user', subjectId: 6, actual: 20 })];
    expect(scopeFigures(answer('2026-05', people, { target: 300, actual: 70 }), { userId: 5 })).toEqual({ name: null, target: 300, actual: 70 });
  });
});

describe('summarize', () => {
  const me = { userId: 5 };
  const mine = (period: string, target: number | null, actual: number) => answer(period, [row({ subjectType: 'user', subjectId: 5, name: '陈目标', target, actual })]);
  const byPeriod = (...answers: Attainment[]) => new Map(answers.map((a) => [a.period, a]));
  const weighted = new Map([
    ['2026-05', 1000],
    ['2026-06', 2000],
    ['2026-07', 4000],
  ]);

  it('adds targets and signed amounts of the parts; forecast = signed + weighted pipeline; gap = target - signed', () => {
    const s = summarize(['2026-05', '2026-06'], byPeriod(mine('2026-05', 10000, 3000), mine('2026-06', 10000, 2000)), me, weighted);
    expect(s).toEqual({ name: '陈目标', target: 20000, actual: 5000, forecast: 8000, actualBp: 2500, forecastBp: 4000, gap: 15000, missing: [] });
  });

  it('leaves a month without a target out of the comparison, signed and pipeline alike, and names it', () => {
    const s = summarize(['2026-05', '2026-06', '2026-07'], byPeriod(mine('2026-05', 10000, 3000), mine('2026-06', null, 9000), mine('2026-07', 10000, 0)), me, weighted);
    expect(s).toMatchObject({ target: 20000, actual: 3000, forecast: 8000, gap: 17000, missing: ['2026-06'] });
  });

  it('has no target when no part has one', () => {
    const s = summarize(['2026-05'], byPeriod(mine('2026-05', null, 3000)), me, weighted);
    expect(s).toMatchObject({ target: null, actual: 3000, actualBp: null, gap: null, missing: [] });
  });

  it('shows a negative gap when the target is exceeded', () => {
    expect(summarize(['2026-05'], byPeriod(mine('2026-05', 1000, 1500)), me, weighted)).toMatchObject({ gap: -500, actualBp: 15000 });
  });

  it("takes a year's quarters when the year has no target of its own, leaving unset quarters out", () => {
    const answers = byPeriod(mine('2026', null, 7000), mine('2026-Q1', 4000, 1000), mine('2026-Q2', 4000, 2000), mine('2026-Q3', null, 3000), mine('2026-Q4', null, 1000));
    const s = summarize(['2026'], answers, me, new Map([['2026-02', 500], ['2026-08', 900]]));
    expect(s).toMatchObject({ target: 8000, actual: 3000, forecast: 3500, missing: ['2026-Q3', '2026-Q4'] });
    // A year set as a whole is compared as set.
    const whole = byPeriod(mine('2026', 12000, 7000), mine('2026-Q1', 4000, 1000), mine('2026-Q2', null, 2000), mine('2026-Q3', null, 3000), mine('2026-Q4', null, 1000));
    expect(summarize(['2026'], whole, me, new Map())).toMatchObject({ target: 12000, actual: 7000, missing: [] });
  });
});

describe('percentOf', () => {
  it('shows the percentage as it is and caps the bar', () => {
    expect(percentOf(6250)).toEqual({ text: '62.5%', bar: 62.5 });
    expect(percentOf(15000)).toEqual({ text: '150%', bar: 100 });
    expect(percentOf(null)).toBeNull();
  });
});
