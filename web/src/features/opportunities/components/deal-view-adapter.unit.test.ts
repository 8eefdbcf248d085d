import { describe, expect, it } from 'vitest';
import { dealViewAdapter } from './deal-view-adapter';

describe('the deals page and a saved view', () => {
  it('keeps the filters in fen, leaving out the board or table mode and the paging', () => {
    const filters = dealViewAdapter.toFilters(new URLSearchParams('view=table&ownerId=3&amountMin=1200.5&overdue=true&sort=-amount&page=2'));
    expect(filters).toEqual({ ownerId: '3', amountMin: '120050', overdue: 'true' });
  });

  it('shows a view in yuan in the mode the user is in', () => {
    const params = dealViewAdapter.toParams({ ownerId: '3', amountMax: '5000000' }, new URLSearchParams('view=board&q=x'));
    expect(Object.fromEntries(params)).toEqual({ view: 'board', ownerId: '3', amountMax: '50000' });
  });
});
