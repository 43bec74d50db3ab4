import type { SittingView } from '../api/types';
import { lang, t } from '../i18n/i18n';
import { formatTime } from '../time/format';

/**
 * The published transcript, newest last. Each segment's HTML was rendered from Markdown and sanitized
 * by the server (Markdig, raw HTML off, unsafe links dropped); it is inserted as given and never built
 * here from untrusted text.
 */
export function Transcript({ sitting }: { readonly sitting: SittingView }) {
  return (
    <section class="panel" aria-labelledby="transcript-heading">
      <h2 id="transcript-heading" class="panel__title">
        {t('transcript.title')}
      </h2>
      {sitting.transcript.length === 0 ? (
        <p class="muted">{t('transcript.empty')}</p>
      ) : (
        <div role="log" aria-live="polite">
          <ol class="transcript" data-testid="transcript">
          {sitting.transcript.map(s => (
            <li key={s.segmentId} id={`segment-${s.segmentId}`} class="transcript__segment">
              <p class="transcript__meta">
                <strong>{s.speakerName}</strong> · <time dateTime={s.at}>{formatTime(s.at, lang())}</time>
              </p>
              <div class="transcript__text prose" dangerouslySetInnerHTML={{ __html: s.html }} />
            </li>
          ))}
          </ol>
        </div>
      )}
    </section>
  );
}
