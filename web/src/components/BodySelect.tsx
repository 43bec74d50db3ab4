import { lang, t } from '../i18n/i18n';
import { useBodies } from './hooks';

interface Props {
  readonly value: string;
  readonly onChange: (bodyId: string) => void;
  /** Offer "all bodies" as the first choice (''). */
  readonly all?: boolean;
  readonly class?: string;
}

/** Chooses one of the elected bodies, named in the page's language. */
export function BodySelect({ value, onChange, all = false, class: className = 'field' }: Props) {
  const bodies = useBodies();
  return (
    <label class={className}>
      <span class="field__label">{t('ledger.body')}</span>
      <select name="body" value={value} onChange={e => onChange(e.currentTarget.value)}>
        {all && <option value="">{t('ledger.all')}</option>}
        {bodies?.map(b => (
          <option key={b.bodyId} value={b.bodyId}>
            {lang() === 'en' ? b.nameEn : b.name}
          </option>
        ))}
      </select>
    </label>
  );
}
