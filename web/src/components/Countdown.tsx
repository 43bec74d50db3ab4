import type { TurnState } from '../api/types';
import { t } from '../i18n/i18n';
import { countdown, parseTimeSpan, timerStage } from '../time/clock';
import { useNow } from './hooks';

interface Props {
  readonly turn: TurnState;
  /** Server clock − device clock. */
  readonly offsetMs: number;
  readonly size?: 'normal' | 'large' | 'huge';
}

/**
 * The running turn's clock, drawn from the server's start time and limit. Counts down, then counts the
 * overrun up ("+0:25") in the overrun style. Screen readers hear it only at a few moments (30 s and
 * 10 s left, time up, each minute over), not every second.
 */
export function Countdown({ turn, offsetMs, size = 'normal' }: Props) {
  const now = useNow(250);
  const limitMs = parseTimeSpan(turn.limit);
  const c = countdown(Date.parse(turn.startedAt), limitMs, now + offsetMs);
  const stage = timerStage(c, limitMs);
  return (
    <div class={`countdown countdown--${size}${c.over ? ' countdown--over' : ''}`} data-testid="countdown" data-over={c.over ? 'true' : 'false'}>
      <span class="countdown__label">{c.over ? t('timer.overrun') : t('timer.remaining')}</span>
      <span class="countdown__value" role="timer" aria-live="off" aria-label={c.over ? t('timer.overrunFor', { time: c.text.slice(1) }) : t('timer.left', { time: c.text })}>
        {c.text}
      </span>
      <span class="visually-hidden" aria-live="polite">
        {announcement(stage)}
      </span>
    </div>
  );
}

function announcement(stage: string): string {
  if (stage === 'start') {
    return '';
  }

  if (stage === '30' || stage === '10') {
    return t('timer.secondsLeft', { seconds: stage });
  }

  if (stage === 'over') {
    return t('timer.timeUp');
  }

  return t('timer.minutesOver', { minutes: stage.slice('over-'.length) });
}
