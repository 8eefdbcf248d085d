import type { Kysely } from 'kysely';
import type { Throttle } from './auth/throttle.js';
import type { Clock } from './clock.js';
import type { Config, Engine } from './config.js';
import type { DB } from './db/schema.js';
import type { FileStorage } from './storage/index.js';

/** What every service needs: the database, its engine, the clock, the configuration and the file storage. */
export interface AppContext {
  db: Kysely<DB>;
  engine: Engine;
  clock: Clock;
  config: Config;
  /** Login, password-check and web-form limits, counted in the database. */
  throttle: Throttle;
  /** Attachments and uploaded import files (the data folder, or a bucket shared by every server). */
  storage: FileStorage;
}
