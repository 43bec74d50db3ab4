import { useEffect, useState } from 'preact/hooks';
import { api, command } from '../../api/client';
import type { ClauseView, ResolutionSummary, ResolutionView } from '../../api/types';
import type { ScreenProps } from '../../app/App';
import { Link, navigate, paths } from '../../app/router';
import { holds, useMe } from '../../auth/session';
import { AgencySelect } from '../../components/AgencySelect';
import { BodySelect } from '../../components/BodySelect';
import { CommandFeedback } from '../../components/CommandFeedback';
import { DeadlineKind } from '../../components/DeadlineKind';
import { useBodies, useBodyView } from '../../components/hooks';
import { ProblemMessage } from '../../components/ProblemMessage';
import { useCommand } from '../../components/useCommand';
import { lang, t } from '../../i18n/i18n';
import { formatDay, vietnamDayPlus } from '../../time/format';
import { useTitle } from '../useTitle';
import { DeadlineText } from './labels';
import './commitments.css';

/**
 * Resolutions on questioning: a body's list, and for its secretariat a form to enter one as Markdown with
 * numbered clauses; with an id, one resolution's clauses, each given to one agency as a commitment.
 */
export default function ResolutionsScreen({ route }: ScreenProps) {
  if (route.name === 'resolution') {
    return <ResolutionPage resolutionId={route.resolutionId} />;
  }

  return <ResolutionList query={route.name === 'resolutions' ? route.query : ''} />;
}

function ResolutionList({ query }: { readonly query: string }) {
  useTitle(t('resolutions.title'));
  const bodies = useBodies();
  const bodyId = new URLSearchParams(query).get('body') ?? bodies?.[0]?.bodyId ?? '';
  const me = useMe();
  const [list, setList] = useState<ResolutionSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (bodyId) {
      setList(null);
      api.resolutions(bodyId).then(setList, setError);
    }
  }, [bodyId]);

  return (
    <div class="page resolutions">
      <h1>{t('resolutions.title')}</h1>
      <p class="muted">{t('resolutions.intro')}</p>
      <BodySelect class="field accountability__body" value={bodyId} onChange={v => navigate(paths.resolutions(v), true)} />
      <ProblemMessage error={error} />
      <ul data-testid="resolutions">
        {list?.map(r => (
          <li key={r.resolutionId}>
            <Link href={paths.resolution(r.resolutionId)}>
              {r.number} — {r.title}
            </Link>{' '}
            <span class="muted">{t('resolutions.counts', { clauses: r.clauses, assigned: r.assigned, date: formatDay(r.adoptedOn, lang()) })}</span>
          </li>
        ))}
        {list?.length === 0 && <li class="muted">{t('resolutions.none')}</li>}
      </ul>
      {bodyId && holds(me, 'secretariat', bodyId) && <NewResolution bodyId={bodyId} />}
    </div>
  );
}

function NewResolution({ bodyId }: { readonly bodyId: string }) {
  const state = useCommand();
  const [number, setNumber] = useState('');
  const [title, setTitle] = useState('');
  const [adoptedOn, setAdoptedOn] = useState(() => vietnamDayPlus(0));
  const [markdown, setMarkdown] = useState('');
  const submit = async (e: Event) => {
    e.preventDefault();
    let id: string | null = null;
    const ok = await state.run(t('resolutions.done'), async () => {
      const accepted = await command('/api/bodies/{bodyId}/resolutions', { bodyId }, { number, title, adoptedOn, markdown });
      id = accepted.id ?? null;
      return accepted;
    });
    if (ok && id) {
      navigate(paths.resolution(id));
    }
  };

  return (
    <section class="panel" aria-labelledby="new-resolution-heading" data-testid="new-resolution">
      <h2 id="new-resolution-heading" class="panel__title">
        {t('resolutions.new')}
      </h2>
      <form class="form" onSubmit={submit}>
        <div class="field-grid">
          <label class="field">
            <span class="field__label">{t('resolutions.number')}</span>
            <input name="number" required maxLength={100} value={number} onInput={e => setNumber(e.currentTarget.value)} />
          </label>
          <label class="field">
            <span class="field__label">{t('resolutions.adoptedOn')}</span>
            <input name="adoptedOn" type="date" required value={adoptedOn} onInput={e => setAdoptedOn(e.currentTarget.value)} />
          </label>
        </div>
        <label class="field">
          <span class="field__label">{t('resolutions.titleField')}</span>
          <input name="title" required maxLength={500} value={title} onInput={e => setTitle(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span class="field__label">{t('resolutions.text')}</span>
          <textarea name="markdown" required rows={10} value={markdown} onInput={e => setMarkdown(e.currentTarget.value)} />
          <span class="muted field__hint">{t('resolutions.textHint')}</span>
        </label>
        <button type="submit" class="button" disabled={state.busy}>
          {t('resolutions.enter')}
        </button>
        <CommandFeedback state={state} />
      </form>
    </section>
  );
}

function ResolutionPage({ resolutionId }: { readonly resolutionId: string }) {
  const [view, setView] = useState<ResolutionView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const me = useMe();
  const reload = () => api.resolution(resolutionId).then(setView, setError);
  useEffect(() => {
    void reload();
  }, [resolutionId]);
  useTitle(view ? `${view.number} — ${view.title}` : t('resolutions.title'));
  if (error) {
    return (
      <div class="page">
        <ProblemMessage error={error} />
      </div>
    );
  }

  if (!view) {
    return <p class="muted page">{t('common.loading')}</p>;
  }

  const secretariat = holds(me, 'secretariat', view.bodyId);
  return (
    <div class="page resolution">
      <p>
        <Link href={paths.resolutions(view.bodyId)}>{t('resolutions.back')}</Link>
      </p>
      <h1>
        {view.number} — {view.title}
      </h1>
      <p class="muted">{t('resolutions.adopted', { date: formatDay(view.adoptedOn, lang(), 'long') })}</p>
      <ol class="clauses" data-testid="clauses">
        {view.clauses.map(c => (
          <li key={c.number} value={c.number} class="clause">
            {/* Rendered and sanitised by the server. */}
            <div class="prose" dangerouslySetInnerHTML={{ __html: c.html }} />
            {c.assignment ? (
              <p class="clause__assignment">
                {t('ledger.owner')}: <strong>{c.assignment.owner.agencyName}</strong> · {t('ledger.deadline')}:{' '}
                <DeadlineText date={c.assignment.deadline.date} label={c.assignment.deadline.label} /> ·{' '}
                <Link href={paths.commitment(c.assignment.commitmentId)}>{t('resolutions.follow')}</Link>
              </p>
            ) : (
              secretariat && <AssignClause resolution={view} clause={c} onDone={reload} />
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}

function AssignClause(props: { readonly resolution: ResolutionView; readonly clause: ClauseView; readonly onDone: () => Promise<unknown> }) {
  const state = useCommand();
  const body = useBodyView(props.resolution.bodyId);
  const [agencyId, setAgencyId] = useState('');
  const [session, setSession] = useState('');
  const [deadline, setDeadline] = useState(() => vietnamDayPlus(180));
  const [expected, setExpected] = useState('');
  const agency = agencyId || body?.agencies[0]?.agencyId || '';
  const submit = async (e: Event) => {
    e.preventDefault();
    const ok = await state.run(t('resolutions.assigned'), () =>
      command(
        '/api/resolutions/{resolutionId}/clauses/{clause}/assignment',
        { resolutionId: props.resolution.resolutionId, clause: String(props.clause.number) },
        {
          agencyId: agency,
          officialId: null,
          deadline: session ? null : deadline,
          beforeSession: session ? Number(session) : null,
          expectedResult: expected.trim() || null,
        },
      ),
    );
    if (ok) {
      await props.onDone();
    }
  };

  return (
    <form class="form clause__assign" onSubmit={submit} aria-label={t('resolutions.assign', { clause: props.clause.number })}>
      <div class="field-grid">
        <AgencySelect body={body} label={t('ledger.agency')} value={agency} onChange={setAgencyId} />
        <DeadlineKind body={body} value={session} onChange={setSession} />
        <label class="field" hidden={session !== ''}>
          <span class="field__label">{t('commitment.newDeadline')}</span>
          <input name="deadline" type="date" required={session === ''} value={deadline} onInput={e => setDeadline(e.currentTarget.value)} />
        </label>
      </div>
      <label class="field">
        <span class="field__label">{t('commitment.expected')}</span>
        <input name="expectedResult" maxLength={4000} value={expected} onInput={e => setExpected(e.currentTarget.value)} />
      </label>
      <button type="submit" class="button button--small" disabled={state.busy}>
        {t('resolutions.assign', { clause: props.clause.number })}
      </button>
      <CommandFeedback state={state} />
    </form>
  );
}
