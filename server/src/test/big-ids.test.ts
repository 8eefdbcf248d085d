import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from './harness.js';

/**
 * Ids beyond a 32-bit integer cannot name a record on either engine (PostgreSQL's integer columns
 * refuse them): they are bad input, answered 400 or 404, never a 500.
 */
let t: TestApp;
let admin: Agent;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login();
});
afterAll(() => t.close());

const huge = '99999999999';
const paths = [
  `/api/v1/customers/${huge}`,
  `/api/v1/leads/${huge}`,
  `/api/v1/opportunities/${huge}`,
  `/api/v1/opportunities/board?pipelineId=${huge}`,
  `/api/v1/opportunities?customerId=${huge}`,
  `/api/v1/opportunities?amountMin=1e30`,
  `/api/v1/forecast?from=2026-01&to=2026-03&departmentId=${huge}`,
  `/api/v1/leads?ownerId=${huge}`,
  `/api/v1/customers?ownerId=${huge}`,
];

describe('ids beyond the integer range', () => {
  for (const path of paths) {
    it(`GET ${path} is refused, not a server error`, async () => {
      const res = await admin.get(path);
      expect([400, 404]).toContain(res.status);
    });
  }

  it('a body naming a huge id gets a field-level 400', async () => {
    const res = await admin.post('/api/v1/opportunities', { name: 'x', customerId: Number(huge), amount: 1, expectedCloseDate: '2026-12-31' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain('customerId');
  });
});
