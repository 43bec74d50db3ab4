import type { BodyView } from '../api/types';
import { lang } from '../i18n/i18n';

interface Props {
  readonly body: BodyView | null;
  readonly label: string;
  readonly value: string;
  readonly onChange: (agencyId: string) => void;
}

/** One of the body's registered agencies, named in the page's language: the one owner of a commitment. */
export function AgencySelect({ body, label, value, onChange }: Props) {
  return (
    <label class="field">
      <span class="field__label">{label}</span>
      <select name="agencyId" required value={value} onChange={e => onChange(e.currentTarget.value)}>
        {body?.agencies.map(a => (
          <option key={a.agencyId} value={a.agencyId}>
            {lang() === 'en' && a.nameEn ? a.nameEn : a.name}
          </option>
        ))}
      </select>
    </label>
  );
}
