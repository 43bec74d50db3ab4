import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client';
import type { PetitionField, PetitionPage, PetitionSummary } from '../../api/types';
import type { ScreenProps } from '../../app/App';
import { Link, navigate, paths } from '../../app/router';
import { useMe } from '../../auth/session';
import { BodySelect } from '../../components/BodySelect';
import { useBodyView } from '../../components/hooks';
import { ProblemMessage } from '../../components/ProblemMessage';
import { ProvinceSelect, provinceName, useProvinces } from '../../components/ProvinceSelect';
import { lang, t } from '../../i18n/i18n';
import { formatDay } from '../../time/format';
import { useTitle } from '../useTitle';
import { CodeBox } from './CodeBox';
import { PetitionFiguresTable } from './PetitionFiguresTable';
import { MEETING_ROLES, PetitionBadges, fieldLabel, petitionFields, petitionsText, supportersText } from './labels';
// The shared look of tables (.data-table, .table-scroll) lives with the commitments screens.
import '../commitments/commitments.css';
import './petitions.css';

const PAGE = 50;

/** The filters the page understands, kept in its address so a view can be shared or bookmarked. */
const FILTERS = ['body', 'province', 'field', 'window', 'agency', 'meeting'] as const;
type Filter = (typeof FILTERS)[number];

const WINDOWS = ['overdue', 'open', 'unrouted', 'unresolved'] as const;

function readFilters(query: string): Record<Filter, string> {
  const params = new URLSearchParams(query);
  return Object.fromEntries(FILTERS.map(f => [f, params.get(f) ?? ''])) as Record<Filter, string>;
}

function toQuery(filters: Partial<Record<Filter, string>>): string {
  const params = new URLSearchParams();
  FILTERS.forEach(f => filters[f] && params.set(f, filters[f]));
  return params.toString();
}

/** The address of an agency officer's queue: their agency's petitions still unanswered, nearest deadline first. */
export const agencyQueue = (agencyId: string) => paths.petitions(toQuery({ agency: agencyId, window: 'open' }));

/**
 * The public list of voters' petitions, with the figures that keep "answered" and "resolved" apart; filtered by
 * body, province, field, agency and the overdue, open, unrouted or unresolved windows. A voter follows one by its
 * code; an agency officer gets their agency's open petitions, nearest deadline first.
 */
export default function PetitionsScreen({ route }: ScreenProps) {
  useTitle(t('petitions.title'));
  const query = route.name === 'petitions' ? route.query : '';
  const filters = readFilters(query);
  const me = useMe();
  const provinces = useProvinces();
  const officerOf = me?.grants.filter(g => g.role === 'agencyOfficer' && g.personId) ?? [];
  const queue = filters.window === 'open' && filters.agency ? officerOf.find(g => g.personId === filters.agency) : undefined;
  // The agencies offered are the chosen body's; an officer's queue names their agency without a body.
  const agencyBody = useBodyView(filters.body || officerOf.find(g => g.personId === filters.agency)?.bodyId || undefined);
  const [page, setPage] = useState<PetitionPage | null>(null);
  const [more, setMore] = useState<PetitionSummary[]>([]);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let current = true;
    setPage(null);
    setMore([]);
    setError(null);
    api.petitions(`${toQuery(filters)}&limit=${PAGE}`).then(p => current && setPage(p), e => current && setError(e));
    return () => {
      current = false;
    };
  }, [query]);

  const set = (filter: Filter, value: string) => {
    const next = { ...filters, [filter]: value };
    if (filter === 'body') {
      next.agency = '';
    }

    navigate(paths.petitions(toQuery(next)), true);
  };

  const loadMore = async () => {
    if (!page) {
      return;
    }

    try {
      const next = await api.petitions(`${toQuery(filters)}&limit=${PAGE}&offset=${page.items.length + more.length}`);
      setMore([...more, ...next.items]);
    } catch (e) {
      setError(e);
    }
  };

  const agencies = agencyBody?.agencies ?? [];
  const agencyName = (id: string) => {
    const a = agencies.find(x => x.agencyId === id);
    return a ? (lang() === 'en' && a.nameEn ? a.nameEn : a.name) : id;
  };
  const recorder = me?.grants.some(g => MEETING_ROLES.includes(g.role)) ?? false;
  const items = page ? [...page.items, ...more] : [];
  return (
    <div class="page petitions">
      <h1>{t('petitions.title')}</h1>
      <p class="muted">{t('petitions.intro')}</p>
      <div class="petitions__top">
        <CodeBox />
        <nav class="petitions__actions" aria-label={t('petitions.actions')}>
          <Link href={paths.petitionNew()} class="button">
            {t('petitions.file')}
          </Link>
          {recorder && (
            <Link href={paths.contactMeeting()} class="button button--secondary">
              {t('petitions.recordMeeting')}
            </Link>
          )}
          {officerOf.map(g => (
            <Link key={`${g.bodyId}/${g.personId}`} href={agencyQueue(g.personId ?? '')} class="button button--secondary">
              {t('petitions.queue')}
            </Link>
          ))}
        </nav>
      </div>
      <PetitionFiguresTable bodyId={filters.body} />
      <h2 class="petitions__list-heading">{queue ? t('petitions.queueHeading', { agency: agencyName(filters.agency) }) : t('petitions.listHeading')}</h2>
      {queue && <p class="muted">{t('petitions.queueIntro')}</p>}
      {filters.meeting && (
        <p class="panel notice" data-testid="meeting-filter">
          {t('petitions.meetingFilter')} <Link href={paths.petitions(toQuery({ ...filters, meeting: '' }))}>{t('petitions.meetingFilterClear')}</Link>
        </p>
      )}
      <form class="petitions__filters field-grid" onSubmit={e => e.preventDefault()} aria-label={t('petitions.filters')}>
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
        <label class="field">
          <span class="field__label">{t('petitions.window')}</span>
          <select name="window" value={filters.window} onChange={e => set('window', e.currentTarget.value)}>
            <option value="">{t('ledger.all')}</option>
            {WINDOWS.map(w => (
              <option key={w} value={w}>
                {t(`petitions.window.${w}`)}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span class="field__label">{t('petitions.agency')}</span>
          <select name="agency" value={filters.agency} onChange={e => set('agency', e.currentTarget.value)} disabled={!agencyBody && !filters.agency}>
            <option value="">{agencyBody || filters.agency ? t('ledger.all') : t('ledger.pickBody')}</option>
            {filters.agency && !agencies.some(a => a.agencyId === filters.agency) && <option value={filters.agency}>{filters.agency}</option>}
            {agencies.map(a => (
              <option key={a.agencyId} value={a.agencyId}>
                {lang() === 'en' && a.nameEn ? a.nameEn : a.name}
              </option>
            ))}
          </select>
        </label>
      </form>
      <ProblemMessage error={error} />
      {!page && !error && <p class="muted">{t('common.loading')}</p>}
      {page && (
        <p class="petitions__count" role="status" data-testid="petitions-count">
          {petitionsText(page.total)}
        </p>
      )}
      <ol class="petitions__list" data-testid="petitions">
        {items.map(p => (
          <li key={p.petitionId}>
            <PetitionCard petition={p} provinceLabel={provinceName(provinces, p.provinceId)} />
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

function PetitionCard({ petition: p, provinceLabel }: { readonly petition: PetitionSummary; readonly provinceLabel: string }) {
  return (
    <article class={`petition-card${p.overdue ? ' petition-card--overdue' : p.resolved ? ' petition-card--resolved' : ''}`} data-testid="petition-card">
      <p class="petition-card__top">
        <code class="petition-code">{p.code}</code> <span class="tag">{fieldLabel(p.field as PetitionField)}</span>
      </p>
      <h3 class="petition-card__title">
        <Link href={paths.petition(p.petitionId)}>{p.title}</Link>
      </h3>
      <p class="petition-card__meta">
        <PetitionBadges petition={p} />
      </p>
      <p class="petition-card__meta muted">
        {[p.commune, provinceLabel].filter(Boolean).join(', ')} · {supportersText(p.supporters)}
        {p.sources > 1 && <> · {t('petitions.sources', { count: p.sources })}</>}
      </p>
      <p class="petition-card__meta">
        {p.agencyName ? (
          <>
            {t('petitions.answeredBy')}: <strong>{p.agencyName}</strong>
            {p.deadline && (
              <>
                {' '}
                · {t('petitions.deadline')}: <time dateTime={p.deadline}>{formatDay(p.deadline, lang(), 'long')}</time>
              </>
            )}
          </>
        ) : (
          <span class="muted">{t('petitions.notRouted')}</span>
        )}
      </p>
    </article>
  );
}
