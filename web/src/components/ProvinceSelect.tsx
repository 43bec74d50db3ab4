import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import type { Province } from '../api/types';
import { lang, t } from '../i18n/i18n';

let provinces: Promise<Province[]> | null = null;

/** The 34 provinces and cities, asked for once per page. */
export function useProvinces(): Province[] | null {
  const [list, setList] = useState<Province[] | null>(null);
  useEffect(() => {
    provinces ??= api.provinces().catch(() => {
      provinces = null;
      return [];
    });
    void provinces.then(setList);
  }, []);
  return list;
}

/** A province's name in the page's language; its id while the list loads. */
export function provinceName(list: readonly Province[] | null, provinceId: string | null | undefined): string {
  const found = list?.find(p => p.provinceId === provinceId);
  return found ? (lang() === 'en' ? found.nameEn : found.name) : (provinceId ?? '');
}

/**
 * The province a People's Council sits in, read from its id as the server does ("pc-hue", "pc-hue-thuan-hoa" →
 * hue; the longest match wins); null for the National Assembly.
 */
export function provinceOfBody(list: readonly Province[] | null, bodyId: string): string | null {
  if (!bodyId.startsWith('pc-')) {
    return null;
  }

  const matches = (list ?? []).filter(p => bodyId === `pc-${p.provinceId}` || bodyId.startsWith(`pc-${p.provinceId}-`));
  return matches.sort((a, b) => b.provinceId.length - a.provinceId.length)[0]?.provinceId ?? null;
}

interface Props {
  readonly value: string;
  readonly onChange: (provinceId: string) => void;
  /** The first choice (''): "all" in a filter, "choose one" in a form (which then requires a choice). */
  readonly empty: 'all' | 'choose';
  readonly label?: string;
}

/** Chooses one of the provinces, named in the page's language. */
export function ProvinceSelect({ value, onChange, empty, label }: Props) {
  const list = useProvinces();
  return (
    <label class="field">
      <span class="field__label">{label ?? t('places.province')}</span>
      <select name="province" value={value} required={empty === 'choose'} onChange={e => onChange(e.currentTarget.value)}>
        <option value="">{empty === 'all' ? t('ledger.all') : t('places.choose')}</option>
        {list?.map(p => (
          <option key={p.provinceId} value={p.provinceId}>
            {lang() === 'en' ? p.nameEn : p.name}
          </option>
        ))}
      </select>
    </label>
  );
}
