import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { api, ApiError, command, retryDelaysMs } from '../src/api/client';

/** What the page sent, attempt by attempt; the test plays the network with `answers`. */
let sent: { url: string; method: string; key: string | null }[];
let answers: (() => Promise<Response>)[];

const accepted = () => Promise.resolve(new Response(JSON.stringify({ version: 12, id: null }), { status: 200 }));
const dropped = () => Promise.reject(new TypeError('Failed to fetch'));
const problem = (status: number, code: string) => () => Promise.resolve(new Response(JSON.stringify({ title: 'Từ chối', code }), { status }));

beforeEach(() => {
  sent = [];
  answers = [];
  vi.useFakeTimers();
  vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
    const headers = init.headers as Record<string, string>;
    sent.push({ url, method: init.method ?? 'GET', key: headers['Idempotency-Key'] ?? null });
    const next = answers.shift();
    return next ? next() : Promise.reject(new Error('No answer planned for this request.'));
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

/** Runs the call to its end, letting the retry pauses elapse. */
async function settle<T>(call: Promise<T>): Promise<T> {
  const outcome = call.then(
    value => ({ value }),
    (error: unknown) => ({ error }),
  );
  await vi.runAllTimersAsync();
  const result = await outcome;
  if ('error' in result) {
    throw result.error;
  }

  return result.value;
}

const fileQuestion = () =>
  command('/api/sittings/{sittingId}/questions', { sittingId: 's-1' }, { clusterId: null, respondentId: 'na-o-health', text: 'Thuốc đấu thầu tập trung?' });

describe('commands', () => {
  test('each command carries its own Idempotency-Key; reading carries none', async () => {
    answers.push(accepted, accepted, () => Promise.resolve(new Response('[]', { status: 200 })));
    await settle(fileQuestion());
    await settle(fileQuestion());
    await settle(api.sittings());

    expect(sent.map(s => s.method)).toEqual(['POST', 'POST', 'GET']);
    expect(sent[0]!.key).toMatch(/^[0-9a-f]{32}$/);
    expect(sent[1]!.key).toMatch(/^[0-9a-f]{32}$/);
    expect(sent[1]!.key).not.toBe(sent[0]!.key);
    expect(sent[2]!.key).toBeNull();
  });

  test('a command whose answer was lost is sent again with the same key, and succeeds', async () => {
    answers.push(dropped, dropped, accepted);

    const reply = await settle(fileQuestion());

    expect(reply.version).toBe(12);
    expect(sent).toHaveLength(3);
    expect(new Set(sent.map(s => s.key)).size).toBe(1);
  });

  test('a busy sitting or a gateway error is retried with the same key', async () => {
    answers.push(problem(503, 'sitting_busy'), problem(502, 'gateway'), accepted);

    await settle(fileQuestion());

    expect(sent).toHaveLength(3);
    expect(new Set(sent.map(s => s.key)).size).toBe(1);
  });

  test('retries are bounded: after the last one the failure is a network error', async () => {
    answers.push(...Array.from({ length: 10 }, () => dropped));

    const failure = await settle(fileQuestion()).catch((e: unknown) => e);

    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).status).toBe(0);
    expect(sent).toHaveLength(retryDelaysMs.length + 1);
  });

  test('the pauses between attempts grow', async () => {
    answers.push(dropped, dropped, accepted);
    const call = fileQuestion();
    await vi.advanceTimersByTimeAsync(retryDelaysMs[0]! - 1);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(retryDelaysMs[1]! - 1);
    expect(sent).toHaveLength(2);
    await settle(call);
    expect(sent).toHaveLength(3);
  });

  test('a refusal is final: it is not retried', async () => {
    answers.push(problem(409, 'cluster_closed'), accepted);

    const failure = await settle(fileQuestion()).catch((e: unknown) => e);

    expect((failure as ApiError).code).toBe('cluster_closed');
    expect(sent).toHaveLength(1);
  });

  test("a filing's own key is kept through its retries", async () => {
    answers.push(dropped, () => Promise.resolve(new Response('{}', { status: 200 })));

    await settle(api.fileExplanation({} as Parameters<typeof api.fileExplanation>[0], 'khoa-cua-nguoi-nop'));

    expect(sent.map(s => s.key)).toEqual(['khoa-cua-nguoi-nop', 'khoa-cua-nguoi-nop']);
  });

  test('a reading that fails is not retried behind the screen', async () => {
    answers.push(dropped, accepted);

    const failure = await settle(api.sittings()).catch((e: unknown) => e);

    expect((failure as ApiError).status).toBe(0);
    expect(sent).toHaveLength(1);
  });
});
