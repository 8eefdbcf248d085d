import type { Generated } from 'kysely';

/** The tables of the exports module (server/src/modules/exports/; see table-owners.ts), as Kysely sees them. */
export interface ExportsTables {
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
}
