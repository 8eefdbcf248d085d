import type { Generated } from 'kysely';

/** The tables of the history module (server/src/modules/history/; see table-owners.ts), as Kysely sees them. */
export interface HistoryTables {
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
}
