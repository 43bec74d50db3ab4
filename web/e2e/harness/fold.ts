import type { LiveEvent, SittingView } from '../../src/api/types';
import { evolve } from '../../src/live/fold';

/** A view before its first event; sitting_scheduled fills it in. */
function nothing(): SittingView {
  return {
    sittingId: '',
    bodyId: '',
    title: '',
    startsAt: '',
    status: 'none',
    openedAt: null,
    closedAt: null,
    // Not set until sitting_scheduled, which every stream starts with.
    rules: null as unknown as SittingView['rules'],
    clusters: [],
    openClusterId: null,
    questions: [],
    registrations: [],
    currentTurn: null,
    turns: [],
    transcript: [],
    commitments: [],
    videoUrl: null,
    version: 0,
    serverTime: '',
  };
}

/**
 * A sitting's whole history as the server serves it, folded from nothing by the web client's fold, beside
 * the state the server computes; both without the server's clock reading, which is not part of the state.
 */
export async function foldedAndServed(url: string, sittingId: string): Promise<{ folded: SittingView; served: SittingView; types: Set<string> }> {
  const events = (await (await fetch(`${url}/api/sittings/${sittingId}/events?after=0`)).json()) as LiveEvent[];
  const served = (await (await fetch(`${url}/api/sittings/${sittingId}`)).json()) as SittingView;
  const folded = events.reduce((s, e) => ({ ...evolve(s, e), version: e.version }), nothing());
  return { folded: { ...folded, serverTime: '' }, served: { ...served, serverTime: '' }, types: new Set(events.map(e => e.type)) };
}
