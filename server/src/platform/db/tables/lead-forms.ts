import type { Generated } from 'kysely';

/** The tables of the lead-forms module (server/src/modules/lead-forms/; see table-owners.ts), as Kysely sees them. */
export interface LeadFormsTables {
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
}
