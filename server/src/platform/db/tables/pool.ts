import type { Generated } from 'kysely';

/** The tables of the pool module (server/src/modules/pool/; see table-owners.ts), as Kysely sees them. */
export interface PoolTables {
  /** Who released or lost (to a pool rule) which customer when: the wait before claiming it back. */
  pool_releases: { id: Generated<number>; customer_id: number; user_id: number; kind: string; released_at: string };
  /** Pool-rule warnings already sent, one per customer, owner and return date. */
  pool_warnings: { customer_id: number; user_id: number; due_at: string; warned_at: string };
}
