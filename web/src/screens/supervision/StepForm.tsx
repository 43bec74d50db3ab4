import type { ComponentChildren } from 'preact';
import type { CommandAccepted, SupervisionTopicView } from '../../api/types';
import { CommandFeedback } from '../../components/CommandFeedback';
import { useCommand } from '../../components/useCommand';
import { t } from '../../i18n/i18n';

export interface FormProps {
  readonly topic: SupervisionTopicView;
  readonly onDone: () => Promise<void>;
}

export const lines = (text: string) =>
  text
    .split('\n')
    .map(l => l.trim())
    .filter(l => l.length > 0);

/**
 * One step's form: its heading, its fields, the button and the outcome in a live region. What was typed
 * stays after a refusal; `reset` clears it once the step is taken.
 */
export function StepForm(props: {
  readonly id: string;
  readonly title: string;
  readonly submit: string;
  readonly done: string;
  readonly action: () => Promise<CommandAccepted>;
  readonly onDone: () => Promise<void>;
  readonly reset?: () => void;
  readonly children: ComponentChildren;
  readonly disabled?: boolean;
}) {
  const state = useCommand();
  return (
    <form
      class="form supervision-form"
      aria-labelledby={`${props.id}-form-heading`}
      data-testid={`${props.id}-form`}
      onSubmit={async e => {
        e.preventDefault();
        if (await state.run(props.done, props.action)) {
          props.reset?.();
          await props.onDone();
        }
      }}
    >
      <h3 id={`${props.id}-form-heading`}>{props.title}</h3>
      {props.children}
      <button type="submit" class="button" disabled={state.busy || props.disabled}>
        {props.submit}
      </button>
      <CommandFeedback state={state} />
    </form>
  );
}

export function AgencyChoice(props: { readonly topic: SupervisionTopicView; readonly agencies?: readonly string[]; readonly value: string; readonly onChange: (v: string) => void }) {
  const choices = props.topic.supervised.filter(a => !props.agencies || props.agencies.includes(a.agencyId));
  return (
    <label class="field">
      <span class="field__label">{t('supervision.agency')}</span>
      <select name="agencyId" required value={props.value} onChange={e => props.onChange(e.currentTarget.value)}>
        {choices.map(a => (
          <option key={a.agencyId} value={a.agencyId}>
            {a.agencyName}
          </option>
        ))}
      </select>
    </label>
  );
}
