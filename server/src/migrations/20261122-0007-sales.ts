import { sql, type Kysely } from 'kysely';
import type { Engine, Migration } from './migration.js';
import { withId, withMeta } from './builders.js';

/** Permissions added to the built-in roles that existed before this version. */
const addedPermissions: Record<string, string[]> = {
  administrator: [
    'leads.view', 'leads.create', 'leads.edit', 'leads.delete', 'leads.import', 'leads.assign', 'leads.claim', 'leads.convert',
    'opportunities.view', 'opportunities.create', 'opportunities.edit', 'opportunities.delete', 'opportunities.assign',
  ],
  sales_manager: [
    'leads.view', 'leads.create', 'leads.edit', 'leads.delete', 'leads.import', 'leads.assign', 'leads.claim', 'leads.convert',
    'opportunities.view', 'opportunities.create', 'opportunities.edit', 'opportunities.delete', 'opportunities.assign',
  ],
  salesperson: [
    'leads.view', 'leads.create', 'leads.edit', 'leads.delete', 'leads.claim', 'leads.convert',
    'opportunities.view', 'opportunities.create', 'opportunities.edit', 'opportunities.delete',
  ],
  service_agent: ['opportunities.view'],
  marketing: ['leads.view', 'leads.create', 'leads.edit', 'leads.import', 'leads.assign', 'opportunities.view'],
  read_only: ['leads.view', 'opportunities.view'],
};

/** The default pipeline: the seed's nine development steps, then the two closing states. */
const defaultStages: Array<[key: string, zh: string, en: string, probability: number, kind: 'open' | 'won' | 'lost']> = [
  ['explore', '探索客户', 'Explore', 5, 'open'],
  ['contact', '联系客户', 'Contact', 10, 'open'],
  ['prepare', '推销准备', 'Prepare', 15, 'open'],
  ['approach', '接近客户', 'Approach', 20, 'open'],
  ['needs', '了解需求', 'Understand needs', 30, 'open'],
  ['presentation', '销售陈述 (FAB)', 'Presentation (FAB)', 45, 'open'],
  ['objections', '克服异议', 'Handle objections', 60, 'open'],
  ['agreement', '达成协议', 'Agreement', 80, 'open'],
  ['after_care', '后期维护', 'After-care', 90, 'open'],
  ['won', '赢单', 'Won', 100, 'won'],
  ['lost', '输单', 'Lost', 0, 'lost'],
];

/**
 * Leads (线索) and the sales pipeline: leads with MAN qualification and their duplicate keys,
 * public web forms and their submissions, pipelines with stages, opportunities (商机) with their
 * contacts and stage history; and department managers, who hear about big deals.
 */
export const sales: Migration = {
  name: '20261122-0007-sales',
  async up(db: Kysely<unknown>, engine: Engine) {
    const id = withId(engine);
    const now = new Date().toISOString();

    await db.schema.alterTable('departments').addColumn('manager_id', 'integer').execute();

    await db.schema
      .createTable('leads')
      .$call(id)
      .addColumn('kind', 'varchar(20)', (c) => c.notNull())
      .addColumn('name', 'varchar(120)', (c) => c.notNull())
      .addColumn('company', 'varchar(120)')
      .addColumn('job_title', 'varchar(60)')
      .addColumn('gender', 'varchar(10)')
      .addColumn('age', 'integer')
      .addColumn('mobile', 'varchar(40)')
      .addColumn('phone', 'varchar(40)')
      .addColumn('email', 'varchar(200)')
      .addColumn('wechat', 'varchar(60)')
      .addColumn('province', 'varchar(30)')
      .addColumn('city', 'varchar(30)')
      .addColumn('district', 'varchar(30)')
      .addColumn('address', 'varchar(200)')
      .addColumn('industry', 'varchar(60)')
      .addColumn('occupation', 'varchar(60)')
      .addColumn('annual_income', 'bigint')
      .addColumn('source', 'varchar(40)', (c) => c.notNull())
      .addColumn('referrer_customer_id', 'integer')
      .addColumn('credit_standing', 'varchar(20)')
      .addColumn('notes', 'text')
      .addColumn('owner_id', 'integer')
      .addColumn('owner_since', 'varchar(40)')
      .addColumn('status', 'varchar(20)', (c) => c.notNull())
      .addColumn('disqualify_reason', 'varchar(500)')
      // MAN: null = not assessed yet, 0 = no, 1 = yes; grade like 'MAn', rank 1 (best) to 4.
      .addColumn('man_money', 'integer')
      .addColumn('man_authority', 'integer')
      .addColumn('man_need', 'integer')
      .addColumn('man_grade', 'varchar(3)')
      .addColumn('man_rank', 'integer')
      .addColumn('form_id', 'integer')
      .addColumn('converted_customer_id', 'integer')
      .addColumn('converted_contact_id', 'integer')
      .addColumn('converted_opportunity_id', 'integer')
      .addColumn('converted_at', 'varchar(40)')
      .addColumn('converted_by', 'integer')
      // Lower-cased name, company, phone digits and email, for substring search.
      .addColumn('search', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('deleted_at', 'varchar(40)')
      .addColumn('deleted_by', 'integer')
      .$call(withMeta)
      .execute();
    await db.schema.createIndex('leads_updated').on('leads').columns(['updated_at', 'id']).execute();
    await db.schema.createIndex('leads_owner').on('leads').columns(['owner_id', 'updated_at']).execute();
    await db.schema.createIndex('leads_status').on('leads').columns(['status', 'updated_at']).execute();
    await db.schema.createIndex('leads_rank').on('leads').columns(['man_rank', 'updated_at']).execute();
    await db.schema.createIndex('leads_customer').on('leads').column('converted_customer_id').execute();
    await db.schema.createIndex('leads_referrer').on('leads').column('referrer_customer_id').execute();

    // Normalised phone / email / organisation-name keys of leads, as dedupe_keys are for customers.
    await db.schema
      .createTable('lead_keys')
      .$call(id)
      .addColumn('lead_id', 'integer', (c) => c.notNull())
      .addColumn('key', 'varchar(300)', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('lead_keys_key').on('lead_keys').columns(['key', 'lead_id']).execute();
    await db.schema.createIndex('lead_keys_lead').on('lead_keys').column('lead_id').execute();

    await db.schema
      .createTable('lead_forms')
      .$call(id)
      // The public, unguessable part of the form's link.
      .addColumn('token', 'varchar(40)', (c) => c.notNull().unique())
      .addColumn('name', 'varchar(120)', (c) => c.notNull())
      .addColumn('title', 'varchar(200)')
      .addColumn('description', 'text')
      // JSON: [{ field, required, label? }]
      .addColumn('fields', 'text', (c) => c.notNull())
      .addColumn('thank_you', 'text', (c) => c.notNull())
      .addColumn('source', 'varchar(40)', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('submission_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('deleted_at', 'varchar(40)')
      .$call(withMeta)
      .execute();

    await db.schema
      .createTable('lead_form_submissions')
      .$call(id)
      .addColumn('form_id', 'integer', (c) => c.notNull())
      .addColumn('lead_id', 'integer')
      .addColumn('ip', 'varchar(60)', (c) => c.notNull())
      .addColumn('at', 'varchar(40)', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('lead_form_submissions_ip').on('lead_form_submissions').columns(['ip', 'at']).execute();
    await db.schema.createIndex('lead_form_submissions_form').on('lead_form_submissions').columns(['form_id', 'at']).execute();

    await db.schema
      .createTable('pipelines')
      .$call(id)
      .addColumn('name', 'varchar(80)', (c) => c.notNull())
      .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .$call(withMeta)
      .execute();

    await db.schema
      .createTable('pipeline_stages')
      .$call(id)
      .addColumn('pipeline_id', 'integer', (c) => c.notNull())
      // Built-in stages carry a key ('explore' ... 'won', 'lost'); stages an administrator adds do not.
      .addColumn('key', 'varchar(40)')
      .addColumn('name_zh', 'varchar(60)', (c) => c.notNull())
      .addColumn('name_en', 'varchar(60)', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('probability', 'integer', (c) => c.notNull())
      // 'open', 'won' or 'lost': exactly one won and one lost stage per pipeline.
      .addColumn('kind', 'varchar(10)', (c) => c.notNull())
      // Guidance shown on the stage, e.g. the FAB notes of the presentation step.
      .addColumn('guidance', 'text')
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema.createIndex('pipeline_stages_pipeline').on('pipeline_stages').columns(['pipeline_id', 'position']).execute();

    await db.schema
      .createTable('opportunities')
      .$call(id)
      .addColumn('name', 'varchar(120)', (c) => c.notNull())
      .addColumn('customer_id', 'integer', (c) => c.notNull())
      .addColumn('pipeline_id', 'integer', (c) => c.notNull())
      .addColumn('stage_id', 'integer', (c) => c.notNull())
      // 'open', 'won', 'lost': follows the kind of the stage.
      .addColumn('status', 'varchar(10)', (c) => c.notNull())
      .addColumn('owner_id', 'integer', (c) => c.notNull())
      .addColumn('amount', 'bigint', (c) => c.notNull())
      .addColumn('currency', 'varchar(3)', (c) => c.notNull())
      // The amount in the company's base currency at the rate of the day it was written: sums and forecasts use it.
      .addColumn('amount_base', 'bigint', (c) => c.notNull())
      .addColumn('probability', 'integer', (c) => c.notNull())
      .addColumn('expected_close_date', 'varchar(10)', (c) => c.notNull())
      // 'pipeline', 'best_case', 'commit', 'omitted': the owner's own forecast category.
      .addColumn('forecast_category', 'varchar(20)', (c) => c.notNull())
      // YYYY-MM the deal counts in: the expected close month while open, the month it closed after.
      .addColumn('forecast_month', 'varchar(7)', (c) => c.notNull())
      .addColumn('source', 'varchar(40)')
      .addColumn('lead_id', 'integer')
      .addColumn('competitors', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('next_step', 'varchar(500)')
      .addColumn('description', 'text')
      .addColumn('won_amount', 'bigint')
      // The final amount in the base currency at the rate of the day it was won: the forecast's "won".
      .addColumn('won_amount_base', 'bigint')
      .addColumn('lost_reason', 'varchar(60)')
      .addColumn('lost_note', 'varchar(500)')
      .addColumn('closed_on', 'varchar(10)')
      .addColumn('stage_entered_at', 'varchar(40)', (c) => c.notNull())
      .addColumn('search', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('deleted_at', 'varchar(40)')
      .addColumn('deleted_by', 'integer')
      .$call(withMeta)
      .execute();
    // Board cards: a stage's deals in close-date order (then id, as the board sorts them), with the
    // owner at hand to filter by scope or department without reading rows; covers the column
    // figures when a filter has them added up from the deals. deleted_at after the sort columns:
    // PostgreSQL walks the order only past equality conditions.
    await db.schema
      .createIndex('opportunities_board')
      .on('opportunities')
      .columns(['stage_id', 'expected_close_date', 'id', 'deleted_at', 'owner_id', 'amount_base', 'probability', 'pipeline_id'])
      .execute();
    // Some owners' deals (a department, a data scope): their forecast months, and the board's
    // column figures by stage, from the index alone.
    await db.schema
      .createIndex('opportunities_owner')
      .on('opportunities')
      .columns(['owner_id', 'forecast_month', 'status', 'forecast_category', 'deleted_at', 'pipeline_id', 'stage_id', 'amount_base', 'probability', 'won_amount_base'])
      .execute();
    // Forecast of everyone: by month and owner, grouped by status and category, covering the sums it adds up.
    await db.schema
      .createIndex('opportunities_forecast')
      .on('opportunities')
      .columns(['forecast_month', 'owner_id', 'status', 'forecast_category', 'deleted_at', 'pipeline_id', 'amount_base', 'probability', 'won_amount_base'])
      .execute();
    await db.schema.createIndex('opportunities_customer').on('opportunities').columns(['customer_id', 'updated_at']).execute();
    await db.schema.createIndex('opportunities_updated').on('opportunities').columns(['updated_at', 'id']).execute();
    // Open (or won, lost) deals of some owners, newest first, and their count; overdue ones by date.
    await db.schema
      .createIndex('opportunities_close')
      .on('opportunities')
      .columns(['status', 'owner_id', 'deleted_at', 'updated_at', 'expected_close_date'])
      .execute();

    // The board's column figures per stage and owner, kept by every write of a deal, so that a
    // board of a million deals adds up a few hundred rows. Rebuilt from the deals when deals
    // arrive by another path (a bulk load): `counters.opportunity_totals_seen` is the highest
    // deal id the figures have seen.
    await db.schema
      .createTable('opportunity_board_totals')
      .addColumn('stage_id', 'integer', (c) => c.notNull())
      .addColumn('owner_id', 'integer', (c) => c.notNull())
      .addColumn('pipeline_id', 'integer', (c) => c.notNull())
      .addColumn('n', 'integer', (c) => c.notNull())
      .addColumn('amount', 'bigint', (c) => c.notNull())
      // Sum of amount_base × probability (divide by 100 for the weighted amount).
      .addColumn('weighted', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('opportunity_board_totals_pk', ['stage_id', 'owner_id'])
      .execute();

    await db.schema
      .createTable('opportunity_contacts')
      .addColumn('opportunity_id', 'integer', (c) => c.notNull())
      .addColumn('contact_id', 'integer', (c) => c.notNull())
      // 'decision_maker', 'influencer', 'user', 'economic_buyer', 'technical_buyer', 'champion', 'other'
      .addColumn('role', 'varchar(30)', (c) => c.notNull())
      .addPrimaryKeyConstraint('opportunity_contacts_pk', ['opportunity_id', 'contact_id'])
      .execute();
    await db.schema.createIndex('opportunity_contacts_contact').on('opportunity_contacts').column('contact_id').execute();

    await db.schema
      .createTable('opportunity_stage_history')
      .$call(id)
      .addColumn('opportunity_id', 'integer', (c) => c.notNull())
      .addColumn('pipeline_id', 'integer', (c) => c.notNull())
      .addColumn('stage_id', 'integer', (c) => c.notNull())
      .addColumn('from_stage_id', 'integer')
      .addColumn('entered_at', 'varchar(40)', (c) => c.notNull())
      .addColumn('left_at', 'varchar(40)')
      .addColumn('entered_by', 'integer')
      .execute();
    await db.schema.createIndex('opportunity_stage_history_opportunity').on('opportunity_stage_history').columns(['opportunity_id', 'entered_at']).execute();
    await db.schema.createIndex('opportunity_stage_history_stage').on('opportunity_stage_history').columns(['pipeline_id', 'stage_id', 'entered_at']).execute();

    const inserted = await sql<{ id: number }>`insert into pipelines (name, is_default, position, active, version, created_at, updated_at) values (${'销售流程 Sales process'}, 1, 0, 1, 1, ${now}, ${now}) returning id`.execute(db);
    const pipelineId = inserted.rows[0]?.id;
    if (pipelineId === undefined) throw new Error('default pipeline not created');
    let position = 0;
    for (const [key, zh, en, probability, kind] of defaultStages) {
      await sql`insert into pipeline_stages (pipeline_id, key, name_zh, name_en, position, probability, kind, active) values (${pipelineId}, ${key}, ${zh}, ${en}, ${position}, ${probability}, ${kind}, 1)`.execute(db);
      position += 1;
    }

    const roles = await sql<{ id: number; key: string; permissions: string }>`select id, key, permissions from roles where built_in = 1`.execute(db);
    for (const role of roles.rows) {
      const extra = addedPermissions[role.key];
      if (!extra) continue;
      const merged = [...new Set([...(JSON.parse(role.permissions) as string[]), ...extra])];
      await sql`update roles set permissions = ${JSON.stringify(merged)} where id = ${role.id}`.execute(db);
    }
  },
};
