import type { Generated } from 'kysely';

/** The tables of the attachments module (server/src/modules/attachments/; see table-owners.ts), as Kysely sees them. */
export interface AttachmentsTables {
  /** Files attached to a customer (contact_id null) or to one of its contacts. */
  attachments: {
    id: Generated<number>;
    customer_id: number;
    contact_id: number | null;
    /** Set for a contract's file (the signed scan); customer_id is the contract's customer. */
    contract_id: number | null;
    file_name: string;
    mime: string;
    size: number;
    sha256: string;
    storage_key: string;
    created_by: number | null;
    created_at: string;
    deleted_at: string | null;
    deleted_by: number | null;
  };
}
