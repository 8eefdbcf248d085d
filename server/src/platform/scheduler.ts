import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from './clock.js';
import type { DB } from './db/schema.js';

export interface ScheduledTask {
  /** Unique name; also the lease's name. */
  name: string;
  /** How often the task runs, across all servers sharing the database. */
  everyMs: number;
  run(): Promise<unknown>;
}

/**
 * Take the lease of a task until `until` if no unexpired lease exists (this server's own included:
 * the lease marks the period as done): an update conditional on expiry, or an insert for a lease
 * never taken. Each is one atomic statement, so of two servers asking at once exactly one gets it.
 */
export async function takeLease(db: Kysely<DB>, name: string, holder: string, now: string, until: string): Promise<boolean> {
  const updated = await db
    .updateTable('leases')
    .set({ holder, expires_at: until })
    .where('name', '=', name)
    .where('expires_at', '<=', now)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 1) return true;
  const inserted = await db
    .insertInto('leases')
    .values({ name, holder, expires_at: until })
    .onConflict((oc) => oc.column('name').doNothing())
    .returning('name')
    .executeTakeFirst();
  return inserted !== undefined;
}

/**
 * A small in-process scheduler for periodic tasks. Each server ticks on its own timer; a task runs
 * only on the server that takes its lease, and the lease lasts one period, so the task runs about
 * once per period however many servers there are. A run that outlasts its period may overlap one
 * on another server: tasks must be safe to run twice at once (the pool rules are).
 */
export class Scheduler {
  private readonly tasks: ScheduledTask[] = [];
  private readonly running = new Set<string>();
  private readonly timers: NodeJS.Timeout[] = [];
  readonly holder = `${process.pid}-${crypto.randomBytes(6).toString('hex')}`;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
    private readonly onError: (task: string, error: unknown) => void = (task, error) => console.error(`Scheduled task ${task} failed:`, error),
  ) {}

  add(task: ScheduledTask): this {
    this.tasks.push(task);
    return this;
  }

  /** Tick every task at most once a minute (or its period when shorter); the first tick comes soon after start. */
  start(): void {
    for (const task of this.tasks) {
      const tickMs = Math.min(task.everyMs, 60_000);
      const first = setTimeout(() => void this.tick(task), Math.min(tickMs, 5_000));
      const every = setInterval(() => void this.tick(task), tickMs);
      first.unref();
      every.unref();
      this.timers.push(first, every);
    }
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.length = 0;
  }

  /** Run the task now if this server can take its lease; false when it did not run. */
  async tick(task: ScheduledTask): Promise<boolean> {
    if (this.running.has(task.name)) return false;
    this.running.add(task.name);
    try {
      const now = this.clock.now();
      // A little short of the period, so the next tick after a period finds the lease expired.
      const until = new Date(now.getTime() + Math.max(1_000, task.everyMs - 1_000)).toISOString();
      if (!(await takeLease(this.db, task.name, this.holder, now.toISOString(), until))) return false;
      await task.run();
      return true;
    } catch (error) {
      this.onError(task.name, error);
      return false;
    } finally {
      this.running.delete(task.name);
    }
  }
}
