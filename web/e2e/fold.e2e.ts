/**
 * The web client folds live events with its own copy of the domain's Evolve (src/live/fold.ts). Here
 * every demo sitting's full history, as the server serves it, is folded from nothing and compared with
 * the state the server computes (GET /api/sittings/{id}): the two must agree exactly.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { foldedAndServed } from './harness/fold';
import { startServer, type RunningServer } from './harness/server';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

const demo = {
  scheduled: '0199a000-0000-7000-8000-000000000001',
  past: '0199a000-0000-7000-8000-000000000101',
  live: '0199a000-0000-7000-8000-000000000201',
};

test.each(Object.entries(demo))('the %s demo sitting folds to the server state', async (_, sittingId) => {
  const { folded, served, types } = await foldedAndServed(server.url, sittingId);
  expect(folded).toEqual(served);
  expect(types.size).toBeGreaterThanOrEqual(_ === 'past' ? 13 : 2);
});
