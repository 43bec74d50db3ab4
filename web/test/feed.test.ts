import { describe, expect, test } from 'vitest';
import { hasGap, offer, reload, startFeed, type Feed } from '../src/live/feed';
import { floorEvents, scheduledSitting } from './fixtures';

const events = floorEvents(); // versions 3..12
const at = (version: number) => events.find(e => e.version === version)!;

function offerAll(feed: Feed, versions: number[]) {
  const outcomes: string[] = [];
  for (const v of versions) {
    const result = offer(feed, at(v));
    feed = result.feed;
    outcomes.push(result.outcome);
  }

  return { feed, outcomes };
}

describe('feed', () => {
  test('applies events in version order', () => {
    const { feed, outcomes } = offerAll(startFeed(scheduledSitting()), [3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(outcomes.every(o => o === 'applied')).toBe(true);
    expect(feed.sitting.version).toBe(12);
    expect(feed.sitting.commitments).toHaveLength(1);
  });

  test('ignores a version already applied (a reconnect may send it again)', () => {
    const { feed, outcomes } = offerAll(startFeed(scheduledSitting()), [3, 4, 4, 3, 5, 11 - 6]);
    expect(outcomes).toEqual(['applied', 'applied', 'duplicate', 'duplicate', 'applied', 'duplicate']);
    expect(feed.sitting.version).toBe(5);
    expect(feed.sitting.registrations).toHaveLength(1);
  });

  test('holds an event that skips ahead until the missing ones arrive, then applies all in order', () => {
    const { feed, outcomes } = offerAll(startFeed(scheduledSitting()), [3, 6, 5, 4]);
    expect(outcomes).toEqual(['applied', 'gap', 'gap', 'applied']);
    expect(hasGap(feed)).toBe(false);
    expect(feed.sitting.version).toBe(6);
    expect(feed.sitting.registrations[0]?.status).toBe('called');
  });

  test('a held event offered again is a duplicate, not a second copy', () => {
    const { feed, outcomes } = offerAll(startFeed(scheduledSitting()), [5, 5]);
    expect(outcomes).toEqual(['gap', 'duplicate']);
    expect(hasGap(feed)).toBe(true);
    expect(feed.pending.size).toBe(1);
  });

  test('a reload replaces the view and keeps only newer held events', () => {
    const gappy = offerAll(startFeed(scheduledSitting()), [4, 6]).feed;
    const loaded = offerAll(startFeed(scheduledSitting()), [3, 4, 5]).feed.sitting;
    const next = reload(gappy, loaded);
    expect(next.sitting.version).toBe(6);
    expect(hasGap(next)).toBe(false);
    expect(next.sitting.registrations[0]?.status).toBe('called');
  });

  test('a reload older than the view is ignored', () => {
    const ahead = offerAll(startFeed(scheduledSitting()), [3, 4, 5]).feed;
    expect(reload(ahead, scheduledSitting())).toBe(ahead);
  });
});
