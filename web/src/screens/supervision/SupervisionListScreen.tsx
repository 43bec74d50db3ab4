import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client';
import type { SupervisionPage, SupervisionSummary } from '../../api/types';
import type { ScreenProps } from '../../app/App';
import { Link, navigate, paths } from '../../app/router';
import { holds, useMe } from '../../auth/session';
import { BodySelect } from '../../components/BodySelect';
import { ProblemMessage } from '../../components/ProblemMessage';
import { lang, t } from '../../i18n/i18n';
import { formatDate } from '../../time/format';
import { useTitle } from '../useTitle';
import { StageBadge, stageLabel, supervisionStages } from './labels';
import '../commitments/commitments.css';
import './supervision.css';

const FILTERS = ['body', 'stage'] as const;
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

/** Topical supervision by body and stage: what each body is supervising, who does it, and what is late. */
export default function SupervisionListScreen({ route }: ScreenProps) {
  useTitle(t('supervision.title'));
  const query = route.name === 'supervisionList' ? route.query : '';
  const filters = readFilters(query);
  const me = useMe();
  const [page, setPage] = useState<SupervisionPage | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let current = true;
    setPage(null);
    setError(null);
    api.supervisionTopics(`${toQuery(filters)}&limit=100`).then(p => current && setPage(p), e => current && setError(e));
    return () => {
      current = false;
    };
  }, [query]);

  const set = (filter: Filter, value: string) => navigate(paths.supervisionList(toQuery({ ...filters, [filter]: value })), true);
  // The bodies whose secretariat or chair this account is: they decide topics.
  const leads = [...new Set(me?.grants.filter(g => g.role === 'secretariat' || g.role === 'chair').map(g => g.bodyId) ?? [])].filter(b => b !== '*');
  const decideFor = filters.body && (holds(me, 'secretariat', filters.body) || holds(me, 'chair', filters.body)) ? filters.body : leads[0];
  return (
    <div class="page ledger supervision">
      <h1>{t('supervision.title')}</h1>
      <p class="muted">{t('supervision.intro')}</p>
      {decideFor && (
        <p>
          <Link href={paths.supervisionNew(decideFor)} class="button">
            {t('supervision.new.title')}
          </Link>
        </p>
      )}
      <form class="ledger__filters field-grid" onSubmit={e => e.preventDefault()} aria-label={t('supervision.filters')}>
        <BodySelect value={filters.body} onChange={v => set('body', v)} all />
        <label class="field">
          <span class="field__label">{t('supervision.stageLabel')}</span>
          <select name="stage" value={filters.stage} onChange={e => set('stage', e.currentTarget.value)}>
            <option value="">{t('ledger.all')}</option>
            {supervisionStages.map(s => (
              <option key={s} value={s}>
                {stageLabel(s)}
              </option>
            ))}
          </select>
        </label>
      </form>
      <ProblemMessage error={error} />
      {!page && !error && <p class="muted">{t('common.loading')}</p>}
      {page && (
        <p class="ledger__count" role="status" data-testid="topics-count">
          {t('supervision.count', { count: page.total })}
        </p>
      )}
      <ol class="ledger__list" data-testid="topics">
        {page?.items.map(s => (
          <li key={s.topicId}>
            <TopicCard topic={s} />
          </li>
        ))}
      </ol>
    </div>
  );
}

function TopicCard({ topic: s }: { readonly topic: SupervisionSummary }) {
  const late = s.planOverdue || s.draftOverdue || s.supplementsOverdue > 0;
  return (
    <article class={`commitment-card${late ? ' commitment-card--overdue' : ''}`} data-testid="topic-card">
      <h2 class="commitment-card__text">
        <Link href={paths.supervisionTopic(s.topicId)}>{s.title}</Link>
      </h2>
      <p class="commitment-card__meta">
        <StageBadge stage={s.stage} /> <span>{t('supervision.assignedTo')}: </span>
        <strong>{s.assignedTo}</strong>
        {s.planOverdue && (
          <>
            {' '}
            <span class="badge badge--c-overdue">{t('supervision.planOverdue')}</span>
          </>
        )}
        {s.draftOverdue && (
          <>
            {' '}
            <span class="badge badge--c-overdue">{t('supervision.draftOverdue')}</span>
          </>
        )}
        {s.supplementsOverdue > 0 && (
          <>
            {' '}
            <span class="badge badge--c-overdue">{t('supervision.supplementsOverdue', { count: s.supplementsOverdue })}</span>
          </>
        )}
      </p>
      <p class="commitment-card__meta muted">
        {t('supervision.counts', {
          agencies: s.supervised,
          evidence: s.evidence,
          findings: s.findings,
          recommendations: s.recommendations,
        })}
        {' · '}
        {t('supervision.decidedOn', { date: formatDate(s.decidedAt, lang()) })}
      </p>
    </article>
  );
}
