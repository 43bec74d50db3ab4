import { afterEach, describe, expect, test, vi } from 'vitest';
import type { JoinReply, LiveEvent } from '../src/api/types';
import { SittingLink, type LinkStatus } from '../src/live/connection';
import { floorEvents, SITTING } from './fixtures';

type Handler = (...args: never[]) => void;

/** A stand-in for @microsoft/signalr's HubConnection: records what the link does, lets the test play the server. */
class FakeConnection {
  state = 'Disconnected';
  readonly joins: [string, number][] = [];
  readonly handlers = new Map<string, Handler>();
  replies: JoinReply[] = [];
  start = vi.fn(async () => {
    this.state = 'Connected';
  });
  stop = vi.fn(async () => {
    this.state = 'Disconnected';
  });
  invoke = vi.fn(async (_method: string, sittingId: string, version: number) => {
    this.joins.push([sittingId, version]);
    return this.replies.shift() ?? { outcome: 'joined', version, caughtUp: 0 };
  });
  on(name: string, handler: Handler) {
    this.handlers.set(name, handler);
  }
  onreconnecting(handler: Handler) {
    this.handlers.set('reconnecting', handler);
  }
  onreconnected(handler: Handler) {
    this.handlers.set('reconnected', handler);
  }
  onclose(handler: Handler) {
    this.handlers.set('close', handler);
  }
  fire(name: string, ...args: unknown[]) {
    (this.handlers.get(name) as ((...a: unknown[]) => void) | undefined)?.(...args);
  }
}

const fake = vi.hoisted(() => ({ connection: null as unknown }));

vi.mock('@microsoft/signalr', () => {
  class HubConnectionBuilder {
    withUrl() {
      return this;
    }
    withAutomaticReconnect() {
      return this;
    }
    configureLogging() {
      return this;
    }
    build() {
      return fake.connection;
    }
  }

  return { HubConnectionBuilder, HubConnectionState: { Connected: 'Connected', Disconnected: 'Disconnected' }, LogLevel: { None: 6 } };
});

function link(version: { current: number }, reload = vi.fn(async (): Promise<void> => undefined)) {
  const connection = new FakeConnection();
  fake.connection = connection;
  const statuses: LinkStatus[] = [];
  const events: LiveEvent[] = [];
  const sittingLink = new SittingLink(SITTING, {
    version: () => version.current,
    onStatus: s => statuses.push(s),
    onEvent: e => events.push(e),
    reload,
  });
  return { connection, sittingLink, statuses, events, reload };
}

const settle = () => new Promise(r => setTimeout(r, 0));

afterEach(() => {
  vi.useRealTimers();
});

describe('SittingLink', () => {
  test('joins from the version the view has, and is live when joined', async () => {
    const { connection, sittingLink, statuses } = link({ current: 5 });
    sittingLink.start();
    await settle();
    expect(connection.joins).toEqual([[SITTING, 5]]);
    expect(connection.invoke.mock.calls[0]?.[0]).toBe('Join');
    expect(statuses).toEqual(['connecting', 'live']);
  });

  test('after a drop it says so, and rejoins from the last version applied', async () => {
    const version = { current: 5 };
    const { connection, sittingLink, statuses } = link(version);
    sittingLink.start();
    await settle();
    connection.fire('reconnecting');
    version.current = 9;
    connection.fire('reconnected');
    await settle();
    expect(statuses).toEqual(['connecting', 'live', 'reconnecting', 'live']);
    expect(connection.joins).toEqual([
      [SITTING, 5],
      [SITTING, 9],
    ]);
  });

  test('a sitting the server does not know is unavailable, and the link stops asking', async () => {
    vi.useFakeTimers();
    const { connection, sittingLink, statuses } = link({ current: 0 });
    connection.replies = [{ outcome: 'notFound', version: 0, caughtUp: 0, detail: 'There is no such sitting.' }];
    sittingLink.start();
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(5000);
    expect(statuses).toEqual(['connecting', 'unavailable']);
    expect(connection.joins).toHaveLength(1);
  });

  test('too far behind: reloads the state, then joins from its version', async () => {
    const version = { current: 2 };
    const reload = vi.fn(async (): Promise<void> => {
      version.current = 40;
    });
    const { connection, sittingLink } = link(version, reload);
    connection.replies = [{ outcome: 'reloadRequired', version: 40, caughtUp: 0 }];
    sittingLink.start();
    await settle();
    await settle();
    expect(reload).toHaveBeenCalledOnce();
    expect(connection.joins).toEqual([
      [SITTING, 2],
      [SITTING, 40],
    ]);
  });

  test('passes on its own sitting’s events only', async () => {
    const { connection, sittingLink, events } = link({ current: 2 });
    sittingLink.start();
    await settle();
    const [mine] = floorEvents();
    connection.fire('event', mine);
    connection.fire('event', { ...mine, sittingId: 'another-sitting' });
    expect(events).toEqual([mine]);
  });

  test('a first connection that fails is retried until it succeeds', async () => {
    vi.useFakeTimers();
    const { connection, sittingLink, statuses } = link({ current: 3 });
    connection.start.mockRejectedValueOnce(new Error('offline'));
    sittingLink.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(statuses).toEqual(['connecting', 'reconnecting']);
    await vi.advanceTimersByTimeAsync(2000);
    expect(connection.joins).toEqual([[SITTING, 3]]);
    expect(statuses.at(-1)).toBe('live');
    sittingLink.stop();
  });
});
