import { buildApp } from './app.js';
import { bootstrap } from './bootstrap.js';
import { demoPassword, seedDemo } from './modules/demo/index.js';
import { loadConfig } from './platform/config.js';
import { createDatabase } from './platform/db/database.js';
import { migrate, MigrationError } from './platform/db/migrate.js';
import { poolRulesTask } from './modules/pool/index.js';
import { contractRenewalsTask } from './modules/contracts/index.js';
import { overdueNoticesTask } from './modules/receivables/index.js';
import { quoteExpiryTask } from './modules/quotes/index.js';
import { taskRemindersTask } from './modules/activities/index.js';
import { careRemindersTask } from './modules/reminders/index.js';
import { analyticsTask, fieldCountsTask, revenueTask } from './modules/analytics/index.js';
import { emailSenderTask } from './modules/email/index.js';
import { Scheduler } from './platform/scheduler.js';
import { searchReindexTask } from './platform/search-reindex.js';

/** Start-up only: configuration, database, migrations, first user, then listen. */
async function main(): Promise<void> {
  const config = loadConfig(process.env, process.argv.slice(2));
  const database = createDatabase(config);
  try {
    const applied = await migrate(database);
    if (applied.length > 0) console.log(`Database migrated (${database.engine}): ${applied.join(', ')}`);
  } catch (error) {
    if (error instanceof MigrationError) {
      console.error(`Cannot start: ${error.message}`);
      await database.close();
      process.exit(1);
    }
    throw error;
  }
  const { app, ctx } = await buildApp({ config, database, logger: { level: config.logLevel }, importWorkerThread: true });
  await bootstrap(ctx, (line) => console.log(line));
  if (config.demo) {
    const created = await seedDemo(ctx);
    if (created) console.log(`Demo company created: ${created.users} users, ${created.customers} customers, ${created.contacts} contacts, ${created.leads} leads, ${created.opportunities} opportunities (password for every demo user: ${demoPassword}).`);
  }
  // Periodic tasks of this server (not started by tests, which run them directly).
  const scheduler = new Scheduler(ctx.db, ctx.clock, (task, error) => app.log.error({ err: error, task }, 'scheduled task failed'));
  scheduler.add(poolRulesTask(ctx, Number(process.env.CRM_POOL_RULES_MINUTES ?? 60) || 60));
  scheduler.add(contractRenewalsTask(ctx, Number(process.env.CRM_CONTRACT_RENEWALS_MINUTES ?? 60) || 60));
  scheduler.add(quoteExpiryTask(ctx, Number(process.env.CRM_QUOTE_EXPIRY_MINUTES ?? 60) || 60));
  scheduler.add(overdueNoticesTask(ctx, Number(process.env.CRM_OVERDUE_NOTICES_MINUTES ?? 60) || 60));
  scheduler.add(taskRemindersTask(ctx, Number(process.env.CRM_TASK_REMINDERS_MINUTES ?? 1) || 1));
  scheduler.add(careRemindersTask(ctx, Number(process.env.CRM_CARE_REMINDERS_MINUTES ?? 60) || 60));
  scheduler.add(analyticsTask(ctx, Number(process.env.CRM_ANALYTICS_HOURS ?? 24) || 24));
  scheduler.add(emailSenderTask(ctx, Number(process.env.CRM_EMAIL_SEND_SECONDS ?? 15) || 15));
  scheduler.add(searchReindexTask(ctx));
  scheduler.add(fieldCountsTask(ctx));
  scheduler.add(revenueTask(ctx));
  app.addHook('onClose', async () => scheduler.stop());
  scheduler.start();
  const shutdown = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  await app.listen({ port: config.port, host: config.host });
  console.log(`CRM is running on ${config.publicUrl ?? `http://localhost:${config.port}`} (database: ${database.engine}${database.engine === 'sqlite' ? `, ${config.dataDir}` : ''})`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
