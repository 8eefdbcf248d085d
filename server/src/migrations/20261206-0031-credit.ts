import type { Kysely } from 'kysely';
import { withId } from './builders.js';
import type { Engine, Migration } from './migration.js';

/**
 * Credit rating (issue 14): credit_assessments keeps every 6C assessment of a customer, the
 * current one being its highest version. `version` is the assessment's optimistic version; the
 * unique (customer_id, version) index refuses a second save from the same version. `evidence` is
 * the entered figures and `result` the scores with their inputs, the weights, thresholds and
 * policy used (JSON text), so that an old assessment still reads as it was made.
 */
export const credit: Migration = {
  name: '20261206-0031-credit',
  async up(db: Kysely<unknown>, engine: Engine) {
    await db.schema
      .createTable('credit_assessments')
      .$call(withId(engine))
      .addColumn('customer_id', 'integer', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('rating', 'varchar(1)', (c) => c.notNull())
      .addColumn('total_score', 'integer', (c) => c.notNull())
      .addColumn('evidence', 'text', (c) => c.notNull())
      .addColumn('result', 'text', (c) => c.notNull())
      .addColumn('assessed_at', 'varchar(40)', (c) => c.notNull())
      .addColumn('assessed_by', 'integer')
      .execute();
    await db.schema.createIndex('credit_assessments_customer_version').on('credit_assessments').columns(['customer_id', 'version']).unique().execute();
  },
};
