import { parseDealParams, toDealSearchParams } from './deal-params';

/** The stage conversion report's filters, as the funnel asks for them. */
export interface StageDrillFilters {
  /** The pipeline the report shows (the server's answer, so the default pipeline is named too). */
  pipelineId: number;
  ownerId?: number;
  departmentId?: number;
  /** The report's period: when deals entered the stage. */
  from?: string;
  to?: string;
}

/**
 * The deals list behind one stage of the funnel: the table of the deals now in that stage, with
 * the report's pipeline, owner and department. The period is left out on purpose: the list knows
 * no "entered this stage between" filter, and its close-date range means something else (the
 * link's title says so).
 */
export function stageDrillHref(filters: StageDrillFilters, stageId: number): string {
  const params = toDealSearchParams({
    ...parseDealParams(new URLSearchParams()),
    view: 'table',
    pipelineId: filters.pipelineId,
    stageId,
    ownerId: filters.ownerId,
    departmentId: filters.departmentId,
  });
  return `/opportunities?${params.toString()}`;
}
