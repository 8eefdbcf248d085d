import { describe, expect, it } from 'vitest';
import { dsoText, parseReceivablesView, receivablesSearch } from './receivables-params';

describe('receivables page address', () => {
  it('reads the defaults from an empty address and writes nothing back', () => {
    const view = parseReceivablesView(new URLSearchParams());
    expect(view).toEqual({ tab: 'aging', groupBy: 'customer', due: 'overdue', page: 1, pageSize: 50 });
    expect(receivablesSearch(view).toString()).toBe('');
  });

  it('keeps a view through the address and drops what is malformed', () => {
    const params = new URLSearchParams('tab=payments&from=2026-01-01&to=2026-03-31&page=2&groupBy=owner');
    const view = parseReceivablesView(params);
    expect(view).toEqual({ tab: 'payments', groupBy: 'owner', due: 'overdue', from: '2026-01-01', to: '2026-03-31', page: 2, pageSize: 20 });
    expect(parseReceivablesView(receivablesSearch(view))).toEqual(view);
    expect(parseReceivablesView(new URLSearchParams('tab=x&groupBy=team&from=1.1.2026&page=-3&pageSize=999'))).toEqual({ tab: 'aging', groupBy: 'customer', due: 'overdue', page: 1, pageSize: 50 });
  });

  it("keeps the payments' owner (the targets report's link) and drops a malformed one", () => {
    const view = parseReceivablesView(new URLSearchParams('tab=payments&from=2026-04-01&to=2026-06-30&ownerId=42'));
    expect(view).toMatchObject({ tab: 'payments', from: '2026-04-01', to: '2026-06-30', ownerId: 42 });
    expect(receivablesSearch(view).get('ownerId')).toBe('42');
    expect(receivablesSearch({ ...view, ownerId: undefined }).has('ownerId')).toBe(false);
    for (const bad of ['0', '-1', 'x', '1.5']) expect(parseReceivablesView(new URLSearchParams(`ownerId=${bad}`)).ownerId).toBeUndefined();
  });
});

describe('DSO as shown', () => {
  it('rounds to one decimal below 100 days and to whole days above; none without sales', () => {
    expect(dsoText(45)).toBe('45');
    expect(dsoText(12.345)).toBe('12.3');
    expect(dsoText(182.6)).toBe('183');
    expect(dsoText(null)).toBeNull();
  });
});
