import type { Generated } from 'kysely';

/** Row types of every table, as Kysely sees them. Flags are 0/1 integers on both engines. */
export interface DB {
  /** Applied migrations; checksum: SHA-256 of the migration's normalised source (null until recorded). */
  schema_migrations: { name: string; applied_at: string; checksum: string | null };
  counters: { name: string; value: number };
  departments: {
    id: Generated<number>;
    name: string;
    parent_id: number | null;
    /** Materialised path of ids, e.g. `/1/4/`: subtree queries are one LIKE on an index. */
    path: string;
    /** The department's head (负责人): hears about big deals of the department's users. */
    manager_id: number | null;
    version: number;
    created_at: string;
    updated_at: string;
    created_by: number | null;
    updated_by: number | null;
  };
  roles: {
    id: Generated<number>;
    key: string;
    name: string;
    description: string | null;
    built_in: number;
    permissions: string;
    data_scope: string;
    version: number;
    created_at: string;
    updated_at: string;
    created_by: number | null;
    updated_by: number | null;
  };
  users: {
    id: Generated<number>;
    email: string;
    name: string;
    mobile: string | null;
    password_hash: string;
    department_id: number | null;
    role_id: number;
    active: number;
    locale: string | null;
    last_login_at: string | null;
    deleted_at: string | null;
    version: number;
    created_at: string;
    updated_at: string;
    created_by: number | null;
    updated_by: number | null;
  };
  sessions: {
    id: string;
    user_id: number;
    created_at: string;
    expires_at: string;
    ip: string | null;
    user_agent: string | null;
  };
  throttles: { key_hash: string; count: number; reset_at: string };
  customers: {
    id: Generated<number>;
    archive_no: string;
    kind: string;
    name: string;
    category: string;
    status: string;
    lifecycle_stage: string;
    owner_id: number | null;
    industry: string | null;
    province: string | null;
    city: string | null;
    district: string | null;
    address: string | null;
    phone: string | null;
    mobile: string | null;
    /** E.164 forms of phone and mobile (+8613812345678); null when the number cannot be read. */
    phone_e164: string | null;
    mobile_e164: string | null;
    email: string | null;
    website: string | null;
    source: string | null;
    tags: string;
    notes: string | null;
    person: string;
    organization: string;
    /** Normalised text of the searchable fields, checked with LIKE after the gram index. */
    search_key: string;
    /** Maintained by the contacts module: how many live contacts, and their searchable values. */
    contact_count: Generated<number>;
    contact_terms: Generated<string>;
    /** Values of the administrator's custom fields, as a JSON object keyed by field key. */
    custom: Generated<string>;
    /** When the current owner got the customer (null in the pool). */
    owner_since: string | null;
    /** Written by the modules that record follow-ups and deals; the pool rules read them. */
    last_followup_at: string | null;
    last_deal_at: string | null;
    /** The next step's day (YYYY-MM-DD) of the latest follow-up, the one at last_followup_at; null when it planned none. */
    next_followup_on: string | null;
    /** The customer's transactions, from its active and completed contracts (written by the contracts module through writeCustomers). */
    first_deal_at: string | null;
    deal_count: Generated<number>;
    deal_total: Generated<number>;
    /** When a user last confirmed the record is still accurate (freshness). */
    confirmed_at: string | null;
    /** 0-100: share of the expected fields that are filled in. */
    completeness: Generated<number>;
    /** Set on a customer merged into another (the record is then deleted). */
    merged_into_id: number | null;
    deleted_at: string | null;
    deleted_by: number | null;
    version: number;
    created_at: string;
    updated_at: string;
    created_by: number | null;
    updated_by: number | null;
  };
  contacts: {
    id: Generated<number>;
    customer_id: number;
    name: string;
    title: string | null;
    department: string | null;
    mobile: string | null;
    phone: string | null;
    /** E.164 forms of mobile and phone; null when the number cannot be read. */
    mobile_e164: string | null;
    phone_e164: string | null;
    email: string | null;
    wechat: string | null;
    birthday: string | null;
    is_primary: number;
    /** The normalised name and its pinyin forms (see platform/search.ts searchKeyOf). */
    search_key: Generated<string>;
    notes: string | null;
    custom: Generated<string>;
    deleted_at: string | null;
    deleted_by: number | null;
    version: number;
    created_at: string;
    updated_at: string;
    created_by: number | null;
    updated_by: number | null;
  };
  settings: { key: string; value: string; version: number; updated_at: string; updated_by: number | null };
  notifications: {
    id: Generated<number>;
    user_id: number;
    kind: string;
    /** JSON object of the values the message shows. */
    params: string;
    entity_type: string | null;
    entity_id: number | null;
    created_at: string;
    read_at: string | null;
  };
  /** Normalised phone (`p:`), email (`e:`) and organisation-name (`n:`) keys for the duplicate check. */
  dedupe_keys: { id: Generated<number>; customer_id: number; contact_id: number | null; key: string };
  /** One row per customer merged into a survivor: traceable from both ids. */
  customer_merges: {
    id: Generated<number>;
    survivor_id: number;
    merged_id: number;
    actor_id: number | null;
    at: string;
    /** JSON object: field -> the customer id its value was taken from. */
    choices: string;
    /** JSON: the merged customer's stored row just before the merge. */
    snapshot: string;
  };
  /** Import jobs: the stored file, its mapping, and how far the worker got (`processed` rows). */
  import_jobs: {
    id: Generated<number>;
    entity: string;
    file_name: string;
    stored_name: string;
    format: string;
    encoding: string | null;
    delimiter: string | null;
    headers: string;
    sample: string;
    total_rows: number;
    status: string;
    duplicate_mode: string | null;
    mapping: string | null;
    /** JSON: field -> cell text -> option value or null (the value-mapping step's choices). */
    value_mapping: string | null;
    locale: string | null;
    processed: Generated<number>;
    created: Generated<number>;
    updated: Generated<number>;
    skipped: Generated<number>;
    rejected: Generated<number>;
    lease_owner: string | null;
    lease_until: string | null;
    error: string | null;
    created_by: number;
    created_at: string;
    updated_at: string;
    started_at: string | null;
    finished_at: string | null;
  };
  /** One row per processed file row of an import: unique (job_id, row_no). */
  import_results: { id: Generated<number>; job_id: number; row_no: number; outcome: string; entity_id: number | null; messages: string };
  export_log: {
    id: Generated<number>;
    user_id: number;
    at: string;
    entity: string;
    filter: string;
    columns: string;
    format: string;
    row_count: Generated<number>;
    finished_at: string | null;
  };
  /** Administrators' fields of customers and contacts; values live in customers.custom / contacts.custom. */
  custom_fields: {
    id: Generated<number>;
    entity: string;
    key: string;
    type: string;
    label_zh: string;
    label_en: string;
    /** JSON array of {value, labelZh, labelEn}. */
    options: string;
    required: number;
    position: number;
    active: number;
    meta: string;
    version: number;
    created_at: string;
    updated_at: string;
    created_by: number | null;
    updated_by: number | null;
  };
  /** Files attached to a customer (contact_id null) or to one of its contacts. */
  attachments: {
    id: Generated<number>;
    customer_id: number;
    contact_id: number | null;
    /** Set for a contract's file (the signed scan); customer_id is the contract's customer. */
    contract_id: number | null;
    file_name: string;
    mime: string;
    size: number;
    sha256: string;
    storage_key: string;
    created_by: number | null;
    created_at: string;
    deleted_at: string | null;
    deleted_by: number | null;
  };
  /** PostgreSQL only: gram arrays under a GIN index (SQLite uses the FTS5 table of that name). */
  customer_search: { customer_id: number; grams: string[] };
  /** Who released or lost (to a pool rule) which customer when: the wait before claiming it back. */
  pool_releases: { id: Generated<number>; customer_id: number; user_id: number; kind: string; released_at: string };
  /** Pool-rule warnings already sent, one per customer, owner and return date. */
  pool_warnings: { customer_id: number; user_id: number; due_at: string; warned_at: string };
  /** Scheduled-task leases: the server holding an unexpired lease runs the task. */
  leases: { name: string; holder: string; expires_at: string };
  change_log: {
    id: Generated<number>;
    entity_type: string;
    entity_id: number;
    /** The customer whose history shows this entry (the customer itself, or a contact's customer). */
    customer_id: number | null;
    action: string;
    actor_id: number | null;
    at: string;
    label: string | null;
    changes: string;
  };
  leads: {
    id: Generated<number>;
    kind: string;
    name: string;
    company: string | null;
    job_title: string | null;
    gender: string | null;
    age: number | null;
    mobile: string | null;
    phone: string | null;
    /** E.164 forms of mobile and phone; null when the number cannot be read. */
    mobile_e164: string | null;
    phone_e164: string | null;
    email: string | null;
    wechat: string | null;
    province: string | null;
    city: string | null;
    district: string | null;
    address: string | null;
    industry: string | null;
    occupation: string | null;
    annual_income: number | null;
    source: string;
    referrer_customer_id: number | null;
    credit_standing: string | null;
    notes: string | null;
    owner_id: number | null;
    owner_since: string | null;
    status: string;
    disqualify_reason: string | null;
    /** MAN flags: null = not assessed, 0 = no, 1 = yes. */
    man_money: number | null;
    man_authority: number | null;
    man_need: number | null;
    /** e.g. 'MAn' (capital = has it); null until all three are assessed. */
    man_grade: string | null;
    /** 1 (ideal) to 4 (not a prospect), for sorting; null until graded. */
    man_rank: number | null;
    form_id: number | null;
    converted_customer_id: number | null;
    converted_contact_id: number | null;
    converted_opportunity_id: number | null;
    converted_at: string | null;
    converted_by: number | null;
    search: string;
    deleted_at: string | null;
    deleted_by: number | null;
    version: number;
    created_at: string;
    updated_at: string;
    created_by: number | null;
    updated_by: number | null;
  };
  lead_keys: { id: Generated<number>; lead_id: number; key: string };
  lead_forms: {
    id: Generated<number>;
    token: string;
    name: string;
    title: string | null;
    description: string | null;
    /** JSON: [{ field, required, label? }] */
    fields: string;
    thank_you: string;
    source: string;
    active: number;
    submission_count: number;
    deleted_at: string | null;
    version: number;
    created_at: string;
    updated_at: string;
    created_by: number | null;
    updated_by: number | null;
  };
  lead_form_submissions: { id: Generated<number>; form_id: number; lead_id: number | null; ip: string; at: string };
  pipelines: {
    id: Generated<number>;
    name: string;
    is_default: number;
    position: number;
    active: number;
    version: number;
    created_at: string;
    updated_at: string;
    created_by: number | null;
    updated_by: number | null;
  };
  pipeline_stages: {
    id: Generated<number>;
    pipeline_id: number;
    key: string | null;
    name_zh: string;
    name_en: string;
    position: number;
    probability: number;
    /** 'open' | 'won' | 'lost' */
    kind: string;
    guidance: string | null;
    active: number;
  };
  opportunities: {
    id: Generated<number>;
    name: string;
    customer_id: number;
    pipeline_id: number;
    stage_id: number;
    /** 'open' | 'won' | 'lost', following the stage's kind. */
    status: string;
    owner_id: number;
    amount: number;
    currency: string;
    /** Amount in the base currency at the rate when written; sums and the forecast use it. */
    amount_base: number;
    probability: number;
    expected_close_date: string;
    forecast_category: string;
    /** YYYY-MM: the expected close month while open, the closing month after. */
    forecast_month: string;
    source: string | null;
    lead_id: number | null;
    /** JSON array of strings. */
    competitors: string;
    next_step: string | null;
    description: string | null;
    won_amount: number | null;
    /** won_amount in the base currency at the rate when won. */
    won_amount_base: number | null;
    lost_reason: string | null;
    lost_note: string | null;
    closed_on: string | null;
    stage_entered_at: string;
    search: string;
    deleted_at: string | null;
    deleted_by: number | null;
    version: number;
    created_at: string;
    updated_at: string;
    created_by: number | null;
    updated_by: number | null;
  };
  /** Board figures per stage and owner of live deals; weighted = sum of amount_base × probability. */
  opportunity_board_totals: { stage_id: number; owner_id: number; pipeline_id: number; n: number; amount: number; weighted: number };
  opportunity_contacts: { opportunity_id: number; contact_id: number; role: string };
  opportunity_stage_history: {
    id: Generated<number>;
    opportunity_id: number;
    pipeline_id: number;
    stage_id: number;
    from_stage_id: number | null;
    entered_at: string;
    left_at: string | null;
    entered_by: number | null;
  };
  product_categories: {
    id: Generated<number>;
    name: string;
    parent_id: number | null;
    version: number;
    created_at: string;
    updated_at: string;
    created_by: number | null;
    updated_by: number | null;
  };
  products: {
    id: Generated<number>;
    code: string;
    name: string;
    category_id: number | null;
    unit: string;
    /** Fen. */
    standard_price: number;
    cost: number | null;
    currency: string;
    /** Basis points: 13 % = 1300. */
    tax_bp: number;
    active: number;
    description: string | null;
    search: string;
    version: number;
    created_at: string;
    updated_at: string;
    created_by: number | null;
    updated_by: number | null;
  };
  price_lists: {
    id: Generated<number>;
    name: string;
    customer_category: string | null;
    province: string | null;
    valid_from: string | null;
    valid_to: string | null;
    active: number;
    currency: string;
    version: number;
    created_at: string;
    updated_at: string;
    created_by: number | null;
    updated_by: number | null;
  };
  price_list_items: { price_list_id: number; product_id: number; price: number | string };
  quotes: {
    id: Generated<number>;
    /** BJ-2026-000123: unique, from the counter quote_no:<year>. */
    number: string;
    revision: number;
    customer_id: number;
    opportunity_id: number | null;
    owner_id: number;
    title: string;
    status: string;
    /** 1 for the one current quote of its deal (a partial unique index keeps it one). */
    is_current: number;
    valid_until: string;
    terms: string | null;
    currency: string;
    subtotal: number;
    tax_total: number;
    total: number;
    search: string;
    deleted_at: string | null;
    deleted_by: number | null;
    version: number;
    created_at: string;
    updated_at: string;
    created_by: number | null;
    updated_by: number | null;
  };
  quote_lines: {
    id: Generated<number>;
    quote_id: number;
    position: number;
    product_id: number;
    product_code: string;
    product_name: string;
    unit: string;
    quantity_milli: number;
    unit_price: number;
    price_list_id: number | null;
    discount_bp: number;
    tax_bp: number;
    note: string | null;
    net: number;
    tax: number;
    total: number;
  };
  quote_revisions: {
    id: Generated<number>;
    quote_id: number;
    revision: number;
    /** JSON of the revision's document (QuoteRevision['document']). */
    document: string;
    saved_at: string;
    saved_by: number | null;
  };
  contracts: {
    id: Generated<number>;
    /** HT-2026-000123 or the administrator's pattern: unique, from a counter contract_no:<date parts>. */
    number: string;
    /** 'contract' | 'order' */
    kind: string;
    customer_id: number;
    opportunity_id: number | null;
    /** The accepted quote it was made from (at most one contract per quote: a partial unique index). */
    quote_id: number | null;
    owner_id: number;
    department_id: number | null;
    title: string;
    status: string;
    signed_on: string | null;
    starts_on: string | null;
    ends_on: string | null;
    currency: string;
    amount: number;
    subtotal: number | null;
    tax_total: number | null;
    notes: string | null;
    activated_at: string | null;
    /** The end date whose renewal notice was sent to the owner. */
    renewal_notified_for: string | null;
    /** Receivables' running sums (fen), written by the receivables module through writeReceivableSums. */
    planned_amount: Generated<number>;
    received_amount: Generated<number>;
    invoiced_amount: Generated<number>;
    /** How many payments `received_amount` sums, written with it. */
    payment_count: Generated<number>;
    /** Bumped by every change of the payment plan (its optimistic version). */
    plan_version: Generated<number>;
    search: string;
    deleted_at: string | null;
    deleted_by: number | null;
    version: number;
    created_at: string;
    updated_at: string;
    created_by: number | null;
    updated_by: number | null;
  };
  contract_lines: {
    id: Generated<number>;
    contract_id: number;
    position: number;
    product_id: number;
    product_code: string;
    product_name: string;
    unit: string;
    quantity_milli: number;
    unit_price: number;
    price_list_id: number | null;
    discount_bp: number;
    tax_bp: number;
    note: string | null;
    net: number;
    tax: number;
    total: number;
  };
  contract_contacts: { contract_id: number; contact_id: number; role: string };
  /** Follow-up records (跟进记录): the shared memory of a customer. */
  follow_ups: {
    id: Generated<number>;
    customer_id: number;
    author_id: number;
    /** call | visit | meeting | email | message | note */
    kind: string;
    occurred_at: string;
    duration_minutes: number | null;
    opportunity_id: number | null;
    contract_id: number | null;
    content: string;
    outcome: string | null;
    next_on: string | null;
    next_action: string | null;
    /** The task its next step made. */
    task_id: number | null;
    /** A visit's check-in (拜访签到): the phone's position and its accuracy radius (metres), an address the user typed, the server's time of it; all null without one. */
    check_in_latitude: number | null;
    check_in_longitude: number | null;
    check_in_accuracy_m: number | null;
    check_in_address: string | null;
    checked_in_at: string | null;
    version: number;
    created_at: string;
    updated_at: string;
    created_by: number | null;
    updated_by: number | null;
  };
  follow_up_contacts: { follow_up_id: number; contact_id: number };
  /** Tasks (任务); a recurring one makes its next occurrence (previous_id) when done. */
  tasks: {
    id: Generated<number>;
    title: string;
    due_on: string;
    due_time: string | null;
    priority: string;
    status: string;
    assignee_id: number;
    customer_id: number | null;
    opportunity_id: number | null;
    contract_id: number | null;
    follow_up_id: number | null;
    notes: string | null;
    recurrence: string | null;
    recurrence_anchor: string | null;
    previous_id: number | null;
    done_at: string | null;
    /** The reminder: minutes before the due time, the instant it goes out, and when it went (null until then). */
    remind_before_minutes: number | null;
    remind_at: string | null;
    reminded_at: string | null;
    version: number;
    created_at: string;
    updated_at: string;
    created_by: number | null;
    updated_by: number | null;
  };
  /** Care reminders (关怀提醒): one per kind, record and occurrence day, for the record's owner when made. */
  care_reminders: {
    id: Generated<number>;
    kind: string;
    record_id: number;
    occurs_on: string;
    remind_on: string;
    user_id: number;
    customer_id: number | null;
    contract_id: number | null;
    name: string;
    /** Years since the repeating date (age, years married), or the maintenance visit's number. */
    nth: number | null;
    created_at: string;
  };
  /** Each user's private calendar feed (iCalendar): the token of its address, hashed. */
  calendar_feeds: { id: Generated<number>; user_id: number; token_hash: string; created_at: string; last_used_at: string | null };
  /** A contract's instalments (回款计划); `paid` and `settled_on` are what its payments settle, first due first. */
  payment_plans: {
    id: Generated<number>;
    contract_id: number;
    position: number;
    due_on: string;
    amount: number;
    paid: number;
    settled_on: string | null;
    note: string | null;
    /** The due date whose overdue notice went out. */
    overdue_notified_for: string | null;
    created_at: string;
    created_by: number | null;
    /** The contract's customer, owner and department, copied by the database (migration 0029's triggers) on insert and on every change of the contract. */
    customer_id: Generated<number>;
    owner_id: Generated<number>;
    department_id: number | null;
    /** 1 while the contract is live and signed (its instalments are receivable), kept by the same triggers. */
    receivable: Generated<number>;
  };
  /** Payments received (回款记录), with the contract's customer, owner and department when received. */
  payments: {
    id: Generated<number>;
    contract_id: number;
    customer_id: number;
    owner_id: number;
    department_id: number | null;
    received_on: string;
    amount: number;
    currency: string;
    method: string;
    reference: string | null;
    note: string | null;
    created_at: string;
    created_by: number | null;
  };
  /** Invoices issued (发票) against a contract. */
  invoices: {
    id: Generated<number>;
    contract_id: number;
    customer_id: number;
    number: string;
    kind: string;
    issued_on: string;
    amount: number;
    note: string | null;
    created_at: string;
    created_by: number | null;
  };
  sales_targets: {
    id: Generated<number>;
    subject_type: string;
    subject_id: number;
    metric: string;
    /** 2026-12, 2026-Q4 or 2026. */
    period: string;
    /** Fen for money metrics, a count otherwise. */
    value: number;
    version: number;
    created_at: string;
    updated_at: string;
    created_by: number | null;
    updated_by: number | null;
  };
  approval_flows: {
    id: Generated<number>;
    name: string;
    record_type: string;
    active: number;
    priority: number;
    /** 'any' or 'all' of the conditions. */
    match: string;
    /** JSON: ApprovalCondition[]. */
    conditions: string;
    /** JSON: ApprovalStepWrite[]. */
    steps: string;
    version: number;
    created_at: string;
    updated_at: string;
    created_by: number | null;
    updated_by: number | null;
  };
  approval_requests: {
    id: Generated<number>;
    record_type: string;
    record_id: number;
    flow_id: number;
    flow_name: string;
    /** pending, approved, rejected, cancelled. */
    status: string;
    /** 1-based position of the step waiting for a decision; null once decided. */
    current_step: number | null;
    record_number: string;
    record_title: string;
    customer_id: number | null;
    customer_name: string | null;
    /** Fen (bigint). */
    amount: number;
    currency: string;
    owner_id: number;
    submitted_by: number;
    submitted_at: string;
    step_started_at: string | null;
    decided_at: string | null;
    version: number;
    created_at: string;
    updated_at: string;
    created_by: number | null;
    updated_by: number | null;
  };
  approval_steps: {
    id: Generated<number>;
    request_id: number;
    position: number;
    /** user, manager, role. */
    kind: string;
    /** The approver (a named user, or the manager resolved when submitted); null for a role step. */
    user_id: number | null;
    role_id: number | null;
    approver_name: string | null;
    /** waiting, pending, approved, rejected. */
    status: string;
    started_at: string | null;
    decided_by: number | null;
    decided_at: string | null;
    comment: string | null;
  };
  /** Every email the server sends (notifications, emails to customers, tests), queued in the transaction that causes it. */
  email_outbox: {
    id: Generated<number>;
    /** notification | customer | test */
    kind: string;
    /** queued | sending | sent | failed */
    status: string;
    to_address: string;
    reply_to: string | null;
    reply_to_name: string | null;
    subject: string;
    text_body: string;
    html_body: string | null;
    /** A web app path (/customers/12); the sender puts the CRM's address in front. */
    link_path: string | null;
    locale: string;
    attempts: number;
    next_attempt_at: string | null;
    claimed_at: string | null;
    last_error: string | null;
    user_id: number | null;
    notification_kind: string | null;
    customer_id: number | null;
    follow_up_id: number | null;
    created_at: string;
    created_by: number | null;
    sent_at: string | null;
  };
  /** A user's choice, where it differs from the default, of whether a notification kind also arrives by email (0/1). */
  notification_preferences: { user_id: number; kind: string; email: number; updated_at: string };
  /** Work reports (工作日报/周报): one per author, kind and period; `figures` is the JSON snapshot of the period's activity. */
  work_reports: {
    id: Generated<number>;
    author_id: number;
    /** daily | weekly */
    kind: string;
    /** YYYY-MM-DD: the day, or the Monday of the week, in the company's time zone. */
    period: string;
    summary: string;
    plan: string | null;
    problems: string | null;
    figures: string;
    version: number;
    created_at: string;
    updated_at: string;
    created_by: number | null;
    updated_by: number | null;
  };
  work_report_comments: { id: Generated<number>; report_id: number; author_id: number; content: string; created_at: string; version: Generated<number>; /** Null until the author first edits it. */ updated_at: string | null };
  /** Read receipts: who other than the author opened a report, first time. */
  work_report_reads: { report_id: number; user_id: number; read_at: string };
  /** Saved list views (视图): a list's filters, columns, sort and page size under a name. */
  list_views: {
    id: Generated<number>;
    /** customers | contacts | leads | opportunities */
    list: string;
    name: string;
    owner_id: number;
    /** personal | department | everyone */
    visibility: string;
    /** With `department`: users of this department and the departments below it see it. */
    department_id: number | null;
    /** JSON object of the list's query parameters (strings). */
    filters: string;
    /** JSON array of column keys, in order. */
    columns: string;
    sort: string | null;
    page_size: number | null;
    version: number;
    created_at: string;
    updated_at: string;
    created_by: number | null;
    updated_by: number | null;
  };
  /** Each user's default view of a list: a saved view (view_id) or a built-in one (built_in key). */
  list_view_defaults: { user_id: number; list: string; view_id: number | null; built_in: string | null; updated_at: string };
  /** Customer analytics runs (migration 0030): `active` is 1 while one runs (unique), null afterwards. */
  analytics_runs: {
    id: Generated<number>;
    status: string;
    reason: string;
    as_of: string;
    active: number | null;
    steps_done: Generated<number>;
    steps_total: number;
    customers: Generated<number>;
    /** JSON of the settings the run used. */
    settings: string;
    started_at: string;
    heartbeat_at: string;
    finished_at: string | null;
    error: string | null;
    requested_by: number | null;
    /** Migration 0039: the last analytics_customer_moves id when the run began reading customers (null: runs before it, without rollups). */
    moves_mark: number | null;
  };
  /** Migration 0039: a run's customers counted by owner and combination of classes, with the dashboards' sums (fen). */
  analytics_rollups: {
    run_id: number;
    owner_id: number | null;
    abc_class: Generated<string>;
    value_class: Generated<string>;
    rfm_segment: Generated<string>;
    lifecycle_stage: Generated<string>;
    status: Generated<string>;
    quadrant: Generated<string>;
    churn_risk: Generated<number>;
    customers: Generated<number>;
    revenue: Generated<number>;
    gross_profit: Generated<number>;
    monetary: Generated<number>;
    current_value: Generated<number>;
    potential_value: Generated<number>;
    abc_value: Generated<number>;
  };
  /** Migration 0042: each live customer's revenue per month it bought in, as of the last fold ('' prev_month: its first). */
  revenue_months: {
    customer_id: number;
    month: string;
    owner_id: number;
    revenue: number;
    purchases: number;
    prev_month: string;
  };
  /** Migration 0042: revenue_months summed by owner (0: the pool), month and previous buying month. */
  revenue_rollup: {
    owner_id: number;
    month: string;
    prev_month: string;
    revenue: number;
    buyers: number;
  };
  /** Migration 0042: customers marked by triggers since the last fold (PostgreSQL: with the mark's sequence number). */
  revenue_dirty: {
    customer_id: number;
    seq: Generated<number>;
  };
  /** Migration 0040: live customers by owner (0: the pool) and value of each sliced field. */
  customer_field_counts: {
    owner_id: number;
    field: string;
    key: string;
    customers: number;
  };
  /** Migration 0040: +1/-1 rows written by triggers on customers, folded into customer_field_counts by a job. */
  customer_field_deltas: {
    id: Generated<number>;
    owner_id: number;
    field: string;
    key: string;
    delta: number;
  };
  /** Migration 0039: customers whose owner changed or that were deleted or restored, logged by a trigger on customers. */
  analytics_customer_moves: {
    id: Generated<number>;
    customer_id: number;
  };
  /** One customer's figures and classes of one run (money in fen). */
  analytics_results: {
    run_id: number;
    customer_id: number;
    owner_id: number | null;
    revenue: Generated<number>;
    gross_profit: Generated<number>;
    received: Generated<number>;
    purchases: Generated<number>;
    first_on: Generated<string>;
    last_on: Generated<string>;
    recency_days: Generated<number>;
    frequency: Generated<number>;
    monetary: Generated<number>;
    previous_monetary: Generated<number>;
    window_profit: Generated<number>;
    abc_value: Generated<number>;
    abc_rank: Generated<number>;
    abc_cumulative: Generated<number>;
    abc_total: Generated<number>;
    abc_cumulative_bp: Generated<number>;
    /** Position and cumulative ABC value within the run's rows of the same owner, in rank order (null before migration 0041). */
    owner_position: number | null;
    owner_cumulative: number | null;
    abc_class: Generated<string>;
    value_rank: Generated<number>;
    value_class: Generated<string>;
    r_score: Generated<number>;
    f_score: Generated<number>;
    m_score: Generated<number>;
    rfm_segment: Generated<string>;
    historical_value: Generated<number>;
    current_value: Generated<number>;
    lifetime_value: Generated<number>;
    average_interval_days: number | null;
    lifecycle_stage: Generated<string>;
    status: Generated<string>;
    churn_risk: Generated<number>;
    /** Migration 0033: potential value, pyramid quadrant and the four-dimension scores. */
    peer_count: Generated<number>;
    peer_median: Generated<number>;
    referrals: Generated<number>;
    potential_value: Generated<number>;
    quadrant_value_cut: Generated<number>;
    quadrant_potential_cut: Generated<number>;
    quadrant: Generated<string>;
    tenure_days: Generated<number>;
    profit_score: Generated<number>;
    influence_score: Generated<number>;
    loyalty_score: Generated<number>;
    potential_score: Generated<number>;
  };
  /** Every 6C credit assessment of a customer (migration 0031); the current one is its highest version. */
  credit_assessments: {
    id: Generated<number>;
    customer_id: number;
    version: number;
    rating: string;
    total_score: number;
    /** JSON: the entered evidence. */
    evidence: string;
    /** JSON: the scores with their inputs, and the weights, thresholds and policy used. */
    result: string;
    assessed_at: string;
    assessed_by: number | null;
  };
  /** Purchases imported from other systems (shop, point of sale): with the signed contracts, the customer's transactions. */
  /** A customer won back (migration 0035): lost in the finished run before `run_id`, not lost in it. */
  analytics_winbacks: {
    run_id: number;
    customer_id: number;
    won_back_on: string;
    owner_id: number | null;
    previous_run_id: number;
    lost_days: number;
  };
  /** "Keep mine" against a customer's derived lifecycle stage or status (migration 0036): the declined derived values. */
  analytics_keeps: {
    customer_id: number;
    lifecycle_stage: string | null;
    status: string | null;
    kept_by: number | null;
    kept_at: string;
  };
  purchase_history: {
    id: Generated<number>;
    customer_id: number;
    purchased_on: string;
    amount: number;
    cost: number | null;
    product: string | null;
    source: string | null;
    created_at: string;
    created_by: number | null;
  };
}
