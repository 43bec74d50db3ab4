import type { LiveEvent, SittingResource, SittingView, TranscriptView } from '../../src/api/types';
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
    transcriptSegments: 0,
    commitments: [],
    videoUrl: null,
    version: 0,
    serverTime: '',
  };
}

/** The sitting as the server serves it: its view, and its transcript read by pages up to the view's version. */
export async function servedSitting(url: string, sittingId: string): Promise<SittingView> {
  const resource = (await (await fetch(`${url}/api/sittings/${sittingId}`)).json()) as SittingResource;
  const transcript: TranscriptView[] = [];
  for (;;) {
    const after = transcript.at(-1)?.version ?? 0;
    const page = (await (await fetch(`${url}/api/sittings/${sittingId}/transcript?after=${after}&upTo=${resource.version}&limit=2`)).json()) as TranscriptView[];
    transcript.push(...page);
    if (page.length === 0) {
      return { ...resource, transcript };
    }
  }
}

/**
 * A sitting's whole history as the server serves it, folded from nothing by the web client's fold, beside
 * the state the server computes; both without the server's clock reading, which is not part of the state.
 */
export async function foldedAndServed(url: string, sittingId: string): Promise<{ folded: SittingView; served: SittingView; types: Set<string> }> {
  const events = (await (await fetch(`${url}/api/sittings/${sittingId}/events?after=0`)).json()) as LiveEvent[];
  const served = await servedSitting(url, sittingId);
  const folded = events.reduce((s, e) => ({ ...evolve(s, e), version: e.version }), nothing());
  return { folded: { ...folded, serverTime: '' }, served: { ...served, serverTime: '' }, types: new Set(events.map(e => e.type)) };
}
