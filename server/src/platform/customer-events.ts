import type { Kysely, Transaction } from 'kysely';
import type { DB } from './db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

/** Something that happened to a customer which records of other modules pointing at it must follow. */
export type CustomerEvent =
  | { kind: 'deleted'; customerId: number; at: string; actorId: number }
  /** `deletedAt`: the deleted_at the customer had until now, which its records deleted with it share. */
  | { kind: 'restored'; customerId: number; deletedAt: string; at: string; actorId: number }
  | { kind: 'merged'; fromId: number; intoId: number; at: string; actorId: number }
  /** Erased for good from the recycle bin: what other modules keep about the customer goes with it. */
  | { kind: 'purged'; customerId: number };

export type CustomerEventListener = (db: Db, event: CustomerEvent) => Promise<void>;

/**
 * Why this exists: deals and leads point at customers, but the customers and duplicates modules
 * cannot import the opportunities or leads modules (those import customers: a cycle, which lint
 * refuses). So the customer side announces what happened and the modules holding records under a
 * customer listen. buildApp (app.ts) registers their listeners, by name, explicitly: nothing
 * registers itself on import. Registering a name again replaces its listener (tests build many apps).
 */
const listeners = new Map<string, CustomerEventListener>();

export function onCustomerEvent(name: string, listener: CustomerEventListener): void {
  listeners.set(name, listener);
}

/**
 * Run every listener, one after the other in registration order, with the caller's handle: called
 * inside the transaction that changes the customer, so the records follow it or nothing happens
 * (and on SQLite the transaction's connection is the only one to use).
 */
export async function emitCustomerEvent(db: Db, event: CustomerEvent): Promise<void> {
  for (const listener of listeners.values()) await listener(db, event);
}
