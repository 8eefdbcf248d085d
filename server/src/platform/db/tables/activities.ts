import type { Generated } from 'kysely';

/** The tables of the activities module (server/src/modules/activities/; see table-owners.ts), as Kysely sees them. */
export interface ActivitiesTables {
  /** Follow-up records (跟进记录): the shared memory of a customer. */
  follow_ups: {
    id: Generated<number>;
    customer_id: number;
    author_id: number;
    /** call | visit | meeting | email | message | note */
    kind: string;
    occurred_at: string;
    duration_minutes: number | null;
    opportunity_id: number | null;
    contract_id: number | null;
    content: string;
    outcome: string | null;
    next_on: string | null;
    next_action: string | null;
    /** The task its next step made. */
    task_id: number | null;
    /** A visit's check-in (拜访签到): the phone's position and its accuracy radius (metres), an address the user typed, the server's time of it; all null without one. */
    check_in_latitude: number | null;
    check_in_longitude: number | null;
    check_in_accuracy_m: number | null;
    check_in_address: string | null;
    checked_in_at: string | null;
    version: number;
    created_at: string;
    updated_at: string;
    created_by: number | null;
    updated_by: number | null;
  };
  follow_up_contacts: { follow_up_id: number; contact_id: number };
  /** Tasks (任务); a recurring one makes its next occurrence (previous_id) when done. */
  tasks: {
    id: Generated<number>;
    title: string;
    due_on: string;
    due_time: string | null;
    priority: string;
    status: string;
    assignee_id: number;
    customer_id: number | null;
    opportunity_id: number | null;
    contract_id: number | null;
    follow_up_id: number | null;
    notes: string | null;
    recurrence: string | null;
    recurrence_anchor: string | null;
    previous_id: number | null;
    done_at: string | null;
    /** The reminder: minutes before the due time, the instant it goes out, and when it went (null until then). */
    remind_before_minutes: number | null;
    remind_at: string | null;
    reminded_at: string | null;
    version: number;
    created_at: string;
    updated_at: string;
    created_by: number | null;
    updated_by: number | null;
  };
}
