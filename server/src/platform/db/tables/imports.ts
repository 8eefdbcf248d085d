import type { Generated } from 'kysely';

/** The tables of the imports module (server/src/modules/imports/; see table-owners.ts), as Kysely sees them. */
export interface ImportsTables {
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
}
