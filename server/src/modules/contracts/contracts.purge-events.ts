import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;
export type ContractsPurgedListener = (db: Db, contractIds: number[]) => Promise<void>;

/**
 * Records of other modules that hang under a contract (the receivables' plan, payments and
 * invoices) go with it when it is erased for good. Those modules import this one, so they listen
 * instead of being called (a cycle otherwise); app.ts registers them by name.
 */
const listeners = new Map<string, ContractsPurgedListener>();

export function onContractsPurged(name: string, listener: ContractsPurgedListener): void {
  listeners.set(name, listener);
}

/** Run every listener in the purging transaction. */
export async function emitContractsPurged(db: Db, contractIds: number[]): Promise<void> {
  if (contractIds.length === 0) return;
  for (const listener of listeners.values()) await listener(db, contractIds);
}
