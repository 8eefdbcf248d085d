import { describe, expect, it } from 'vitest';
import { paramsOfView, refOfKey, sameAsApi, showsView, viewQueryOf } from './view-params';

const url = (query: string) => new URLSearchParams(query);

describe('a list URL and a saved view', () => {
  it('keeps the filters of the URL, the sort and page size apart, and never the page', () => {
    expect(viewQueryOf(url('status=potential&cf_level=a&sort=-lastFollowUpAt&page=3&pageSize=50'), sameAsApi)).toEqual({
      filters: { status: 'potential', cf_level: 'a' },
      sort: '-lastFollowUpAt',
      pageSize: 50,
    });
    expect(viewQueryOf(url(''), sameAsApi)).toEqual({ filters: {}, sort: null, pageSize: null });
  });

  it('shows a view as its filters, sort and page size, from the first page', () => {
    const shown = paramsOfView({ filters: { ownerId: '7', nextFollowUpWithinDays: '0' }, sort: 'nextFollowUpOn', pageSize: 100 }, sameAsApi, url('page=4&q=x'));
    expect(Object.fromEntries(shown)).toEqual({ ownerId: '7', nextFollowUpWithinDays: '0', sort: 'nextFollowUpOn', pageSize: '100' });
  });

  it('knows the view a URL shows whatever the order of its parameters and the page, not once a filter changes', () => {
    const view = { filters: { ownerId: '7', status: 'target' }, sort: null };
    expect(showsView(url('status=target&ownerId=7&page=2&pageSize=50'), view, sameAsApi)).toBe(true);
    expect(showsView(url('status=target&ownerId=7&q=a'), view, sameAsApi)).toBe(false);
    expect(showsView(url('status=target&ownerId=7&sort=name'), view, sameAsApi)).toBe(false);
    expect(showsView(url(''), { filters: {}, sort: null }, sameAsApi)).toBe(true);
  });

  it('turns an option key into the API reference of its view', () => {
    expect(refOfKey('view:12')).toBe(12);
    expect(refOfKey('builtin:due_today')).toBe('due_today');
    expect(refOfKey('builtin:nope')).toBeNull();
  });
});
