import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { drillDownQuery, parseForecastParams, toForecastQuery, toForecastSearchParams, type ForecastParams } from './forecast-model';

const parse = (query: string) => parseForecastParams(new URLSearchParams(query));

describe('parseForecastParams', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date(2026, 10, 20, 12));
  });
  afterEach(() => vi.useRealTimers());

  it('shows this month and the two after it by default, by owner', () => {
    expect(parse('')).toEqual({ from: '2026-11', to: '2027-01', groupBy: 'owner', pipelineId: undefined, departmentId: undefined });
  });

  it('keeps a valid range, grouping and ids from the URL', () => {
    expect(parse('from=2026-02&to=2026-08&groupBy=department&pipelineId=3&departmentId=7')).toEqual({
      from: '2026-02',
      to: '2026-08',
      groupBy: 'department',
      pipelineId: 3,
      departmentId: 7,
    });
  });

  it('replaces what is malformed: months, an end before the start, ids that are not positive integers', () => {
    expect(parse('from=2026-2&to=soon').from).toBe('2026-11');
    expect(parse('from=2026-06&to=2026-05').to).toBe('2026-08');
    expect(parse('from=2026-06&to=2026-06').to).toBe('2026-06');
    const view = parse('groupBy=team&pipelineId=-1&departmentId=2.5');
    expect(view).toMatchObject({ groupBy: 'owner', pipelineId: undefined, departmentId: undefined });
  });
});

describe('toForecastSearchParams', () => {
  it('writes the range always and the rest only when not the default', () => {
    expect(toForecastSearchParams({ from: '2026-01', to: '2026-03', groupBy: 'owner' }).toString()).toBe('from=2026-01&to=2026-03');
    const full = toForecastSearchParams({ from: '2026-01', to: '2026-03', groupBy: 'department', pipelineId: 2, departmentId: 5 });
    expect(full.toString()).toBe('from=2026-01&to=2026-03&groupBy=department&pipelineId=2&departmentId=5');
  });

  it('reads back what it wrote', () => {
    const view: ForecastParams = { from: '2025-12', to: '2026-04', groupBy: 'department', pipelineId: 9, departmentId: 4 };
    expect(parseForecastParams(toForecastSearchParams(view))).toEqual(view);
  });
});

describe('toForecastQuery', () => {
  it('sends the ids only when they are set', () => {
    expect(toForecastQuery({ from: '2026-01', to: '2026-03', groupBy: 'owner' })).toEqual({ from: '2026-01', to: '2026-03', groupBy: 'owner' });
    expect(toForecastQuery({ from: '2026-01', to: '2026-03', groupBy: 'owner', pipelineId: 2, departmentId: 3 })).toEqual({
      from: '2026-01',
      to: '2026-03',
      groupBy: 'owner',
      pipelineId: 2,
      departmentId: 3,
    });
  });
});

describe('drillDownQuery', () => {
  const byOwner: ForecastParams = { from: '2026-01', to: '2026-03', groupBy: 'owner', pipelineId: 2 };

  it('lists the deals won that month for "won", the committed open ones for "commit"', () => {
    expect(drillDownQuery(byOwner, { month: '2026-02', figure: 'won' }, 1)).toEqual({
      forecastMonth: '2026-02',
      page: 1,
      pageSize: 20,
      sort: '-amount',
      status: 'won',
      pipelineId: 2,
    });
    expect(drillDownQuery(byOwner, { month: '2026-02', figure: 'commit' }, 3)).toMatchObject({ status: 'open', forecastCategory: 'commit', page: 3 });
  });

  it('lists all the open deals of the month for best case, pipeline and weighted', () => {
    for (const figure of ['bestCase', 'pipeline', 'weighted'] as const) {
      const query = drillDownQuery(byOwner, { month: '2026-02', figure }, 1);
      expect(query.status).toBe('open');
      expect(query.forecastCategory).toBeUndefined();
    }
  });

  it("narrows to the row's owner or department", () => {
    expect(drillDownQuery(byOwner, { month: '2026-02', figure: 'won', group: { id: 8, name: 'Ann' } }, 1)).toMatchObject({ ownerId: 8 });
    const byDepartment: ForecastParams = { ...byOwner, groupBy: 'department', departmentId: 1 };
    const query = drillDownQuery(byDepartment, { month: '2026-02', figure: 'won', group: { id: 6, name: 'East' } }, 1);
    expect(query.departmentId).toBe(6);
    expect(query.ownerId).toBeUndefined();
  });

  it("keeps the page's department filter when the row has no group id (unassigned, the total)", () => {
    const view: ForecastParams = { ...byOwner, departmentId: 4 };
    expect(drillDownQuery(view, { month: '2026-02', figure: 'won', group: { id: 8, name: 'Ann' } }, 1)).toMatchObject({ ownerId: 8, departmentId: 4 });
    const none = drillDownQuery(view, { month: '2026-02', figure: 'won', group: { id: null, name: '—' } }, 1);
    expect(none.ownerId).toBeUndefined();
    expect(none.departmentId).toBe(4);
  });
});
