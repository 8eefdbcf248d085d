import type { Generated } from 'kysely';

/** The tables of the notifications module (server/src/modules/notifications/; see table-owners.ts), as Kysely sees them. */
export interface NotificationsTables {
  notifications: {
    id: Generated<number>;
    user_id: number;
    kind: string;
    /** JSON object of the values the message shows. */
    params: string;
    entity_type: string | null;
    entity_id: number | null;
    created_at: string;
    read_at: string | null;
  };
  /** A user's choice, where it differs from the default, of whether a notification kind also arrives by email (0/1). */
  notification_preferences: { user_id: number; kind: string; email: number; updated_at: string };
}
