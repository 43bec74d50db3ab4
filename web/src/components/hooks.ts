import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import type { BodySummary, BodyView } from '../api/types';

/** The current time in ms, refreshed every `intervalMs` while `active`; re-renders only the caller. */
export function useNow(intervalMs: number, active = true): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) {
      return undefined;
    }

    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs, active]);
  return now;
}

let bodies: Promise<BodySummary[]> | null = null;
const bodyViews = new Map<string, Promise<BodyView>>();

/** The bodies (names in both languages), asked for once per page. */
export function useBodies(): BodySummary[] | null {
  const [list, setList] = useState<BodySummary[] | null>(null);
  useEffect(() => {
    bodies ??= api.bodies().catch(() => {
      bodies = null;
      return [];
    });
    void bodies.then(setList);
  }, []);
  return list;
}

/** One body with its members and officials (the deputy console needs the officials to address a slip). */
export function useBodyView(bodyId: string | undefined): BodyView | null {
  const [view, setView] = useState<BodyView | null>(null);
  useEffect(() => {
    if (!bodyId) {
      return;
    }

    let request = bodyViews.get(bodyId);
    if (!request) {
      request = api.body(bodyId);
      bodyViews.set(bodyId, request);
      request.catch(() => bodyViews.delete(bodyId));
    }

    // A body chosen after another: the first body's answer, arriving late, must not replace the second's.
    let current = true;
    void request.then(
      v => current && setView(v),
      () => current && setView(null),
    );
    return () => {
      current = false;
    };
  }, [bodyId]);
  return view;
}
