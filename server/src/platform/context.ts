import type { Kysely } from 'kysely';
import type { Throttle } from './auth/throttle.js';
import type { Clock } from './clock.js';
import type { Config, Engine } from './config.js';
import type { DB } from './db/schema.js';

/** What every service needs: the database, its engine, the clock and the configuration. */
export interface AppContext {
  db: Kysely<DB>;
  engine: Engine;
  clock: Clock;
  config: Config;
  /** Login, password-check and web-form limits, counted in the database. */
  throttle: Throttle;
}
