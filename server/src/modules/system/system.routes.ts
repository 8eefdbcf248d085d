import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import type { Router } from '../../platform/http/route.js';
import type { OpenApiRegistry } from '../../platform/http/openapi.js';

export const appVersion = '0.1.0';

const health = z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']), version: z.string() });

export function systemRoutes(r: Router, ctx: AppContext, registry: OpenApiRegistry): void {
  r.publicRoute({ method: 'GET', url: '/health', summary: 'Liveness and database engine', tag: 'system', response: health,
    handler: async () => {
      await ctx.db.selectFrom('schema_migrations').select('name').limit(1).execute();
      return { status: 'ok' as const, database: ctx.engine, version: appVersion };
    } });
  r.publicRoute({ method: 'GET', url: '/openapi.json', summary: 'This document', tag: 'system',
    handler: async () => registry.document(appVersion) });
}
