import type { Kysely } from 'kysely';

/** The database engines a migration writes for (the same values as the server's configuration). */
export type Engine = 'sqlite' | 'postgres';

/**
 * One step of the schema. Self-contained: it imports only kysely and files of this folder, so what
 * it does to a database never changes once it has landed (see checksums.ts).
 */
export interface Migration {
  name: string;
  up(db: Kysely<unknown>, engine: Engine): Promise<void>;
}
