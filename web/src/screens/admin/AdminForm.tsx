import { useState } from 'preact/hooks';
import type { CommandAccepted } from '../../api/types';
import { CommandFeedback } from '../../components/CommandFeedback';
import { useCommand } from '../../components/useCommand';
import type { MessageKey } from '../../i18n/i18n';
import { t } from '../../i18n/i18n';

export interface FieldSpec {
  readonly name: string;
  readonly label: MessageKey;
  readonly type?: 'text' | 'date' | 'number';
  readonly required?: boolean;
  /** A choice among these values (value, label); the first is chosen at first. */
  readonly options?: readonly (readonly [string, string])[];
  readonly initial?: string;
  readonly maxLength?: number;
}

export type Values = Readonly<Record<string, string>>;

/**
 * One administrative step as a form: labelled fields, the button, and the outcome in a live region. What was
 * typed stays after a refusal and is cleared once the step is taken.
 */
export function AdminForm(props: {
  readonly id: string;
  readonly heading: MessageKey;
  readonly submit: MessageKey;
  readonly done: MessageKey;
  readonly fields: readonly FieldSpec[];
  readonly action: (values: Values) => Promise<CommandAccepted>;
  readonly onDone: () => void;
}) {
  const initial = () => Object.fromEntries(props.fields.map(f => [f.name, f.initial ?? f.options?.[0]?.[0] ?? '']));
  const [values, setValues] = useState<Record<string, string>>(initial);
  const state = useCommand();
  return (
    <form
      class="form admin-form"
      aria-labelledby={`${props.id}-heading`}
      data-testid={`${props.id}-form`}
      onSubmit={async e => {
        e.preventDefault();
        if (await state.run(t(props.done), () => props.action(values))) {
          setValues(initial());
          props.onDone();
        }
      }}
    >
      <h3 id={`${props.id}-heading`}>{t(props.heading)}</h3>
      <div class="field-grid">
        {props.fields.map(f => (
          <label class="field" key={f.name}>
            <span class="field__label">{t(f.label)}</span>
            {f.options ? (
              <select name={f.name} value={values[f.name]} onChange={e => setValues({ ...values, [f.name]: e.currentTarget.value })}>
                {f.options.map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            ) : (
              <Input spec={f} value={values[f.name] ?? ''} onInput={value => setValues({ ...values, [f.name]: value })} />
            )}
          </label>
        ))}
      </div>
      <button type="submit" class="button" disabled={state.busy}>
        {t(props.submit)}
      </button>
      <CommandFeedback state={state} />
    </form>
  );
}

function Input({ spec, value, onInput }: { readonly spec: FieldSpec; readonly value: string; readonly onInput: (value: string) => void }) {
  const common = { name: spec.name, required: spec.required, value, onInput: (e: Event) => onInput((e.currentTarget as HTMLInputElement).value) };
  if (spec.type === 'date') {
    return <input type="date" {...common} />;
  }

  return spec.type === 'number' ? <input type="number" {...common} /> : <input type="text" maxLength={spec.maxLength ?? 200} {...common} />;
}

/** Empty text as absent. */
export const optional = (value: string | undefined): string | null => (value && value.trim().length > 0 ? value.trim() : null);
