import type { Generated } from 'kysely';

/** The tables of the targets module (server/src/modules/targets/; see table-owners.ts), as Kysely sees them. */
export interface TargetsTables {
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
}
