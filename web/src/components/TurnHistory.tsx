import type { SittingView } from '../api/types';
import { lang, t } from '../i18n/i18n';
import { formatDuration, parseTimeSpan } from '../time/clock';
import { formatTime } from '../time/format';
import { turnKindLabel } from './labels';

/** Finished turns, latest first, each with its length and any overrun: overruns are on the record, not hidden. */
export function TurnHistory({ sitting, limit = 12 }: { readonly sitting: SittingView; readonly limit?: number }) {
  const turns = [...sitting.turns].reverse().slice(0, limit);
  return (
    <section class="panel" aria-labelledby="turns-heading">
      <h2 id="turns-heading" class="panel__title">
        {t('turns.title')}
      </h2>
      {turns.length === 0 ? (
        <p class="muted">{t('turns.empty')}</p>
      ) : (
        <ol class="turns" data-testid="turns">
          {turns.map(turn => {
            const overrun = turn.overrun ? parseTimeSpan(turn.overrun) : 0;
            return (
              <li key={turn.turnId} id={`turn-${turn.turnId}`} class="turns__item">
                <span class="turns__time">
                  <time dateTime={turn.startedAt}>{formatTime(turn.startedAt, lang())}</time>
                </span>
                <span class="turns__who">
                  <span class={`tag tag--${turn.kind}`}>{turnKindLabel(turn.kind)}</span> {turn.speakerName}
                </span>
                <span class="turns__length">
                  {turn.duration ? formatDuration(parseTimeSpan(turn.duration)) : ''}
                  {overrun >= 1000 && (
                    <strong class="overrun" data-testid="overrun">
                      {' '}
                      {t('turns.overrun', { time: formatDuration(overrun) })}
                    </strong>
                  )}
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
