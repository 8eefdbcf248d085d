import type { DB } from './schema.js';

/**
 * Which module owns each table (server/src/modules/<module>/, or `platform`): only the owner's
 * files name the table in SQL, so that one module keeps each table's rules (derived columns,
 * counters, history) and the others ask it through its index.ts. Checked by
 * server/src/test/table-owners.unit.test.ts; `Record<keyof DB, ...>` makes a new table without an
 * owner a type error.
 */
export const tableOwners: Record<keyof DB, string> = {
  schema_migrations: 'platform',
  settings: 'platform',
  leases: 'platform',
  throttles: 'platform',
  // Named counters: each module keeps its own rows (live_customers, leads, board totals...).
  counters: 'platform',
  users: 'users',
  sessions: 'users',
  roles: 'roles',
  departments: 'departments',
  customers: 'customers',
  dedupe_keys: 'customers',
  // Written by platform/search.ts, the index engine, for the customers module only.
  customer_search: 'customers',
  contacts: 'contacts',
  customer_merges: 'duplicates',
  pool_releases: 'pool',
  pool_warnings: 'pool',
  change_log: 'history',
  notifications: 'notifications',
  custom_fields: 'custom-fields',
  attachments: 'attachments',
  import_jobs: 'imports',
  import_results: 'imports',
  export_log: 'exports',
  leads: 'leads',
  lead_keys: 'leads',
  lead_forms: 'lead-forms',
  lead_form_submissions: 'lead-forms',
  pipelines: 'opportunities',
  pipeline_stages: 'opportunities',
  opportunities: 'opportunities',
  opportunity_board_totals: 'opportunities',
  opportunity_contacts: 'opportunities',
  opportunity_stage_history: 'opportunities',
  product_categories: 'products',
  products: 'products',
  price_lists: 'products',
  price_list_items: 'products',
  quotes: 'quotes',
  quote_lines: 'quotes',
  quote_revisions: 'quotes',
  sales_targets: 'targets',
  contracts: 'contracts',
  contract_lines: 'contracts',
  contract_contacts: 'contracts',
  payment_plans: 'receivables',
  payments: 'receivables',
  invoices: 'receivables',
  follow_ups: 'activities',
  follow_up_contacts: 'activities',
  tasks: 'activities',
  care_reminders: 'reminders',
  calendar_feeds: 'calendar',
  approval_flows: 'approvals',
  approval_requests: 'approvals',
  approval_steps: 'approvals',
  list_views: 'list-views',
  list_view_defaults: 'list-views',
  work_reports: 'reports',
  work_report_comments: 'reports',
  work_report_reads: 'reports',
  email_outbox: 'email',
  notification_preferences: 'notifications',
  analytics_runs: 'analytics',
  analytics_results: 'analytics',
  analytics_winbacks: 'analytics',
  analytics_keeps: 'analytics',
  analytics_rollups: 'analytics',
  // Written by a trigger on customers (migration 0039) whichever module changes an owner or deletes.
  analytics_customer_moves: 'analytics',
  // Written by triggers on customers (migration 0040); the composition dashboard reads and folds them.
  customer_field_counts: 'analytics',
  customer_field_deltas: 'analytics',
  revenue_months: 'analytics',
  revenue_rollup: 'analytics',
  revenue_dirty: 'analytics',
  // Imported purchases (imports writes them through the purchases module); analytics reads them.
  purchase_history: 'purchases',
  credit_assessments: 'credit',
};

/** Tables any module may use, each through its own named rows. */
export const sharedTables: ReadonlyArray<keyof DB> = ['counters'];

/**
 * Read-only joins into other modules' tables, where a join in one query is what the feature
 * needs (a list sorted or filtered by the joined columns, one statement instead of one per row).
 * Writes are never allowed here: they go through the owner's exported functions.
 */
export const crossModuleReads: Record<string, { reads: Array<keyof DB>; why: string }> = {
  customers: { reads: ['contacts'], why: "a customer's contact count, search words and duplicate keys derive from its live contacts (refreshCustomers)" },
  contacts: { reads: ['customers'], why: "contacts are seen through their customer: lists apply the customer's scope and liveness in the join" },
  opportunities: { reads: ['customers', 'contacts', 'users', 'departments'], why: "the board and lists filter and sort by customer name, name deal contacts, and total by owners' departments" },
  products: { reads: ['quote_lines', 'contract_lines'], why: 'a product a quote or contract names is kept (deactivated instead of deleted)' },
  quotes: { reads: ['customers', 'opportunities'], why: 'quote lists show and search by their customer and deal names in one query' },
  contracts: { reads: ['customers', 'opportunities', 'quotes', 'contacts'], why: 'contract lists show and search by their customer, deal and quote names in one query, and name their contacts' },
  receivables: { reads: ['contracts', 'customers'], why: 'aging and the receivables lists group, scope and name instalments and payments by their contracts and customers in one query' },
  activities: { reads: ['customers', 'contacts', 'opportunities', 'contracts'], why: 'follow-up and task lists name their customers, contacts, deals and contracts in one query' },
  reminders: { reads: ['customers', 'contacts', 'contracts'], why: 'care reminders are found in the archive by date (birthdays in person profiles and contacts, contract end and signing dates), one query per kind and day' },
  quality: { reads: ['customers', 'contacts', 'leads'], why: 'the unreadable-phones report pages through the numbers of three kinds of record in one order' },
  duplicates: { reads: ['customers', 'users'], why: "the merge log names each survivor and actor" },
  history: { reads: ['users'], why: 'timeline entries name their actor' },
  attachments: { reads: ['contacts'], why: "a customer's files include its contacts' files" },
  departments: { reads: ['users'], why: 'departments list their user counts; a manager must be an active user' },
  roles: { reads: ['users'], why: 'roles list their user counts; a role in use is not deleted' },
  users: { reads: ['departments', 'roles'], why: "a user's data scope and permissions come from their department path and role" },
  analytics: { reads: ['customers', 'contracts', 'contract_lines', 'products', 'payments', 'purchase_history', 'users', 'departments', 'leads'], why: "customer analytics reads every customer's transactions (signed contracts, their lines' product costs, payments, imported purchases) in set-based statements, lists classes with the customer's name and scope, its dashboards count customers by their owners' departments, and a customer's potential value counts the live leads it referred" },
  system: { reads: ['schema_migrations'], why: 'the readiness check reads the migration table' },
};
