import type { Generated } from 'kysely';

/** The tables of the contacts module (server/src/modules/contacts/; see table-owners.ts), as Kysely sees them. */
export interface ContactsTables {
  contacts: {
    id: Generated<number>;
    customer_id: number;
    name: string;
    title: string | null;
    department: string | null;
    mobile: string | null;
    phone: string | null;
    /** E.164 forms of mobile and phone; null when the number cannot be read. */
    mobile_e164: string | null;
    phone_e164: string | null;
    email: string | null;
    wechat: string | null;
    birthday: string | null;
    is_primary: number;
    /** The normalised name and its pinyin forms (see platform/search.ts searchKeyOf). */
    search_key: Generated<string>;
    notes: string | null;
    custom: Generated<string>;
    deleted_at: string | null;
    deleted_by: number | null;
    version: number;
    created_at: string;
    updated_at: string;
    created_by: number | null;
    updated_by: number | null;
  };
}
