import type { Generated } from 'kysely';

/** The tables of the opportunities module (server/src/modules/opportunities/; see table-owners.ts), as Kysely sees them. */
export interface OpportunitiesTables {
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
}
