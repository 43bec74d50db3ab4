import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client';
import type { ExplanationPage, ExplanationSummary, Grant } from '../../api/types';
import type { ScreenProps } from '../../app/App';
import { Link, navigate, paths } from '../../app/router';
import { useMe } from '../../auth/session';
import { BodySelect } from '../../components/BodySelect';
import { useBodies, useBodyView } from '../../components/hooks';
import { ProblemMessage } from '../../components/ProblemMessage';
import { lang, t } from '../../i18n/i18n';
import { formatDay } from '../../time/format';
import { useTitle } from '../useTitle';
import { ExplanationStatusBadges, activeDeadline, explanationStatusLabel, explanationStatuses, isOverdue } from './parts';
import '../commitments/commitments.css';
import './explanations.css';

const FILTERS = ['agencyBody', 'status', 'window'] as const;
type Filter = (typeof FILTERS)[number];

function readFilters(query: string): Record<Filter, string> {
  const params = new URLSearchParams(query);
  return Object.fromEntries(FILTERS.map(f => [f, params.get(f) ?? ''])) as Record<Filter, string>;
}

function toQuery(filters: Record<Filter, string>): string {
  const params = new URLSearchParams();
  FILTERS.forEach(f => filters[f] && params.set(f, filters[f]));
  return params.toString();
}

/**
 * A queue in the order it must be worked: overdue first, then by the deadline in force (to acknowledge or to
 * explain), and closed requests last, newest first.
 */
export function queueOrder(items: readonly ExplanationSummary[]): ExplanationSummary[] {
  return [...items].sort((a, b) => {
    const overdue = Number(isOverdue(b)) - Number(isOverdue(a));
    if (overdue !== 0) {
      return overdue;
    }

    const da = activeDeadline(a);
    const db = activeDeadline(b);
    if (da && db) {
      return da < db ? -1 : da > db ? 1 : a.receivedAt.localeCompare(b.receivedAt);
    }

    if (da || db) {
      return da ? -1 : 1;
    }

    return b.receivedAt.localeCompare(a.receivedAt);
  });
}

/**
 * Requests for explanation: the published ones for everyone; for an agency's officers (and a body's
 * secretariat) their queue too, unpublished requests included, in the order they must be worked.
 */
export default function ExplanationListScreen({ route }: ScreenProps) {
  useTitle(t('explanations.title'));
  const query = route.name === 'explanations' ? route.query : '';
  const filters = readFilters(query);
  const me = useMe();
  const [page, setPage] = useState<ExplanationPage | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let current = true;
    setPage(null);
    setError(null);
    api.explanations(`${toQuery(filters)}&limit=100`).then(p => current && setPage(p), e => current && setError(e));
    return () => {
      current = false;
    };
  }, [query, me?.userId]);

  const set = (filter: Filter, value: string) => navigate(paths.explanations(toQuery({ ...filters, [filter]: value })), true);
  const queues = me?.grants.filter(g => (g.role === 'agencyOfficer' && g.personId) || g.role === 'secretariat') ?? [];
  return (
    <div class="page ledger explanations">
      <h1>{t('explanations.title')}</h1>
      <p class="muted">{t('explanations.intro')}</p>
      <div class="explanations__start">
        <Link href={paths.explanationNew()} class="button">
          {t('explanations.new.title')}
        </Link>
        <CodeLookup />
      </div>
      {queues.map(g => (
        <Queue key={`${g.role}/${g.bodyId}/${g.personId ?? ''}`} grant={g} />
      ))}
      <section aria-labelledby="published-heading">
        <h2 id="published-heading">{queues.length > 0 ? t('explanations.allVisible') : t('explanations.published')}</h2>
        <form class="ledger__filters field-grid" onSubmit={e => e.preventDefault()} aria-label={t('explanations.filters')}>
          <BodySelect value={filters.agencyBody} onChange={v => set('agencyBody', v)} all />
          <label class="field">
            <span class="field__label">{t('ledger.status')}</span>
            <select name="status" value={filters.status} onChange={e => set('status', e.currentTarget.value)}>
              <option value="">{t('ledger.all')}</option>
              {explanationStatuses.map(s => (
                <option key={s} value={s}>
                  {explanationStatusLabel(s)}
                </option>
              ))}
            </select>
          </label>
          <label class="field">
            <span class="field__label">{t('ledger.window')}</span>
            <select name="window" value={filters.window} onChange={e => set('window', e.currentTarget.value)}>
              <option value="">{t('ledger.anyDeadline')}</option>
              <option value="overdue">{t('ledger.overdue')}</option>
            </select>
          </label>
        </form>
        <ProblemMessage error={error} />
        {!page && !error && <p class="muted">{t('common.loading')}</p>}
        {page && (
          <p class="ledger__count" role="status" data-testid="explanations-count">
            {t('explanations.count', { count: page.total })}
          </p>
        )}
        <ol class="ledger__list" data-testid="explanations">
          {page?.items.map(r => (
            <li key={r.requestId}>
              <ExplanationCard request={r} />
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

/** An officer's agency queue, or a secretariat's whole body, unpublished requests included. */
function Queue({ grant }: { readonly grant: Grant }) {
  const bodies = useBodies();
  const body = useBodyView(grant.role === 'agencyOfficer' ? grant.bodyId : undefined);
  const [items, setItems] = useState<ExplanationSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const filter =
      grant.role === 'agencyOfficer'
        ? `agency=${encodeURIComponent(grant.personId ?? '')}&agencyBody=${encodeURIComponent(grant.bodyId)}`
        : `agencyBody=${encodeURIComponent(grant.bodyId)}`;
    api.explanations(`${filter}&limit=100`).then(p => setItems(queueOrder(p.items)), setError);
  }, [grant.role, grant.bodyId, grant.personId]);

  const agency = body?.agencies.find(a => a.agencyId === grant.personId);
  const bodySummary = bodies?.find(b => b.bodyId === grant.bodyId);
  const name =
    grant.role === 'agencyOfficer'
      ? (lang() === 'en' && agency?.nameEn ? agency.nameEn : agency?.name) ?? grant.personId ?? ''
      : (lang() === 'en' ? bodySummary?.nameEn : bodySummary?.name) ?? grant.bodyId;
  const headingId = `queue-${grant.bodyId}-${grant.personId ?? 'all'}`;
  return (
    <section class="panel explanations__queue" aria-labelledby={headingId} data-testid="queue">
      <h2 id={headingId} class="panel__title">
        {t('explanations.queue', { name })}
      </h2>
      <ProblemMessage error={error} />
      {items?.length === 0 && <p class="muted">{t('explanations.queueEmpty')}</p>}
      <ol class="ledger__list">
        {items?.map(r => (
          <li key={r.requestId}>
            <ExplanationCard request={r} />
          </li>
        ))}
      </ol>
    </section>
  );
}

export function ExplanationCard({ request: r }: { readonly request: ExplanationSummary }) {
  const deadline = activeDeadline(r);
  const overdue = isOverdue(r);
  return (
    <article class={`commitment-card${overdue ? ' commitment-card--overdue' : ''}`} data-testid="explanation-card" data-code={r.code}>
      <h3 class="commitment-card__text">
        <Link href={paths.explanation(r.requestId)}>{r.subject}</Link>
      </h3>
      <p class="commitment-card__meta">
        <ExplanationStatusBadges request={r} />{' '}
        {!r.publish && <span class="tag">{t('explanations.notPublic')}</span>}{' '}
        {r.extended && <span class="tag">{t('explanations.extended')}</span>}{' '}
        <span>
          {t('explanations.agency')}: <strong>{r.agencyName}</strong>
        </span>
      </p>
      <p class="commitment-card__meta muted">
        <code>{r.code}</code>
        {deadline && (
          <>
            {' '}
            · {r.status === 'received' ? t('explanations.acknowledgeBy') : t('explanations.explainBy')}:{' '}
            <time dateTime={deadline}>{formatDay(deadline, lang(), 'long')}</time>
          </>
        )}
      </p>
    </article>
  );
}

/** A requester types the code they were given to find their request. */
function CodeLookup() {
  const [code, setCode] = useState('');
  return (
    <form
      class="field-row"
      onSubmit={e => {
        e.preventDefault();
        if (code.trim()) {
          navigate(paths.explanationByCode(code.trim().toUpperCase()));
        }
      }}
    >
      <label class="field">
        <span class="field__label">{t('explanations.lookup')}</span>
        <input name="code" required maxLength={40} autoComplete="off" value={code} onInput={e => setCode(e.currentTarget.value)} />
      </label>
      <button type="submit" class="button button--secondary">
        {t('explanations.lookupButton')}
      </button>
    </form>
  );
}

