import { useRef, useState } from 'preact/hooks';
import type { CommandAccepted } from '../../api/types';
import { CommandFeedback } from '../../components/CommandFeedback';
import { useCommand } from '../../components/useCommand';
import type { MessageKey } from '../../i18n/i18n';
import { t } from '../../i18n/i18n';

export interface Departure {
  readonly personId: string;
  readonly reason: string;
  /** The day it takes effect (YYYY-MM-DD); null for today. */
  readonly on: string | null;
}

/**
 * A member leaving or an official relieved: whom, why (public) and from when, then a confirm step that says what
 * will happen (the role acting for them is revoked; what they did stays) before anything is sent.
 */
export function DepartureForm(props: {
  readonly id: string;
  readonly heading: MessageKey;
  readonly confirmText: MessageKey;
  readonly done: MessageKey;
  /** Who may leave now: (id, name). */
  readonly people: readonly (readonly [string, string])[];
  readonly action: (departure: Departure) => Promise<CommandAccepted>;
  readonly onDone: () => void;
}) {
  const [personId, setPersonId] = useState(props.people[0]?.[0] ?? '');
  const [reason, setReason] = useState('');
  const [on, setOn] = useState('');
  const [confirming, setConfirming] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const state = useCommand(confirming ? 'confirm' : 'edit');
  const chosen = props.people.find(p => p[0] === personId) ?? props.people[0];
  if (!chosen) {
    return null;
  }

  const confirm = async () => {
    if (await state.run(t(props.done), () => props.action({ personId: chosen[0], reason: reason.trim(), on: on || null }))) {
      setReason('');
      setOn('');
      setConfirming(false);
      props.onDone();
    }
  };
  return (
    <form
      class="form admin-form"
      aria-labelledby={`${props.id}-heading`}
      data-testid={`${props.id}-form`}
      onSubmit={e => {
        e.preventDefault();
        if (confirming) {
          void confirm();
          return;
        }

        setConfirming(true);
        // The question replaces the button that was pressed: take the focus to its answer.
        queueMicrotask(() => confirmButton.current?.focus());
      }}
    >
      <h3 id={`${props.id}-heading`}>{t(props.heading)}</h3>
      <fieldset class="field-grid" disabled={confirming}>
        <label class="field">
          <span class="field__label">{t('admin.departure.person')}</span>
          <select name="personId" value={chosen[0]} onChange={e => setPersonId(e.currentTarget.value)}>
            {props.people.map(([id, name]) => (
              <option key={id} value={id}>
                {name} ({id})
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span class="field__label">{t('admin.departure.reason')}</span>
          <input name="reason" required maxLength={500} value={reason} onInput={e => setReason(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span class="field__label">{t('admin.departure.on')}</span>
          <input type="date" name="on" value={on} onInput={e => setOn(e.currentTarget.value)} />
        </label>
      </fieldset>
      {confirming ? (
        <div class="admin__confirm" role="group" aria-labelledby={`${props.id}-question`}>
          <p id={`${props.id}-question`} data-testid={`${props.id}-question`}>
            {t(props.confirmText, { name: chosen[1], date: on || t('admin.departure.today'), reason: reason.trim() })}
          </p>
          <button type="submit" class="button button--danger" ref={confirmButton} disabled={state.busy}>
            {t('admin.departure.confirm')}
          </button>{' '}
          <button type="button" class="button button--secondary" disabled={state.busy} onClick={() => setConfirming(false)}>
            {t('admin.departure.back')}
          </button>
        </div>
      ) : (
        <button type="submit" class="button">
          {t('admin.departure.continue')}
        </button>
      )}
      <CommandFeedback state={state} />
    </form>
  );
}
