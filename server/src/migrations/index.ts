import type { Migration } from '../platform/db/migrate.js';
import { foundation } from './20261122-0001-foundation.js';

/** Every migration, oldest first. Forward-only: a released migration is never edited. */
export const migrations: Migration[] = [foundation];
