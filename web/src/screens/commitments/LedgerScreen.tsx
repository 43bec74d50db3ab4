import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client';
import type { CommitmentStatus, CommitmentSummary, LedgerPage } from '../../api/types';
import type { ScreenProps } from '../../app/App';
import { Link, navigate, paths } from '../../app/router';
import { useMe } from '../../auth/session';
import { BodySelect } from '../../components/BodySelect';
import { useBodyView } from '../../components/hooks';
import { ProblemMessage } from '../../components/ProblemMessage';
import { lang, t } from '../../i18n/i18n';
import { useTitle } from '../useTitle';
import { FollowButton } from './FollowButton';
import { CommitmentStatusBadge, DeadlineText, commitmentStatuses, statusLabel } from './labels';
import './commitments.css';

const PAGE = 50;

/** The filters the page understands, read from and written to its address so a view can be shared or bookmarked. */
const FILTERS = ['body', 'agency', 'official', 'status', 'window', 'kind'] as const;
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
 * The public ledger: every commitment made in answers, with its owner, deadline and where it stands; filtered
 * by body, agency, status and the overdue or due-within-30-days windows. An agency officer is offered their
 * own agency's list in one click.
 */
export default function LedgerScreen({ route }: ScreenProps) {
  useTitle(t('ledger.title'));
  const query = route.name === 'commitments' ? route.query : '';
  const filters = readFilters(query);
  const body = useBodyView(filters.body || undefined);
  const me = useMe();
  const [page, setPage] = useState<LedgerPage | null>(null);
  const [more, setMore] = useState<CommitmentSummary[]>([]);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let current = true;
    setPage(null);
    setMore([]);
    setError(null);
    api.ledger(`${toQuery(filters)}&limit=${PAGE}`).then(p => current && setPage(p), e => current && setError(e));
    return () => {
      current = false;
    };
  }, [query]);

  const set = (filter: Filter, value: string) => {
    const next = { ...filters, [filter]: value };
    if (filter === 'body') {
      next.agency = '';
      next.official = '';
    }

    navigate(paths.commitments(toQuery(next)), true);
  };

  const loadMore = async () => {
    if (!page) {
      return;
    }

    try {
      const next = await api.ledger(`${toQuery(filters)}&limit=${PAGE}&offset=${page.items.length + more.length}`);
      setMore([...more, ...next.items]);
    } catch (e) {
      setError(e);
    }
  };

  const officerOf = me?.grants.filter(g => g.role === 'agencyOfficer' && g.personId) ?? [];
  const items = page ? [...page.items, ...more] : [];
  return (
    <div class="page ledger">
      <h1>{t('ledger.title')}</h1>
      <p class="muted">{t('ledger.intro')}</p>
      <nav class="ledger__quick" aria-label={t('ledger.quick')}>
        <Link href={paths.commitments(toQuery({ ...filters, window: 'overdue' }))} class="button button--small button--danger">
          {t('ledger.overdue')}
        </Link>
        <Link href={paths.commitments(toQuery({ ...filters, window: 'due30' }))} class="button button--small button--secondary">
          {t('ledger.dueSoon')}
        </Link>
        {officerOf.map(g => (
          <Link
            key={`${g.bodyId}/${g.personId}`}
            href={paths.commitments(`body=${encodeURIComponent(g.bodyId)}&agency=${encodeURIComponent(g.personId ?? '')}`)}
            class="button button--small"
          >
            {t('ledger.mine')}
          </Link>
        ))}
      </nav>
      <form class="ledger__filters field-grid" onSubmit={e => e.preventDefault()} aria-label={t('ledger.filters')}>
        <BodySelect value={filters.body} onChange={v => set('body', v)} all />
        <label class="field">
          <span class="field__label">{t('ledger.agency')}</span>
          <select name="agency" value={filters.agency} onChange={e => set('agency', e.currentTarget.value)} disabled={!body}>
            <option value="">{body ? t('ledger.all') : t('ledger.pickBody')}</option>
            {body?.agencies.map(a => (
              <option key={a.agencyId} value={a.agencyId}>
                {lang() === 'en' && a.nameEn ? a.nameEn : a.name}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span class="field__label">{t('ledger.official')}</span>
          <select name="official" value={filters.official} onChange={e => set('official', e.currentTarget.value)} disabled={!body}>
            <option value="">{body ? t('ledger.all') : t('ledger.pickBody')}</option>
            {body?.officials.map(o => (
              <option key={o.officialId} value={o.officialId}>
                {o.name} — {o.office}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span class="field__label">{t('ledger.status')}</span>
          <select name="status" value={filters.status} onChange={e => set('status', e.currentTarget.value)}>
            <option value="">{t('ledger.all')}</option>
            {commitmentStatuses.map(s => (
              <option key={s} value={s}>
                {statusLabel(s)}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span class="field__label">{t('ledger.window')}</span>
          <select name="window" value={filters.window} onChange={e => set('window', e.currentTarget.value)}>
            <option value="">{t('ledger.anyDeadline')}</option>
            <option value="overdue">{t('ledger.overdue')}</option>
            <option value="due30">{t('ledger.dueSoon')}</option>
          </select>
        </label>
        <label class="field">
          <span class="field__label">{t('ledger.kind')}</span>
          <select name="kind" value={filters.kind} onChange={e => set('kind', e.currentTarget.value)}>
            <option value="">{t('ledger.all')}</option>
            <option value="commitment">{t('ledger.kind.commitment')}</option>
            <option value="writtenAnswer">{t('ledger.kind.writtenAnswer')}</option>
          </select>
        </label>
      </form>
      {filters.official && filters.body && (
        <FollowButton
          kind="official"
          followKey={filters.official}
          bodyId={filters.body}
          label={body?.officials.find(o => o.officialId === filters.official)?.name ?? filters.official}
        />
      )}
      {filters.agency && filters.body && (
        <FollowButton
          kind="agency"
          followKey={filters.agency}
          bodyId={filters.body}
          label={body?.agencies.find(a => a.agencyId === filters.agency)?.name ?? filters.agency}
        />
      )}
      <ProblemMessage error={error} />
      {!page && !error && <p class="muted">{t('common.loading')}</p>}
      {page && (
        <p class="ledger__count" role="status" data-testid="ledger-count">
          {t('ledger.count', { count: page.total })}
        </p>
      )}
      <p class="ledger__exports" data-testid="ledger-exports">
        <span class="muted">{t('ledger.exports')}</span>{' '}
        {(
          [
            ['export.csv', 'CSV'],
            ['export.json', 'JSON'],
            ['feed.atom', t('ledger.atom')],
            ['deadlines.ics', t('ledger.calendar')],
          ] as const
        ).map(([file, label], i) => (
          <span key={file}>
            {i > 0 && ' · '}
            <a href={`/api/commitments/${file}${query ? `?${toQuery(filters)}` : ''}`}>{label}</a>
          </span>
        ))}
      </p>
      <ol class="ledger__list" data-testid="ledger">
        {items.map(c => (
          <li key={c.commitmentId}>
            <CommitmentCard commitment={c} />
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

export function CommitmentCard({ commitment: c }: { readonly commitment: CommitmentSummary }) {
  return (
    <article class={`commitment-card${c.overdue ? ' commitment-card--overdue' : ''}`} data-testid="commitment-card">
      <h2 class="commitment-card__text">
        <Link href={paths.commitment(c.commitmentId)}>{c.text}</Link>
      </h2>
      <p class="commitment-card__meta">
        <CommitmentStatusBadge status={c.status as CommitmentStatus} overdue={c.overdue ?? false} />{' '}
        {c.kind === 'writtenAnswer' && <span class="tag">{t('ledger.kind.writtenAnswer')}</span>}{' '}
        <span>
          {t('ledger.owner')}: <strong>{c.agencyName}</strong>
          {c.officialName && <> ({c.officialName})</>}
        </span>
      </p>
      <p class="commitment-card__meta muted">
        {t('ledger.deadline')}: <DeadlineText date={c.deadline} label={c.deadlineLabel} />
        {c.amendments > 0 && <> · {t('ledger.amended', { count: c.amendments })}</>}
        {c.percent !== null && <> · {t('ledger.percent', { percent: c.percent })}</>}
      </p>
    </article>
  );
}
