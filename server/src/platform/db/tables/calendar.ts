import type { Generated } from 'kysely';

/** The tables of the calendar module (server/src/modules/calendar/; see table-owners.ts), as Kysely sees them. */
export interface CalendarTables {
  /** Each user's private calendar feed (iCalendar): the token of its address, hashed. */
  calendar_feeds: { id: Generated<number>; user_id: number; token_hash: string; created_at: string; last_used_at: string | null };
}
