import { describe, expect, it } from 'vitest';
import { hasDealFilters, parseDealParams, sharedFilters, toDealSearchParams, toListQuery, type DealParams } from './deal-params';

const parse = (query: string) => parseDealParams(new URLSearchParams(query));
const plain: DealParams = parse('');

describe('parseDealParams', () => {
  it('opens the board, first page, newest first, without filters', () => {
    expect(plain).toMatchObject({ view: 'board', overdue: false, q: '', sort: '-updatedAt', page: 1, pageSize: 20 });
    expect(hasDealFilters(plain)).toBe(false);
  });

  it('reads the table view and every filter', () => {
    const view = parse(
      'view=table&pipelineId=2&ownerId=5&departmentId=3&closeFrom=2026-01-01&closeTo=2026-03-31&amountMin=0&amountMax=12.5&overdue=true&q=erp&status=won&sort=-amount&page=2&pageSize=50',
    );
    expect(view).toEqual({
      view: 'table',
      pipelineId: 2,
      ownerId: 5,
      departmentId: 3,
      closeFrom: '2026-01-01',
      closeTo: '2026-03-31',
      amountMin: 0,
      amountMax: 12.5,
      overdue: true,
      q: 'erp',
      status: 'won',
      sort: '-amount',
      page: 2,
      pageSize: 50,
    });
  });

  it('drops what it cannot use: bad ids, dates, negative amounts, unknown status, sort and size', () => {
    const view = parse('view=list&ownerId=0&departmentId=x&closeFrom=2026-1-1&amountMin=-5&amountMax=abc&status=maybe&sort=random&page=-1&pageSize=7');
    expect(view).toMatchObject({ view: 'board', ownerId: undefined, departmentId: undefined, closeFrom: undefined, amountMin: undefined, amountMax: undefined });
    expect(view).toMatchObject({ status: undefined, sort: '-updatedAt', page: 1, pageSize: 20 });
  });
});

describe('toDealSearchParams', () => {
  it('leaves the defaults out and reads back what it wrote', () => {
    expect(toDealSearchParams(plain).toString()).toBe('');
    const view: DealParams = { ...plain, view: 'table', ownerId: 4, amountMin: 0, overdue: true, q: 'crm', status: 'open', sort: 'name', page: 3, pageSize: 100 };
    const written = toDealSearchParams(view);
    expect(written.get('amountMin')).toBe('0');
    expect(parseDealParams(written)).toEqual(view);
  });
});

describe('hasDealFilters', () => {
  it('does not count the pipeline, counts a zero minimum amount', () => {
    expect(hasDealFilters({ ...plain, pipelineId: 2 })).toBe(false);
    expect(hasDealFilters({ ...plain, amountMin: 0 })).toBe(true);
    expect(hasDealFilters({ ...plain, overdue: true })).toBe(true);
  });
});

describe('sharedFilters and toListQuery', () => {
  it('sends amounts in fen and overdue as the string the API reads', () => {
    expect(sharedFilters({ ...plain, amountMin: 1000, amountMax: 2500.5, overdue: true, pipelineId: 1 })).toEqual({
      pipelineId: 1,
      amountMin: 100_000,
      amountMax: 250_050,
      overdue: 'true',
    });
  });

  it("adds the table's status, order and page to the shared filters", () => {
    expect(toListQuery({ ...plain, q: 'x', status: 'lost', sort: 'name', page: 2, pageSize: 10 })).toEqual({ q: 'x', status: 'lost', sort: 'name', page: 2, pageSize: 10 });
    expect(toListQuery(plain)).toEqual({ sort: '-updatedAt', page: 1, pageSize: 20 });
  });
});
