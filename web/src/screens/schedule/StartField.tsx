import { lang, t } from '../../i18n/i18n';
import { formatDateTime } from '../../time/format';
import { vietnamLocalToInstant } from '../../time/vietnamLocal';

/** A sitting's start, entered on Hanoi's clock, read back in words under the field so a slip of the hour shows. */
export function StartField(props: { readonly id: string; readonly value: string; readonly invalid: boolean; readonly onInput: (value: string) => void }) {
  const start = vietnamLocalToInstant(props.value);
  const hint = `${props.id}-hint`;
  return (
    <label class="field">
      <span class="field__label">{t('schedule.startsAt')}</span>
      <input
        name="startsAt"
        type="datetime-local"
        required
        aria-describedby={hint}
        aria-invalid={props.invalid}
        value={props.value}
        onInput={e => props.onInput(e.currentTarget.value)}
      />
      <span class="field__hint" id={hint} data-testid={hint}>
        {start ? t('schedule.startsHint', { when: formatDateTime(start, lang()) }) : t('schedule.startsInvalid')}
      </span>
    </label>
  );
}
