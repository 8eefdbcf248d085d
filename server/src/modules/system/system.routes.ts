import { companySettings, companySettingsUpdate } from '@crm/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import type { Router } from '../../platform/http/route.js';
import type { OpenApiRegistry } from '../../platform/http/openapi.js';
import * as company from './company.service.js';

export const appVersion = '0.1.0';

const health = z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']), version: z.string() });
// The document's own shape is OpenAPI's; only its outline is declared here.
const openApiDocument = z.looseObject({ openapi: z.string(), info: z.looseObject({ title: z.string(), version: z.string() }), paths: z.record(z.string(), z.unknown()) });

export function systemRoutes(r: Router, ctx: AppContext, registry: OpenApiRegistry): void {
  r.publicRoute({ method: 'GET', url: '/health', summary: 'Liveness and database engine', tag: 'system', response: health,
    handler: async () => {
      await ctx.db.selectFrom('schema_migrations').select('name').limit(1).execute();
      return { status: 'ok' as const, database: ctx.engine, version: appVersion };
    } });
  r.publicRoute({ method: 'GET', url: '/openapi.json', summary: 'This document', tag: 'system', response: openApiDocument,
    handler: async () => registry.document(appVersion) });
  r.route({ method: 'GET', url: '/settings/company', access: 'signedIn', summary: 'Company settings: the time zone of exported times and of "today" (any signed-in user reads them)', tag: 'settings', response: companySettings,
    handler: ({ actor }) => company.getCompanySettings(ctx, actor) });
  r.route({ method: 'PUT', url: '/settings/company', access: 'settings.edit', summary: 'Change the company settings; 409 with the current ones when your version is stale (settings.edit)', tag: 'settings', body: companySettingsUpdate, response: companySettings,
    handler: ({ actor, body }) => company.updateCompanySettings(ctx, actor, body) });
}
