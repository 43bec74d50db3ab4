import type { LiveEvent, SittingView } from '../api/types';
import { evolve } from './fold';

/**
 * A sitting's view and the events not yet applied. Events are applied strictly in version order:
 * one already applied is ignored (a reconnect may resend it), one that skips ahead waits until the
 * missing versions arrive, and a reload replaces the view and keeps only what is newer.
 */
export interface Feed {
  readonly sitting: SittingView;
  /** Events ahead of the view, by version, waiting for the ones before them. */
  readonly pending: ReadonlyMap<number, LiveEvent>;
}

export type Offered = 'applied' | 'duplicate' | 'gap';

export function startFeed(sitting: SittingView): Feed {
  return { sitting, pending: new Map() };
}

export function offer(feed: Feed, event: LiveEvent): { feed: Feed; outcome: Offered } {
  if (event.version <= feed.sitting.version || feed.pending.has(event.version)) {
    return { feed, outcome: 'duplicate' };
  }

  if (event.version > feed.sitting.version + 1) {
    const pending = new Map(feed.pending);
    pending.set(event.version, event);
    return { feed: { ...feed, pending }, outcome: 'gap' };
  }

  return { feed: drain(apply(feed.sitting, event), feed.pending), outcome: 'applied' };
}

/** Replaces the view with a freshly loaded one (version V); pending events after V still apply. */
export function reload(feed: Feed, sitting: SittingView): Feed {
  if (sitting.version < feed.sitting.version) {
    return feed;
  }

  return drain(sitting, feed.pending);
}

/** True while an event is waiting for an earlier one: the client should reload if it persists. */
export function hasGap(feed: Feed): boolean {
  return feed.pending.size > 0;
}

function apply(sitting: SittingView, event: LiveEvent): SittingView {
  return { ...evolve(sitting, event), version: event.version };
}

function drain(sitting: SittingView, pending: ReadonlyMap<number, LiveEvent>): Feed {
  let current = sitting;
  const rest = new Map<number, LiveEvent>();
  for (const [version, event] of pending) {
    if (version > current.version) {
      rest.set(version, event);
    }
  }

  for (let next = rest.get(current.version + 1); next; next = rest.get(current.version + 1)) {
    rest.delete(next.version);
    current = apply(current, next);
  }

  return { sitting: current, pending: rest };
}
