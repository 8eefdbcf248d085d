import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../test/harness.js';

/** Moves and creates in the department tree sent at the same time (PostgreSQL runs them at once). */
let t: TestApp;
let admin: Agent;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login();
}, 120_000);
afterAll(() => t.close());

async function department(name: string, parentId: number | null = null): Promise<{ id: number; version: number }> {
  const res = await admin.post('/api/v1/departments', { name, parentId });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** Every department's stored path is its parent's path and its own id: the tree has no cycle and no stale branch. */
async function expectConsistentTree(): Promise<void> {
  const rows = await t.ctx.db.selectFrom('departments').select(['id', 'parent_id', 'path']).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const row of rows) {
    const parentPath = row.parent_id === null ? '/' : byId.get(row.parent_id)?.path;
    expect(row.path, `department ${row.id}`).toBe(`${parentPath}${row.id}/`);
  }
}

describe('parallel changes of the department tree', () => {
  it('moving X under Y and Y under X at once: one move wins, the tree has no cycle', async () => {
    for (let round = 0; round < 3; round++) {
      const x = await department(`甲部${round}`);
      const y = await department(`乙部${round}`);
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          i % 2 === 0
            ? admin.patch(`/api/v1/departments/${x.id}`, { parentId: y.id, version: x.version })
            : admin.patch(`/api/v1/departments/${y.id}`, { parentId: x.id, version: y.version }),
        ),
      );
      const statuses = answers.map((r) => r.status);
      expect(statuses.filter((s) => s === 200), JSON.stringify(statuses)).toHaveLength(1);
      expect(statuses.every((s) => s === 200 || s === 400 || s === 409), JSON.stringify(statuses)).toBe(true);
      for (const lost of answers.filter((r) => r.status === 409)) expect(lost.body.error.current.version).toBe(x.version + 1);
      await expectConsistentTree();
    }
  });

  it('departments created under one that moves at once all sit under its new place', async () => {
    const parent = await department('移动中的部门');
    const target = await department('新上级部门');
    const answers = await Promise.all([
      admin.patch(`/api/v1/departments/${parent.id}`, { parentId: target.id, version: parent.version }),
      ...Array.from({ length: 10 }, (_, i) => admin.post('/api/v1/departments', { name: `子部门${i}`, parentId: parent.id })),
    ]);
    expect(answers.map((r) => r.status)).toEqual([200, ...Array.from({ length: 10 }, () => 201)]);
    await expectConsistentTree();
  });
});
