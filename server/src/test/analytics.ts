import { expect } from 'vitest';
import type { Agent, TestClock } from './harness.js';

/**
 * Start an analytics run as `admin` and wait for it to be done; its id. The clock moves past the
 * minute within which a request gets the run just started, so each call starts a run of its own.
 */
export async function runAnalytics(admin: Agent, clock: TestClock): Promise<number> {
  clock.advance(61_000);
  const started = await admin.post('/api/v1/analytics/runs');
  expect(started.status, JSON.stringify(started.body)).toBe(202);
  for (let i = 0; i < 600; i++) {
    const state = await admin.get(`/api/v1/analytics/runs/${started.body.id}`);
    expect(state.status).toBe(200);
    if (state.body.status === 'done') {
      expect(state.body.progress).toBe(100);
      return started.body.id as number;
    }
    expect(state.body.status, JSON.stringify(state.body)).toBe('running');
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('run did not finish');
}
