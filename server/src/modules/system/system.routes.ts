import { companyLogoDeleteQuery, companyLogoQuery, companyLogoUpload, companySettings, companySettingsUpdate } from '@crm/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import type { Router } from '../../platform/http/route.js';
import type { OpenApiRegistry } from '../../platform/http/openapi.js';
import * as logo from './company-logo.service.js';
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
  r.route({ method: 'GET', url: '/settings/company/logo', access: 'signedIn', summary: 'The company logo (PNG or JPEG) with its entity tag; 404 when there is none (any signed-in user)', tag: 'settings', query: companyLogoQuery, download: ['image/png', 'image/jpeg'],
    handler: ({ actor, request, reply }) => logo.sendCompanyLogo(ctx, actor, request.headers['if-none-match'], reply) });
  r.route({ method: 'PUT', url: '/settings/company/logo', access: 'settings.edit', summary: 'Upload or replace the company logo: a PNG or JPEG as base64, at most 256 KB and 2000 × 2000 pixels, with the company settings\' version (409 when stale); answers the settings (settings.edit)', tag: 'settings', body: companyLogoUpload, response: companySettings,
    handler: ({ actor, body }) => logo.uploadCompanyLogo(ctx, actor, body) });
  r.route({ method: 'DELETE', url: '/settings/company/logo', access: 'settings.edit', summary: 'Remove the company logo, with the company settings\' version in the query (409 when stale, 404 when there is none) (settings.edit)', tag: 'settings', query: companyLogoDeleteQuery, status: 204,
    handler: ({ actor, query }) => logo.removeCompanyLogo(ctx, actor, query.version) });
}
