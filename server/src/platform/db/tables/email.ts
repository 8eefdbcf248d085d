import type { Generated } from 'kysely';

/** The tables of the email module (server/src/modules/email/; see table-owners.ts), as Kysely sees them. */
export interface EmailTables {
  /** Every email the server sends (notifications, emails to customers, tests), queued in the transaction that causes it. */
  email_outbox: {
    id: Generated<number>;
    /** notification | customer | test */
    kind: string;
    /** queued | sending | sent | failed */
    status: string;
    to_address: string;
    reply_to: string | null;
    reply_to_name: string | null;
    subject: string;
    text_body: string;
    html_body: string | null;
    /** A web app path (/customers/12); the sender puts the CRM's address in front. */
    link_path: string | null;
    locale: string;
    attempts: number;
    next_attempt_at: string | null;
    claimed_at: string | null;
    last_error: string | null;
    user_id: number | null;
    notification_kind: string | null;
    customer_id: number | null;
    follow_up_id: number | null;
    created_at: string;
    created_by: number | null;
    sent_at: string | null;
  };
}
