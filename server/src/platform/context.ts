import type { Kysely } from 'kysely';
import type { LoginThrottle } from './auth/throttle.js';
import type { Clock } from './clock.js';
import type { Config, Engine } from './config.js';
import type { DB } from './db/schema.js';

/** What every service needs: the database, its engine, the clock and the configuration. */
export interface AppContext {
  db: Kysely<DB>;
  engine: Engine;
  clock: Clock;
  config: Config;
  throttle: LoginThrottle;
}
