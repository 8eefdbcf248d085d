import { bootstrap } from '../server/src/bootstrap.js';
import { roleIdByKey } from '../server/src/modules/roles/index.js';
import { chineseName, prng } from '../server/src/modules/demo/names.js';
import { hashPassword } from '../server/src/platform/auth/password.js';
import { Throttle } from '../server/src/platform/auth/throttle.js';
import { systemClock } from '../server/src/platform/clock.js';
import { loadConfig } from '../server/src/platform/config.js';
import type { AppContext } from '../server/src/platform/context.js';
import { createStorage } from '../server/src/platform/storage/index.js';
import type { Database } from '../server/src/platform/db/database.js';
import { migrate } from '../server/src/platform/db/migrate.js';

/** The administrator the benchmark logs in as (scope: all). Loopback only, never a real account. */
export const benchAdmin = { email: 'admin@bench.example.com', password: 'bench-admin-9f3c' };

export interface Organisation {
  adminId: number;
  /** Sales users that own customers. */
  ownerIds: number[];
}

const salesGroups = ['华东销售组', '华北销售组', '华南销售组', '西南销售组', '大客户部'];
const ownersPerGroup = 10;

async function department(db: Database['db'], name: string, parent: { id: number; path: string } | null, now: string) {
  const { id } = await db
    .insertInto('departments')
    .values({ name, parent_id: parent?.id ?? null, path: '/', version: 1, created_at: now, updated_at: now, created_by: null, updated_by: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const path = `${parent?.path ?? '/'}${id}/`;
  await db.updateTable('departments').set({ path }).where('id', '=', id).execute();
  return { id, path };
}

async function roleId(ctx: AppContext, key: string): Promise<number> {
  const id = await roleIdByKey(ctx, key);
  if (id === null) throw new Error(`built-in role ${key} missing`);
  return id;
}

/**
 * Schema, roles and administrator through the server's own migrate() and bootstrap(), then a sales
 * organisation of 50 users in five groups, inserted directly (one password hash, copied).
 */
export async function createOrganisation(database: Database): Promise<Organisation> {
  await migrate(database);
  const config = { ...loadConfig({}), adminEmail: benchAdmin.email, adminPassword: benchAdmin.password };
  const ctx: AppContext = { db: database.db, engine: database.engine, clock: systemClock, config, throttle: new Throttle(database.db, systemClock), storage: await createStorage(config) };
  await bootstrap(ctx, () => {});
  const db = database.db;
  const admin = await db.selectFrom('users').select('id').where('email', '=', benchAdmin.email).executeTakeFirstOrThrow();

  const now = new Date().toISOString();
  const hq = await department(db, '总公司', null, now);
  const sales = await department(db, '销售部', hq, now);
  const managerRole = await roleId(ctx, 'sales_manager');
  const salesRole = await roleId(ctx, 'salesperson');
  const passwordHash = await hashPassword('bench-user-password');
  const rand = prng(7);
  const ownerIds: number[] = [];
  for (const [g, groupName] of salesGroups.entries()) {
    const group = await department(db, groupName, sales, now);
    for (let k = 0; k < ownersPerGroup; k++) {
      const { id } = await db
        .insertInto('users')
        .values({
          email: `sales${String(g * ownersPerGroup + k + 1).padStart(2, '0')}@bench.example.com`, name: chineseName(rand), mobile: null,
          password_hash: passwordHash, department_id: group.id, role_id: k === 0 ? managerRole : salesRole, active: 1, locale: null,
          last_login_at: null, deleted_at: null, version: 1, created_at: now, updated_at: now, created_by: admin.id, updated_by: admin.id,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ownerIds.push(id);
    }
  }
  return { adminId: admin.id, ownerIds };
}

/** The organisation of an already seeded database. */
export async function readOrganisation(database: Database): Promise<Organisation> {
  const admin = await database.db.selectFrom('users').select('id').where('email', '=', benchAdmin.email).executeTakeFirstOrThrow();
  const owners = await database.db.selectFrom('users').select('id').where('email', 'like', 'sales%@bench.example.com').orderBy('id').execute();
  return { adminId: admin.id, ownerIds: owners.map((o) => o.id) };
}
