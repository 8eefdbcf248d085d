import type { Generated } from 'kysely';

/** The tables of the custom-fields module (server/src/modules/custom-fields/; see table-owners.ts), as Kysely sees them. */
export interface CustomFieldsTables {
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
}
