import { describe, expect, it } from 'vitest';
import { parseDealParams, sharedFilters, toListQuery } from './deal-params';
import { stageDrillHref } from './stage-drill';

/** What the deals page reads from the link. */
function opened(href: string) {
  const [path, query = ''] = href.split('?');
  return { path, params: new URLSearchParams(query), view: parseDealParams(new URLSearchParams(query)) };
}

describe('stageDrillHref', () => {
  it('opens the deals table with the pipeline, the stage, the owner and the department of the report', () => {
    const { path, view } = opened(stageDrillHref({ pipelineId: 3, ownerId: 7, departmentId: 4, from: '2026-01-01', to: '2026-06-30' }, 12));
    expect(path).toBe('/opportunities');
    expect(view).toMatchObject({ view: 'table', pipelineId: 3, stageId: 12, ownerId: 7, departmentId: 4, page: 1 });
    // And the list asks the API for exactly these.
    expect(toListQuery(view)).toEqual({ pipelineId: 3, stageId: 12, ownerId: 7, departmentId: 4, sort: '-updatedAt', page: 1, pageSize: 20 });
  });

  it('each filter the report has reaches the list', () => {
    const base = { pipelineId: 3, ownerId: 7, departmentId: 4 };
    expect(opened(stageDrillHref(base, 12)).view.pipelineId).toBe(3);
    expect(opened(stageDrillHref({ ...base, pipelineId: 9 }, 12)).view.pipelineId).toBe(9);
    expect(opened(stageDrillHref(base, 12)).view.stageId).toBe(12);
    expect(opened(stageDrillHref(base, 5)).view.stageId).toBe(5);
    expect(opened(stageDrillHref(base, 12)).view.ownerId).toBe(7);
    expect(opened(stageDrillHref(base, 12)).view.departmentId).toBe(4);
  });

  it('leaves absent filters out', () => {
    const { params } = opened(stageDrillHref({ pipelineId: 1 }, 2));
    expect(params.toString()).toBe('view=table&pipelineId=1&stageId=2');
  });

  it('does not turn the period (stage entry dates) into the close-date filter, which means something else', () => {
    const { params, view } = opened(stageDrillHref({ pipelineId: 1, from: '2026-01-01', to: '2026-03-31' }, 2));
    expect(view.closeFrom).toBeUndefined();
    expect(view.closeTo).toBeUndefined();
    expect([...params.keys()].sort()).toEqual(['pipelineId', 'stageId', 'view']);
  });
});

describe('the stage filter of the deals page', () => {
  it('is read, written, sent to the board and the table, and counts as a filter', () => {
    const view = parseDealParams(new URLSearchParams('pipelineId=2&stageId=8'));
    expect(view.stageId).toBe(8);
    expect(sharedFilters(view)).toEqual({ pipelineId: 2, stageId: 8 });
    expect(parseDealParams(new URLSearchParams('stageId=0')).stageId).toBeUndefined();
  });
});
