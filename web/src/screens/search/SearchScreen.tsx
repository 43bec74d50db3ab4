import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client';
import type { SearchHit, SearchKind, SearchPage } from '../../api/types';
import type { ScreenProps } from '../../app/App';
import { Link, navigate, paths } from '../../app/router';
import { BodySelect } from '../../components/BodySelect';
import { useBodies } from '../../components/hooks';
import { ProblemMessage } from '../../components/ProblemMessage';
import { ProvinceSelect, provinceName, useProvinces } from '../../components/ProvinceSelect';
import { lang, t } from '../../i18n/i18n';
import { formatDate } from '../../time/format';
import { useTitle } from '../useTitle';
import { fieldLabel, kindLabel, petitionFields, searchKinds } from '../petitions/labels';
import './search.css';

const PAGE = 20;

const FILTERS = ['q', 'kind', 'body', 'province', 'field'] as const;
type Filter = (typeof FILTERS)[number];

function readFilters(query: string): Record<Filter, string> {
  const params = new URLSearchParams(query);
  return Object.fromEntries(FILTERS.map(f => [f, params.get(f) ?? ''])) as Record<Filter, string>;
}

function toQuery(filters: Record<Filter, string>): string {
  const params = new URLSearchParams();
  FILTERS.forEach(f => filters[f].trim() && params.set(f, filters[f].trim()));
  return params.toString();
}

/** The search index spells a field as the server's enum name ("SocialWelfare"); the page's address keeps the API's "socialWelfare". */
const indexField = (field: string) => field.charAt(0).toUpperCase() + field.slice(1);

/**
 * Folds text as the server's search does (SearchText.Fold): marks removed, đ → d, lower case, letters and digits
 * only; so "dat dai" typed without marks finds and highlights "đất đai".
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Where a hit is read in full: its own page, or the sitting a question or an answer belongs to. */
export function hitHref(hit: Pick<SearchHit, 'kind' | 'id' | 'parentId'>): string | null {
  switch (hit.kind) {
    case 'petition':
      return paths.petition(hit.id);
    case 'question':
    case 'answer':
      return hit.parentId ? paths.sitting('watch', hit.parentId) : null;
    case 'commitment':
      return paths.commitment(hit.id);
    case 'explanation':
      return `/explanations/${hit.id}`;
    case 'supervision':
      // A finding is read on its topic's page.
      return `/supervision/${hit.parentId ?? hit.id}`;
    default:
      return null;
  }
}

/**
 * One search over petitions, questions, answers, commitments, published explanations and supervision topics, in
 * Vietnamese with or without marks; narrowed by kind, body, province and field, each kept in the address.
 */
export default function SearchScreen({ route }: ScreenProps) {
  const query = route.name === 'search' ? route.query : '';
  const filters = readFilters(query);
  useTitle(filters.q ? t('search.titleFor', { q: filters.q }) : t('search.title'));
  const [text, setText] = useState(filters.q);
  const [page, setPage] = useState<SearchPage | null>(null);
  const [more, setMore] = useState<SearchHit[]>([]);
  const [error, setError] = useState<unknown>(null);
  const apiQuery = (offset: number) => {
    const params = new URLSearchParams(toQuery({ ...filters, field: filters.field ? indexField(filters.field) : '' }));
    params.set('limit', String(PAGE));
    params.set('offset', String(offset));
    return params.toString();
  };

  useEffect(() => {
    setText(filters.q);
    let current = true;
    setPage(null);
    setMore([]);
    setError(null);
    if (filters.q.trim()) {
      api.search(apiQuery(0)).then(p => current && setPage(p), e => current && setError(e));
    }

    return () => {
      current = false;
    };
  }, [query]);

  const set = (filter: Filter, value: string) => navigate(paths.search(toQuery({ ...filters, [filter]: value })), filter !== 'q');
  const loadMore = async () => {
    if (!page) {
      return;
    }

    try {
      const next = await api.search(apiQuery(page.items.length + more.length));
      setMore([...more, ...next.items]);
    } catch (e) {
      setError(e);
    }
  };

  const items = page ? [...page.items, ...more] : [];
  const terms = page?.terms ?? [];
  return (
    <div class="page search">
      <h1>{t('search.title')}</h1>
      <p class="muted">{t('search.intro')}</p>
      <form
        class="search__form"
        role="search"
        aria-label={t('search.title')}
        onSubmit={e => {
          e.preventDefault();
          set('q', text);
        }}
      >
        <label class="field search__box">
          <span class="field__label">{t('search.words')}</span>
          <span class="search__row">
            <input name="q" type="search" maxLength={200} value={text} onInput={e => setText(e.currentTarget.value)} data-testid="search-input" />
            <button type="submit" class="button">
              {t('search.go')}
            </button>
          </span>
        </label>
        <div class="field-grid search__filters">
          <label class="field">
            <span class="field__label">{t('search.kind')}</span>
            <select name="kind" value={filters.kind} onChange={e => set('kind', e.currentTarget.value)}>
              <option value="">{t('ledger.all')}</option>
              {searchKinds.map(k => (
                <option key={k} value={k}>
                  {kindLabel(k)}
                </option>
              ))}
            </select>
          </label>
          <BodySelect value={filters.body} onChange={v => set('body', v)} all />
          <ProvinceSelect value={filters.province} onChange={v => set('province', v)} empty="all" />
          <label class="field">
            <span class="field__label">{t('petitions.fieldLabel')}</span>
            <select name="field" value={filters.field} onChange={e => set('field', e.currentTarget.value)}>
              <option value="">{t('ledger.all')}</option>
              {petitionFields.map(f => (
                <option key={f} value={f}>
                  {fieldLabel(f)}
                </option>
              ))}
            </select>
          </label>
        </div>
      </form>
      <ProblemMessage error={error} />
      <p class="search__count" role="status" data-testid="search-count">
        {!filters.q.trim()
          ? ''
          : page
            ? t('search.count', { count: page.total, q: filters.q })
            : error
              ? ''
              : t('common.loading')}
      </p>
      <ol class="search__results" data-testid="search-results">
        {items.map(hit => (
          <li key={`${hit.kind}/${hit.id}`}>
            <Hit hit={hit} terms={terms} />
          </li>
        ))}
      </ol>
      {page && items.length < page.total && (
        <button type="button" class="button button--secondary" onClick={() => void loadMore()}>
          {t('ledger.more')}
        </button>
      )}
    </div>
  );
}

function Hit({ hit, terms }: { readonly hit: SearchHit; readonly terms: readonly string[] }) {
  const bodies = useBodies();
  const provinces = useProvinces();
  const body = bodies?.find(b => b.bodyId === hit.bodyId);
  const href = hitHref(hit);
  const place = [hit.commune, hit.provinceId ? provinceName(provinces, hit.provinceId) : null].filter(Boolean).join(', ');
  return (
    <article class="search-hit" data-testid="search-hit" data-kind={hit.kind}>
      <p class="search-hit__kind">
        <span class={`tag tag--kind-${hit.kind}`}>{kindLabel(hit.kind as SearchKind)}</span>
        {hit.field && <span class="tag">{fieldLabel(hit.field)}</span>}
      </p>
      <h2 class="search-hit__title">{href ? <Link href={href}>{hit.title}</Link> : hit.title}</h2>
      <p class="search-hit__excerpt">
        <Marked text={hit.excerpt} terms={terms} />
      </p>
      <p class="search-hit__meta muted">
        {[body ? (lang() === 'en' ? body.nameEn : body.name) : hit.bodyId, place, formatDate(hit.updatedAt, lang())].filter(Boolean).join(' · ')}
      </p>
    </article>
  );
}

/** The excerpt with each word that a search term begins marked, compared folded (so "dat" marks "đất"). */
function Marked({ text, terms }: { readonly text: string; readonly terms: readonly string[] }) {
  if (terms.length === 0) {
    return <>{text}</>;
  }

  const parts = text.split(/(\s+)/);
  return (
    <>
      {parts.map((part, i) =>
        part.trim() && fold(part).split(' ').some(w => terms.some(term => w.startsWith(term))) ? <mark key={i}>{part}</mark> : part,
      )}
    </>
  );
}
