import type { BodyView } from '../api/types';
import { lang, t } from '../i18n/i18n';
import { formatDay, vietnamDayPlus } from '../time/format';

interface Props {
  readonly body: BodyView | null;
  /** '' for a date; otherwise the number of the session before which the commitment is kept. */
  readonly value: string;
  readonly onChange: (value: string) => void;
}

/** How a deadline is put: a date, or "before session N" for each of the body's sessions still to open. */
export function DeadlineKind({ body, value, onChange }: Props) {
  const today = vietnamDayPlus(0);
  const sessions = (body?.sessions ?? []).filter(s => s.opensOn > today);
  return (
    <label class="field">
      <span class="field__label">{t('chair.commitmentDeadlineKind')}</span>
      <select name="deadlineKind" value={value} onChange={e => onChange(e.currentTarget.value)}>
        <option value="">{t('chair.deadlineDate')}</option>
        {sessions.map(s => (
          <option key={s.number} value={String(s.number)}>
            {t('commitments.beforeSession', { number: s.number })} ({formatDay(s.opensOn, lang())})
          </option>
        ))}
      </select>
    </label>
  );
}
