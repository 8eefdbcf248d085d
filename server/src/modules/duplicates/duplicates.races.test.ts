import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer } from '../../test/fixtures.js';
import { createTestApp, type Agent, type TestApp } from '../../test/harness.js';

/** Merges sent at the same time (PostgreSQL runs them at once; SQLite one after another): one wins. */
let t: TestApp;
let admin: Agent;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login();
}, 120_000);
afterAll(() => t.close());

const create = async (name: string) => {
  const res = await admin.post('/api/v1/customers', buildCustomer({ name, ownerId: null }));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: number; version: number };
};
const contactsOf = async (customerId: number) => (await admin.get(`/api/v1/contacts?customerId=${customerId}&pageSize=50`)).body.items as Array<{ id: number }>;
const liveTotal = async () => (await admin.get('/api/v1/customers?pageSize=1')).body.total as number;

describe('parallel merges', () => {
  it('of B into A and into C: exactly one wins, the others answer 409, B and its contacts end under the winner only', async () => {
    for (let round = 0; round < 3; round++) {
      const a = await create(`竞争合并甲${round}有限公司`);
      const b = await create(`竞争合并乙${round}有限公司`);
      const c = await create(`竞争合并丙${round}有限公司`);
      const contactIds: number[] = [];
      for (const name of ['王一', '王二']) {
        const res = await admin.post('/api/v1/contacts', { customerId: b.id, name });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        contactIds.push(res.body.id);
      }
      const totalBefore = await liveTotal();

      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) => {
          const survivor = i % 2 === 0 ? a : c;
          return admin.post('/api/v1/customers/merge', { survivorId: survivor.id, mergedIds: [b.id], version: survivor.version });
        }),
      );
      const statuses = answers.map((r) => r.status);
      expect(statuses.filter((s) => s === 200), JSON.stringify(statuses)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409), JSON.stringify(answers.map((r) => r.body))).toHaveLength(9);
      const winner = answers.find((r) => r.status === 200)?.body.id as number;
      const loser = winner === a.id ? c.id : a.id;
      const winnerVersion = (winner === a.id ? a : c).version + 1;
      for (const lost of answers.filter((r) => r.status === 409)) {
        // Into the winner: stale, with the winner as it is now. Into the other: B is gone, and where to.
        expect(lost.body.error.code).toBe('CONFLICT');
        const current = lost.body.error.current as { id?: number; version?: number; mergedInto?: number };
        if (current.mergedInto === undefined) expect([current.id, current.version]).toEqual([winner, winnerVersion]);
        else expect(current).toEqual({ mergedInto: winner });
      }

      // B points at the winner; only the winner lists the merge; the contacts moved there once.
      const gone = await admin.get(`/api/v1/customers/${b.id}`);
      expect(gone.status).toBe(404);
      expect(gone.body.error.current).toEqual({ mergedInto: winner });
      expect((await admin.get(`/api/v1/customers/${winner}/merges`)).body.items.map((m: { mergedId: number }) => m.mergedId)).toEqual([b.id]);
      expect((await admin.get(`/api/v1/customers/${loser}/merges`)).body.total).toBe(0);
      expect((await contactsOf(winner)).map((k) => k.id).sort()).toEqual(contactIds.sort());
      expect(await contactsOf(loser)).toEqual([]);
      const survivors = await Promise.all([a.id, c.id].map(async (id) => (await admin.get(`/api/v1/customers/${id}`)).body));
      expect(survivors.map((s) => [s.id, s.version, s.contactCount])).toEqual(
        [a, c].map((s) => (s.id === winner ? [s.id, s.version + 1, 2] : [s.id, s.version, 0])),
      );
      // One customer fewer, counted once.
      expect(await liveTotal()).toBe(totalBefore - 1);
    }
  });

  it('contacts added to B while it is merged all end under the survivor, or are refused', async () => {
    for (let round = 0; round < 3; round++) {
      const a = await create(`合并中加联系人甲${round}有限公司`);
      const b = await create(`合并中加联系人乙${round}有限公司`);
      const add = (i: number) => admin.post('/api/v1/contacts', { customerId: b.id, name: `并发联系人${i}` });
      const [merge, ...adds] = await Promise.all([
        admin.post('/api/v1/customers/merge', { survivorId: a.id, mergedIds: [b.id], version: a.version }),
        ...Array.from({ length: 10 }, (_, i) => add(i)),
      ]);
      expect(merge?.status).toBe(200);
      const created = adds.filter((r) => r.status === 201).map((r) => r.body.id as number);
      for (const refused of adds.filter((r) => r.status !== 201)) expect(refused.status, JSON.stringify(refused.body)).toBe(400);
      expect((await contactsOf(a.id)).map((k) => k.id).sort()).toEqual(created.sort());
      expect((await admin.get(`/api/v1/customers/${a.id}`)).body.contactCount).toBe(created.length);
    }
  });

  it('a merge of a customer already merged away answers 409 and says where it went', async () => {
    const a = await create('先合并甲有限公司');
    const b = await create('先合并乙有限公司');
    const c = await create('先合并丙有限公司');
    expect((await admin.post('/api/v1/customers/merge', { survivorId: a.id, mergedIds: [b.id], version: a.version })).status).toBe(200);
    const late = await admin.post('/api/v1/customers/merge', { survivorId: c.id, mergedIds: [b.id], version: c.version });
    expect(late.status).toBe(409);
    expect(late.body.error.details).toEqual([{ path: 'mergedIds.0', message: expect.stringMatching(/already merged/) }]);
    expect(late.body.error.current).toEqual({ mergedInto: a.id });
    expect((await admin.get(`/api/v1/customers/${c.id}`)).body.version).toBe(c.version);
  });
});
