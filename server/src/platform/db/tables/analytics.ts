import type { Generated } from 'kysely';

/** The tables of the analytics module (server/src/modules/analytics/; see table-owners.ts), as Kysely sees them. */
export interface AnalyticsTables {
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
