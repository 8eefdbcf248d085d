import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { Throttle } from './platform/auth/throttle.js';
import { systemClock, type Clock } from './platform/clock.js';
import type { Config } from './platform/config.js';
import type { AppContext } from './platform/context.js';
import { onCustomerEvent } from './platform/customer-events.js';
import type { Database } from './platform/db/database.js';
import { OpenApiRegistry } from './platform/http/openapi.js';
import { installHttpRules } from './platform/http/hooks.js';
import { createRouter } from './platform/http/route.js';
import { registerSearchReindexer } from './platform/search-reindex.js';
import { installSecurityHeaders } from './platform/http/security-headers.js';
import { createStorage } from './platform/storage/index.js';
import { serveWebApp } from './platform/http/web-app.js';
import { approvalRoutes, registerApprovalRecordType, setCreditExposure } from './modules/approvals/index.js';
import { attachmentRoutes } from './modules/attachments/index.js';
import { authRoutes, sessionCookie } from './modules/auth/index.js';
import { calendarRoutes } from './modules/calendar/index.js';
import { contactRoutes, contactSearchReindexer } from './modules/contacts/index.js';
import { contractApprovals, contractRoutes, contractsFollowCustomer, onContractsPurged } from './modules/contracts/index.js';
import { activitiesFollowCustomer, activityRoutes } from './modules/activities/index.js';
import { openReceivablesOf, receivableRoutes, receivablesFollowContracts, receivablesFollowCustomer } from './modules/receivables/index.js';
import { customFieldRoutes } from './modules/custom-fields/index.js';
import { customerRoutes, customerSearchReindexer, setPoolDueCondition } from './modules/customers/index.js';
import { departmentRoutes } from './modules/departments/index.js';
import { duplicateRoutes } from './modules/duplicates/index.js';
import { emailRoutes } from './modules/email/index.js';
import { exportRoutes, loggedRows } from './modules/exports/index.js';
import { contentDisposition, contentTypes, importRoutes, runImportWorker, tableStream } from './modules/imports/index.js';
import { leadFormRoutes } from './modules/lead-forms/index.js';
import { leadRoutes, leadSearchReindexer, leadsFollowCustomer } from './modules/leads/index.js';
import { notificationRoutes } from './modules/notifications/index.js';
import { dealSearchReindexer, dealsFollowCustomer, opportunityRoutes, setStageStatsFile } from './modules/opportunities/index.js';
import { poolDueCondition, poolFollowsCustomer, poolRoutes } from './modules/pool/index.js';
import { listViewRoutes } from './modules/list-views/index.js';
import { productRoutes } from './modules/products/index.js';
import { qualityRoutes } from './modules/quality/index.js';
import { targetRoutes } from './modules/targets/index.js';
import { analyticsFollowsCustomer, analyticsRoutes, runAnalyticsOnThread } from './modules/analytics/index.js';
import { creditFollowsCustomer, creditRoutes } from './modules/credit/index.js';
import { purchasesFollowCustomer } from './modules/purchases/index.js';
import { quoteApprovals, quoteRoutes, quotesFollowCustomer } from './modules/quotes/index.js';
import { recycleBinRoutes } from './modules/recycle-bin/index.js';
import { reportRoutes } from './modules/reports/index.js';
import { reminderRoutes, remindersFollowCustomer } from './modules/reminders/index.js';
import { roleRoutes } from './modules/roles/index.js';
import { systemRoutes } from './modules/system/index.js';
import { actorOfSession, userRoutes } from './modules/users/index.js';
import { workbenchRoutes } from './modules/workbench/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const defaultWebDist = path.resolve(here, '../../web/dist');

export interface BuildOptions {
  config: Config;
  database: Database;
  clock?: Clock;
  logger?: boolean | { level: string };
  /** The real server runs imports (and, on SQLite, analytics runs) on worker threads; tests run them in-process. */
  importWorkerThread?: boolean;
  /** Tests: check every JSON answer against its route's response schema (a mismatch is a 500). */
  checkResponses?: boolean;
}

/** Build the HTTP application (tests build it too, with their own database and clock). */
export async function buildApp({ config, database, clock = systemClock, logger = false, importWorkerThread = false, checkResponses = false }: BuildOptions): Promise<{ app: FastifyInstance; ctx: AppContext; registry: OpenApiRegistry }> {
  // Records under a customer follow it through delete, restore and merge (customers cannot import
  // the modules that import it): deals, then leads, in this order.
  onCustomerEvent('opportunities', dealsFollowCustomer);
  onCustomerEvent('leads', leadsFollowCustomer);
  onCustomerEvent('quotes', quotesFollowCustomer);
  onCustomerEvent('contracts', contractsFollowCustomer);
  onCustomerEvent('receivables', receivablesFollowCustomer);
  onCustomerEvent('activities', activitiesFollowCustomer);
  onCustomerEvent('credit', creditFollowsCustomer);
  onCustomerEvent('analytics', analyticsFollowsCustomer);
  onCustomerEvent('purchases', purchasesFollowCustomer);
  onCustomerEvent('pool', poolFollowsCustomer);
  onCustomerEvent('reminders', remindersFollowCustomer);
  onContractsPurged('receivables', receivablesFollowContracts);
  // Kinds of record that can need approval: each module hands its definition to the approvals registry.
  registerApprovalRecordType('quote', quoteApprovals);
  registerApprovalRecordType('contract', contractApprovals);
  setCreditExposure(openReceivablesOf);
  // The customer list's "returns to the pool soon" filter follows the pool rules (customers cannot import the pool module).
  setPoolDueCondition(poolDueCondition);
  // The stage conversion export writes its file and logs it as the dashboards' sheets do (opportunities cannot import imports or exports).
  setStageStatsFile({ tableStream, contentDisposition, contentTypes, loggedRows });
  // Search keys written before pinyin (or the next change of the search documents), rewritten in the background.
  for (const reindexer of [customerSearchReindexer, contactSearchReindexer, leadSearchReindexer, dealSearchReindexer]) registerSearchReindexer(reindexer);
  const ctx: AppContext = { db: database.db, engine: database.engine, clock, config, throttle: new Throttle(database.db, clock), storage: await createStorage(config) };
  const app = Fastify({ logger, bodyLimit: 1024 * 1024, trustProxy: config.trustProxy, forceCloseConnections: true });
  installHttpRules(app, { trustedOrigins: config.trustedOrigins });
  await installSecurityHeaders(app, { https: config.secureCookies });
  await app.register(cookie);

  app.addHook('preHandler', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[sessionCookie];
    if (token) request.actor = await actorOfSession(ctx, token, request.locale);
  });

  const registry = new OpenApiRegistry();
  const router = createRouter(app, registry, '/api/v1', { checkResponses });
  systemRoutes(router, ctx, registry);
  authRoutes(router, ctx);
  userRoutes(router, ctx);
  departmentRoutes(router, ctx);
  roleRoutes(router, ctx);
  customerRoutes(router, ctx);
  contactRoutes(router, ctx);
  recycleBinRoutes(router, ctx);
  notificationRoutes(router, ctx);
  customFieldRoutes(router, ctx);
  attachmentRoutes(router, ctx);
  duplicateRoutes(router, ctx);
  qualityRoutes(router, ctx);
  poolRoutes(router, ctx);
  importRoutes(router, ctx);
  exportRoutes(router, ctx);
  leadRoutes(router, ctx);
  leadFormRoutes(router, ctx);
  opportunityRoutes(router, ctx);
  productRoutes(router, ctx);
  quoteRoutes(router, ctx);
  targetRoutes(router, ctx);
  analyticsRoutes(router, ctx);
  creditRoutes(router, ctx);
  contractRoutes(router, ctx);
  receivableRoutes(router, ctx);
  activityRoutes(router, ctx);
  reminderRoutes(router, ctx);
  calendarRoutes(router, ctx);
  approvalRoutes(router, ctx);
  reportRoutes(router, ctx);
  listViewRoutes(router, ctx);
  emailRoutes(router, ctx);
  workbenchRoutes(router, ctx);
  runImportWorker(app, ctx, { thread: importWorkerThread });
  if (importWorkerThread) runAnalyticsOnThread(ctx);

  const swaggerDir = path.dirname(fileURLToPath(import.meta.resolve('swagger-ui-dist/package.json')));
  await app.register(fastifyStatic, { root: swaggerDir, prefix: '/api/docs/assets/', decorateReply: false });
  app.get('/api/docs', async (_request, reply) => reply.type('text/html').send(docsPage));
  // A file, not an inline script: the Content-Security-Policy allows scripts from this server only.
  app.get('/api/docs/start.js', async (_request, reply) => reply.type('text/javascript').send(docsScript));

  await serveWebApp(app, config.webDist ?? defaultWebDist);
  return { app, ctx, registry };
}

const docsPage = `<!doctype html><html><head><meta charset="utf-8"><title>CRM API</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head><body><div id="ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/start.js"></script></body></html>`;
const docsScript = `window.ui = SwaggerUIBundle({ url: '/api/v1/openapi.json', dom_id: '#ui' });`;
