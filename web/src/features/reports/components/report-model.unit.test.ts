import type { WorkReport } from '@crm/contracts';
import { describe, expect, it } from 'vitest';
import { activeFilterCount, createReportPayload, parseReportFilters, reportFilterParams, reportListQuery, updateReportPayload } from './report-model';

describe('report list filters in the address', () => {
  it('reads what is valid and drops the rest', () => {
    expect(parseReportFilters(new URLSearchParams('tab=team&kind=weekly&authorId=7&from=2026-11-01&to=2026-11-30&page=3'))).toEqual({ tab: 'team', kind: 'weekly', authorId: 7, from: '2026-11-01', to: '2026-11-30', page: 3 });
    expect(parseReportFilters(new URLSearchParams('tab=all&kind=monthly&authorId=-1&from=yesterday&page=0'))).toEqual({ tab: 'mine', kind: null, authorId: null, from: null, to: null, page: 1 });
  });

  it('a filter change starts again at page 1; mine forgets the author; defaults stay out of the address', () => {
    const current = parseReportFilters(new URLSearchParams('tab=team&authorId=7&page=4'));
    expect(reportFilterParams(current, { kind: 'daily' }).toString()).toBe('tab=team&kind=daily&authorId=7');
    expect(reportFilterParams(current, { page: 5 }).toString()).toBe('tab=team&authorId=7&page=5');
    expect(reportFilterParams(current, { tab: 'mine' }).toString()).toBe('');
    expect(activeFilterCount(current)).toBe(1);
    expect(activeFilterCount(parseReportFilters(new URLSearchParams('kind=daily&to=2026-11-30')))).toBe(2);
  });

  it('mine asks for my reports; the team tab for the author chosen or everyone in scope', () => {
    expect(reportListQuery(parseReportFilters(new URLSearchParams('authorId=9')), 3)).toEqual({ page: 1, pageSize: 20, authorId: 3 });
    expect(reportListQuery(parseReportFilters(new URLSearchParams('tab=team&kind=weekly&from=2026-11-02')), 3)).toEqual({ page: 1, pageSize: 20, kind: 'weekly', from: '2026-11-02' });
  });
});

describe('report payloads', () => {
  it('a new report sends empty plan and problems as null', () => {
    expect(createReportPayload('daily', '2026-11-25', { summary: '跟进 3 家', plan: '  ', problems: '' })).toEqual({ kind: 'daily', date: '2026-11-25', summary: '跟进 3 家', plan: null, problems: null });
  });

  it('an edit sends only what changed, with the version read', () => {
    const report = { version: 4, summary: '总结', plan: null, problems: '缺样品' } as WorkReport;
    expect(updateReportPayload(report, { summary: '总结', plan: '明天拜访', problems: '缺样品' }, false)).toEqual({ version: 4, plan: '明天拜访' });
    expect(updateReportPayload(report, { summary: '总结', plan: '', problems: '' }, true)).toEqual({ version: 4, problems: null, refreshFigures: true });
  });
});
