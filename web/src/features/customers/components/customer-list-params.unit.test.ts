import { describe, expect, it } from 'vitest';
import { activeFilterCount, hasFilters, parseListParams, toApiQuery, toSearchParams, type CustomerListParams } from './customer-list-params';

const parse = (query: string) => parseListParams(new URLSearchParams(query));
const defaults: CustomerListParams = {
  q: '',
  status: [],
  category: undefined,
  kind: undefined,
  lifecycleStage: undefined,
  ownerId: undefined,
  province: undefined,
  industry: undefined,
  source: undefined,
  tags: [],
  followUp: {},
  sort: '-updatedAt',
  page: 1,
  pageSize: 20,
};

describe('parseListParams', () => {
  it('reads an empty URL as the first page of everything, newest first', () => {
    expect(parse('')).toEqual(defaults);
  });

  it('reads every filter the list keeps in the URL', () => {
    const view = parse('q=华为&status=target,loyal&category=enterprise&kind=organization&lifecycleStage=stability&ownerId=12&province=广东省&industry=it&source=web&sort=name&page=3&pageSize=50');
    expect(view).toEqual({
      q: '华为',
      status: ['target', 'loyal'],
      category: 'enterprise',
      kind: 'organization',
      lifecycleStage: 'stability',
      ownerId: '12',
      province: '广东省',
      industry: 'it',
      source: 'web',
      tags: [],
      followUp: {},
      sort: 'name',
      page: 3,
      pageSize: 50,
    });
  });

  it('drops values that are not in the catalogue', () => {
    const view = parse('status=target,bogus&category=vip&kind=alien&lifecycleStage=x&sort=random');
    expect(view).toMatchObject({ status: ['target'], category: undefined, kind: undefined, lifecycleStage: undefined, sort: '-updatedAt' });
  });

  it('takes an owner id, or "none" for the public pool, and nothing else', () => {
    expect(parse('ownerId=none').ownerId).toBe('none');
    expect(parse('ownerId=7').ownerId).toBe('7');
    expect(parse('ownerId=7x').ownerId).toBeUndefined();
    expect(parse('ownerId=').ownerId).toBeUndefined();
  });

  it('falls back to page 1 and 20 a page for a page or size it cannot use', () => {
    expect(parse('page=0&pageSize=30')).toMatchObject({ page: 1, pageSize: 20 });
    expect(parse('page=-2&pageSize=abc')).toMatchObject({ page: 1, pageSize: 20 });
    expect(parse('page=2.5&pageSize=100')).toMatchObject({ page: 1, pageSize: 100 });
  });
});

describe('toSearchParams', () => {
  it('leaves the defaults out, so a plain list has a plain URL', () => {
    expect(toSearchParams(defaults).toString()).toBe('');
  });

  it('reads back what it wrote', () => {
    const view: CustomerListParams = {
      ...defaults,
      q: 'acme',
      status: ['potential', 'repeat'],
      kind: 'person',
      ownerId: 'none',
      industry: 'retail',
      sort: '-createdAt',
      page: 4,
      pageSize: 10,
    };
    const written = toSearchParams(view);
    expect(written.get('status')).toBe('potential,repeat');
    expect(parseListParams(written)).toEqual(view);
  });
});

describe('hasFilters', () => {
  it('is false for a plain list, whatever the sort and page', () => {
    expect(hasFilters({ ...defaults, sort: 'name', page: 5, pageSize: 100 })).toBe(false);
  });

  it('is true for any one filter', () => {
    const filters: Partial<CustomerListParams>[] = [
      { q: 'x' },
      { status: ['lost'] },
      { category: 'retail' },
      { kind: 'person' },
      { lifecycleStage: 'decline' },
      { ownerId: 'none' },
      { province: '北京市' },
      { industry: 'it' },
      { source: 'web' },
    ];
    for (const filter of filters) expect(hasFilters({ ...defaults, ...filter }), JSON.stringify(filter)).toBe(true);
  });
});

describe('toApiQuery', () => {
  it('always sends the page, size and sort, and only the filters set', () => {
    expect(toApiQuery(defaults)).toEqual({ page: 1, pageSize: 20, sort: '-updatedAt' });
  });

  it('joins the statuses with commas as the API reads them', () => {
    const query = toApiQuery({ ...defaults, q: 'a', status: ['target', 'loyal'], ownerId: '3', province: '广东省', source: 'web' });
    expect(query).toEqual({ page: 1, pageSize: 20, sort: '-updatedAt', q: 'a', status: 'target,loyal', ownerId: '3', province: '广东省', source: 'web' });
  });
});

describe('tags and follow-up dates', () => {
  it('reads tags and the follow-up and creation filters the API takes, dropping malformed values', () => {
    const view = parse('tags=VIP,重点&nextFollowUpWithinDays=0&noFollowUpDays=30&createdFrom=2026-01-01&lastFollowUpBefore=2026-13&poolDueWithinDays=x&sort=-nextFollowUpOn');
    expect(view).toMatchObject({ tags: ['VIP', '重点'], followUp: { nextFollowUpWithinDays: '0', noFollowUpDays: '30', createdFrom: '2026-01-01' }, sort: '-nextFollowUpOn' });
    expect(hasFilters(view)).toBe(true);
  });

  it('writes them back and sends them to the API under the same names', () => {
    const view: CustomerListParams = { ...defaults, tags: ['VIP'], followUp: { nextFollowUpOn: '2026-12-01', poolDueWithinDays: '3' }, sort: 'lastFollowUpAt' };
    expect(parseListParams(toSearchParams(view))).toEqual(view);
    expect(toApiQuery(view)).toEqual({ page: 1, pageSize: 20, sort: 'lastFollowUpAt', tags: 'VIP', nextFollowUpOn: '2026-12-01', poolDueWithinDays: '3' });
  });
});

describe('the count on the filter button', () => {
  it('counts each filter control that is set once (statuses together), not the search text or paging', () => {
    expect(activeFilterCount(parse(''))).toBe(0);
    expect(activeFilterCount(parse('q=abc&page=3&sort=name'))).toBe(0);
    expect(activeFilterCount(parse('status=potential&status=target'))).toBe(1);
    expect(activeFilterCount(parse('status=target&category=enterprise&kind=person&ownerId=4&province=310000&industry=it&source=web'))).toBe(7);
  });

  it('leaves out the owner where the list has no owner filter (the public pool)', () => {
    expect(activeFilterCount(parse('ownerId=4&kind=person'), true)).toBe(1);
    expect(activeFilterCount(parse('ownerId=4&kind=person'))).toBe(2);
  });
});
