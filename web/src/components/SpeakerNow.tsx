import type { SittingView } from '../api/types';
import { lang, t } from '../i18n/i18n';
import { formatDateTime } from '../time/format';
import { Countdown } from './Countdown';
import { turnKindLabel } from './labels';

interface Props {
  readonly sitting: SittingView;
  readonly offsetMs: number;
  readonly size?: 'normal' | 'large' | 'huge';
  readonly headingLevel?: 2 | 3;
}

/**
 * Who speaks now, in what kind of turn, the question being asked or answered, and the clock. The
 * speaker line is a polite live region (announced when the speaker changes); the clock is not.
 */
export function SpeakerNow({ sitting, offsetMs, size = 'normal', headingLevel = 2 }: Props) {
  const turn = sitting.currentTurn;
  const questions = turn ? sitting.questions.filter(q => turn.questionIds.includes(q.questionId)) : [];
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section class={`panel speaker speaker--${size}`} aria-labelledby="speaker-heading">
      <Heading id="speaker-heading" class="panel__title">
        {t('speaker.title')}
      </Heading>
      <div class="speaker__who" aria-live="polite" aria-atomic="true" data-testid="speaker">
        {turn ? (
          <>
            <span class={`tag tag--${turn.kind}`}>{turnKindLabel(turn.kind)}</span>
            <span class="speaker__name">{turn.speakerName}</span>
          </>
        ) : (
          <span class="speaker__idle">{idle(sitting)}</span>
        )}
      </div>
      {turn && <Countdown turn={turn} offsetMs={offsetMs} size={size} />}
      {questions.map(q => (
        <figure class="speaker__question" key={q.questionId} data-question-id={q.questionId}>
          <blockquote>{q.text}</blockquote>
          <figcaption>
            {t('speaker.askedBy', { name: q.deputyName })} · {t('speaker.to', { name: q.respondent.name, office: q.respondent.office })}
          </figcaption>
        </figure>
      ))}
    </section>
  );
}

function idle(sitting: SittingView): string {
  if (sitting.status === 'closed') {
    return t('speaker.sittingClosed');
  }

  if (sitting.status === 'open') {
    return t('speaker.nobody');
  }

  return t('speaker.notStarted', { time: formatDateTime(sitting.startsAt, lang()) });
}
