import { useState } from 'preact/hooks';
import { command } from '../../api/client';
import type { SittingView } from '../../api/types';
import { CommandFeedback } from '../../components/CommandFeedback';
import { useCommand } from '../../components/useCommand';
import { t } from '../../i18n/i18n';
import { instantToVietnamLocal, vietnamLocalToInstant } from '../../time/vietnamLocal';
import { StartField } from './StartField';

/** Moves a sitting that has not opened to another start (Hanoi time), with the reason its public history shows. */
export function RescheduleForm({ sitting }: { readonly sitting: SittingView }) {
  const state = useCommand();
  const [startsAt, setStartsAt] = useState(() => instantToVietnamLocal(sitting.startsAt));
  const [reason, setReason] = useState('');
  const [badStart, setBadStart] = useState(false);
  return (
    <section class="panel" aria-labelledby="reschedule-heading">
      <h2 id="reschedule-heading" class="panel__title">
        {t('schedule.reschedule')}
      </h2>
      <form
        class="form"
        aria-busy={state.busy}
        data-testid="reschedule-form"
        onSubmit={async e => {
          e.preventDefault();
          const instant = vietnamLocalToInstant(startsAt);
          setBadStart(!instant);
          if (instant && (await state.run(t('schedule.rescheduled'), () => command('/api/sittings/{sittingId}/reschedule', { sittingId: sitting.sittingId }, { startsAt: instant, reason: reason.trim() })))) {
            setReason('');
          }
        }}
      >
        <StartField id="reschedule-starts" value={startsAt} invalid={badStart} onInput={setStartsAt} />
        <label class="field">
          <span class="field__label">{t('schedule.reason')}</span>
          <input name="reason" type="text" required maxLength={300} value={reason} onInput={e => setReason(e.currentTarget.value)} />
        </label>
        <button type="submit" class="button button--secondary" disabled={state.busy}>
          {t('schedule.rescheduleSubmit')}
        </button>
        <CommandFeedback state={state} />
      </form>
    </section>
  );
}
