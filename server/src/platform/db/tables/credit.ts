import type { Generated } from 'kysely';

/** The tables of the credit module (server/src/modules/credit/; see table-owners.ts), as Kysely sees them. */
export interface CreditTables {
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
}
