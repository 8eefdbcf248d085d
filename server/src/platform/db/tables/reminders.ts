import type { Generated } from 'kysely';

/** The tables of the reminders module (server/src/modules/reminders/; see table-owners.ts), as Kysely sees them. */
export interface RemindersTables {
  /** Care reminders (关怀提醒): one per kind, record and occurrence day, for the record's owner when made. */
  care_reminders: {
    id: Generated<number>;
    kind: string;
    record_id: number;
    occurs_on: string;
    remind_on: string;
    user_id: number;
    customer_id: number | null;
    contract_id: number | null;
    name: string;
    /** Years since the repeating date (age, years married), or the maintenance visit's number. */
    nth: number | null;
    created_at: string;
  };
}
