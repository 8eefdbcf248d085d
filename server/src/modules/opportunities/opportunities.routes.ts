import {
  forecast,
  forecastQuery,
  idParams,
  opportunity,
  opportunityBoard,
  opportunityBoardQuery,
  opportunityCreate,
  opportunityList,
  opportunityListQuery,
  opportunityMove,
  opportunityTransfer,
  opportunityUpdate,
  pipeline,
  pipelineCreate,
  pipelineList,
  pipelineUpdate,
  salesSettingsState,
  salesSettingsUpdate,
  stageHistory,
  stageStats,
  stageStatsExportQuery,
  stageStatsQuery,
  transferResult,
} from '@crm/contracts';
import type { AppContext } from '../../platform/context.js';
import type { Router } from '../../platform/http/route.js';
import { getBoard, getForecast } from './opportunities.reports.js';
import * as service from './opportunities.service.js';
import * as pipelines from './pipelines.service.js';
import { getSalesSettings, updateSalesSettings } from './sales-settings.js';
import { exportStageStats } from './stage-stats.export.js';
import { getStageStats } from './stage-stats.js';

export function opportunityRoutes(r: Router, ctx: AppContext): void {
  const tag = 'opportunities';
  r.route({ method: 'GET', url: '/opportunities', access: 'opportunities.view', summary: 'List, filter and search deals within your data scope', tag, query: opportunityListQuery, response: opportunityList,
    handler: ({ actor, query }) => service.listOpportunities(ctx, actor, query) });
  r.route({ method: 'POST', url: '/opportunities', access: 'opportunities.create', summary: 'Create a deal (default pipeline and its first stage, you as owner)', tag, body: opportunityCreate, response: opportunity,
    handler: ({ actor, body }) => service.createOpportunity(ctx, actor, body) });
  r.route({ method: 'GET', url: '/opportunities/board', access: 'opportunities.view', summary: 'Kanban board: per active stage the count, sums and first cards', tag, query: opportunityBoardQuery, response: opportunityBoard,
    handler: ({ actor, query }) => getBoard(ctx, actor, query) });
  r.route({ method: 'GET', url: '/opportunities/stage-stats', access: 'opportunities.view', summary: 'Conversion between stages and time in stage, from the stage history of the deals in your data scope', tag, query: stageStatsQuery, response: stageStats, handler: ({ actor, query }) => getStageStats(ctx, actor, query) });
  // Before /opportunities/:id (declared below), as the other fixed paths.
  r.route({ method: 'GET', url: '/opportunities/stage-stats/export', access: 'opportunities.view', summary: 'Download the stage conversion report as .xlsx or CSV (one row per stage in pipeline order); same filters and data scope as the report', tag, query: stageStatsExportQuery, download: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv'],
    handler: ({ actor, query, locale, reply }) => exportStageStats(ctx, actor, query, locale, reply) });
  r.route({ method: 'POST', url: '/opportunities/transfer', access: 'opportunities.assign', summary: 'Give deals (1-500) to one user, all or none; the new owner is notified', tag, body: opportunityTransfer, response: transferResult, status: 200,
    handler: ({ actor, body }) => service.transferOpportunities(ctx, actor, body) });
  r.route({ method: 'GET', url: '/opportunities/:id', access: 'opportunities.view', summary: 'Get a deal with its contacts and their roles', tag, params: idParams, response: opportunity,
    handler: ({ actor, params }) => service.getOpportunity(ctx, actor, params.id) });
  r.route({ method: 'PATCH', url: '/opportunities/:id', access: 'opportunities.edit', summary: 'Change a deal (a stage change acts as a move); 409 with the current record when your version is stale', tag, params: idParams, body: opportunityUpdate, response: opportunity,
    handler: ({ actor, params, body }) => service.updateOpportunity(ctx, actor, params.id, body) });
  r.route({ method: 'DELETE', url: '/opportunities/:id', access: 'opportunities.delete', summary: 'Move a deal to the recycle bin', tag, params: idParams, status: 204,
    handler: ({ actor, params }) => service.deleteOpportunity(ctx, actor, params.id) });
  r.route({ method: 'POST', url: '/opportunities/:id/move', access: 'opportunities.edit', summary: 'Move a deal to another stage (won needs wonAmount, lost needs lostReason); 409 when stale', tag, params: idParams, body: opportunityMove, response: opportunity, status: 200,
    handler: ({ actor, params, body }) => service.moveOpportunity(ctx, actor, params.id, body) });
  r.route({ method: 'GET', url: '/opportunities/:id/stage-history', access: 'opportunities.view', summary: 'When the deal entered and left each stage, and the hours it spent there', tag, params: idParams, response: stageHistory,
    handler: ({ actor, params }) => service.getStageHistory(ctx, actor, params.id) });
  r.route({ method: 'GET', url: '/forecast', access: 'opportunities.view', summary: 'Sales forecast per month and owner or department (at most 24 months)', tag, query: forecastQuery, response: forecast,
    handler: ({ actor, query }) => getForecast(ctx, actor, query) });

  const settings = 'settings';
  r.route({ method: 'GET', url: '/pipelines', access: { anyOf: ['opportunities.view', 'settings.view'] }, summary: 'Pipelines and their stages', tag: settings, response: pipelineList,
    handler: ({ actor }) => pipelines.listPipelines(ctx, actor) });
  r.route({ method: 'POST', url: '/pipelines', access: 'settings.edit', summary: 'Create a pipeline (exactly one won and one lost stage)', tag: settings, body: pipelineCreate, response: pipeline,
    handler: ({ actor, body }) => pipelines.createPipeline(ctx, actor, body) });
  r.route({ method: 'PATCH', url: '/pipelines/:id', access: 'settings.edit', summary: 'Change a pipeline and its stages; a stage left out is deactivated; 409 when stale', tag: settings, params: idParams, body: pipelineUpdate, response: pipeline,
    handler: ({ actor, params, body }) => pipelines.updatePipeline(ctx, actor, params.id, body) });
  r.route({ method: 'GET', url: '/settings/sales', access: 'signedIn', summary: 'Sales settings: lost reasons, big-deal amount, currencies (any signed-in user reads them)', tag: settings, response: salesSettingsState,
    handler: ({ actor }) => getSalesSettings(ctx, actor) });
  r.route({ method: 'PUT', url: '/settings/sales', access: 'settings.edit', summary: 'Change the sales settings; 409 with the current settings when your version is stale', tag: settings, body: salesSettingsUpdate, response: salesSettingsState,
    handler: ({ actor, body }) => updateSalesSettings(ctx, actor, body) });
}
