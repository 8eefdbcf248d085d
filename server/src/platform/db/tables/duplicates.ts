import type { Generated } from 'kysely';

/** The tables of the duplicates module (server/src/modules/duplicates/; see table-owners.ts), as Kysely sees them. */
export interface DuplicatesTables {
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
}
