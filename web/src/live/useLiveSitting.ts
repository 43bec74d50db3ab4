import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError } from '../api/client';
import type { SittingView, TranscriptView } from '../api/types';
import { clockOffset } from '../time/clock';
import { SittingLink, type LinkStatus } from './connection';
import { hasGap, offer, reload, startFeed, type Feed } from './feed';

export interface LiveSitting {
  readonly sitting: SittingView | null;
  readonly error: ApiError | null;
  readonly link: LinkStatus;
  /** Server clock − this device's clock, in ms: add it to Date.now() for the countdown. */
  readonly offsetMs: number;
}

/** How long an out-of-order event may wait for the ones before it before the view asks again. */
const GAP_PATIENCE_MS = 3000;

async function load(sittingId: string): Promise<{ sitting: SittingView; offsetMs: number }> {
  const sent = Date.now();
  const resource = await api.sitting(sittingId);
  const offsetMs = clockOffset(resource.serverTime, sent, Date.now());
  // The transcript up to the version just loaded, page by page: live events continue from that version.
  const transcript: TranscriptView[] = [];
  for (;;) {
    const after = transcript.at(-1)?.version ?? 0;
    const page = await api.transcript(sittingId, after, resource.version);
    transcript.push(...page);
    if (page.length === 0 || transcript.length >= resource.transcriptSegments) {
      break;
    }
  }

  return { sitting: { ...resource, transcript }, offsetMs };
}

/** A sitting's public view, loaded once and then kept current by its live events. */
export function useLiveSitting(sittingId: string): LiveSitting {
  const [state, setState] = useState<LiveSitting>({ sitting: null, error: null, link: 'connecting', offsetMs: 0 });
  const feed = useRef<Feed | null>(null);

  useEffect(() => {
    let disposed = false;
    let link: SittingLink | null = null;
    let gapTimer: ReturnType<typeof setTimeout> | undefined;
    const publish = (next: Partial<LiveSitting>) => {
      if (!disposed) {
        setState(s => ({ ...s, ...next }));
      }
    };

    const refresh = async () => {
      const loaded = await load(sittingId);
      if (feed.current) {
        feed.current = reload(feed.current, loaded.sitting);
        publish({ sitting: feed.current.sitting, offsetMs: loaded.offsetMs });
      }
    };

    feed.current = null;
    setState({ sitting: null, error: null, link: 'connecting', offsetMs: 0 });
    load(sittingId).then(
      loaded => {
        if (disposed) {
          return;
        }

        feed.current = startFeed(loaded.sitting);
        publish({ sitting: loaded.sitting, offsetMs: loaded.offsetMs });
        link = new SittingLink(sittingId, {
          version: () => feed.current?.sitting.version ?? 0,
          onStatus: status => publish({ link: status }),
          reload: refresh,
          onEvent: event => {
            if (!feed.current) {
              return;
            }

            const { feed: next, outcome } = offer(feed.current, event);
            feed.current = next;
            if (outcome === 'applied') {
              publish({ sitting: next.sitting });
            }

            clearTimeout(gapTimer);
            if (hasGap(next)) {
              gapTimer = setTimeout(() => link?.resync(), GAP_PATIENCE_MS);
            }
          },
        });
        link.start();
      },
      (error: unknown) => publish({ error: error instanceof ApiError ? error : new ApiError(0, { code: 'network' }) }),
    );

    return () => {
      disposed = true;
      clearTimeout(gapTimer);
      link?.stop();
    };
  }, [sittingId]);

  return state;
}
