import { useEffect, useState } from 'preact/hooks';
import { api, command } from '../../api/client';
import type { Assessment, CommitmentDetail, CommitmentEventView, CommitmentStatus, CommitmentSummary, Me } from '../../api/types';
import type { ScreenProps } from '../../app/App';
import { Link, paths } from '../../app/router';
import { holds, useMe } from '../../auth/session';
import { CommandFeedback } from '../../components/CommandFeedback';
import { DeadlineKind } from '../../components/DeadlineKind';
import { useBodies, useBodyView } from '../../components/hooks';
import { ProblemMessage } from '../../components/ProblemMessage';
import { useCommand } from '../../components/useCommand';
import { lang, t } from '../../i18n/i18n';
import { formatDateTime, formatDay, vietnamDayPlus } from '../../time/format';
import { useTitle } from '../useTitle';
import { FollowButton } from './FollowButton';
import { CommitmentStatusBadge, DeadlineText } from './labels';
import './commitments.css';

/** One commitment: what was promised, by whom, where it came from, and every step since, with the steps the reader may take. */
export default function CommitmentScreen({ route }: ScreenProps) {
  const commitmentId = route.name === 'commitment' ? route.commitmentId : '';
  const [detail, setDetail] = useState<CommitmentDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const me = useMe();
  const reload = () => api.commitment(commitmentId).then(setDetail, setError);
  useEffect(() => {
    setDetail(null);
    setError(null);
    void reload();
  }, [commitmentId]);
  useTitle(detail ? detail.commitment.text : t('ledger.title'));

  if (error) {
    return (
      <div class="page">
        <ProblemMessage error={error} />
      </div>
    );
  }

  if (!detail) {
    return <p class="muted page">{t('common.loading')}</p>;
  }

  const c = detail.commitment;
  const closed = c.status === 'verified' || c.status === 'notFulfilled' || c.status === 'withdrawn';
  const officer = me?.grants.some(g => g.role === 'agencyOfficer' && g.bodyId === c.bodyId && g.personId === c.agencyId) ?? false;
  const assessor =
    holds(me, 'supervisor', c.bodyId) || (me?.grants.some(g => g.role === 'deputy' && g.bodyId === c.bodyId && g.personId === c.questionerId) ?? false);
  const steward = holds(me, 'supervisor', c.bodyId) || holds(me, 'secretariat', c.bodyId);
  return (
    <div class="page commitment-page">
      <p>
        <Link href={paths.commitments()}>{t('commitment.back')}</Link>
      </p>
      <h1 class="commitment-page__text">{c.text}</h1>
      <p class="commitment-page__status">
        <CommitmentStatusBadge status={c.status as CommitmentStatus} overdue={c.overdue ?? false} />
        {c.percent !== null && <> {t('ledger.percent', { percent: c.percent })}</>}
      </p>
      <Facts commitment={c} />
      <div class="follow-row">
        <FollowButton kind="commitment" followKey={c.commitmentId} bodyId={null} label={t('follow.thisCommitment')} />
        <FollowButton kind="agency" followKey={c.agencyId} bodyId={c.bodyId} label={c.agencyName} signInHint={false} />
        {c.officialId && <FollowButton kind="official" followKey={c.officialId} bodyId={c.bodyId} label={c.officialName ?? c.officialId} signInHint={false} />}
      </div>
      <section class="panel" aria-labelledby="timeline-heading">
        <h2 id="timeline-heading" class="panel__title">
          {t('commitment.timeline')}
        </h2>
        <ol class="timeline" data-testid="timeline">
          {detail.timeline.map(e => (
            <TimelineEntry key={e.version} event={e} />
          ))}
        </ol>
      </section>
      {!closed && officer && <OfficerActions commitment={c} onDone={reload} />}
      {!closed && assessor && <AssessForm commitment={c} onDone={reload} />}
      {!closed && steward && <StewardActions commitment={c} onDone={reload} />}
      {!closed && !officer && !assessor && !steward && <SignInHint me={me} />}
    </div>
  );
}

function SignInHint({ me }: { readonly me: Me | null }) {
  return me?.signedIn ? null : (
    <p class="muted">
      {t('commitment.signInHint')} <Link href={paths.signIn(location.pathname)}>{t('auth.signIn')}</Link>
    </p>
  );
}

function Facts({ commitment: c }: { readonly commitment: CommitmentSummary }) {
  const bodies = useBodies();
  const body = bodies?.find(b => b.bodyId === c.bodyId);
  // The deputy who asked, by name (the ledger keeps the member id).
  const members = useBodyView(c.questionerId ? c.bodyId : undefined)?.members;
  const questioner = members?.find(m => m.memberId === c.questionerId)?.name ?? c.questionerId;
  return (
    <dl class="facts" data-testid="facts">
      <dt>{t('ledger.owner')}</dt>
      <dd>
        {c.agencyName}
        {c.officialName && <> — {c.officialName}</>}
      </dd>
      <dt>{t('ledger.deadline')}</dt>
      <dd>
        <DeadlineText date={c.deadline} label={c.deadlineLabel} />
        {c.amendments > 0 && (
          <>
            {' '}
            · {t('commitment.originalDeadline')} <time dateTime={c.originalDeadline}>{formatDay(c.originalDeadline, lang(), 'long')}</time>
          </>
        )}
      </dd>
      {c.expectedResult && (
        <>
          <dt>{t('commitment.expected')}</dt>
          <dd>{c.expectedResult}</dd>
        </>
      )}
      <dt>{t('commitment.source')}</dt>
      <dd>
        {body ? (lang() === 'en' ? body.nameEn : body.name) : c.bodyId}
        {c.sittingId && (
          <>
            {' → '}
            <Link href={paths.sitting('watch', c.sittingId)}>{t('commitment.sitting')}</Link>
          </>
        )}
        {c.questionerId && <> → {t('commitment.askedBy', { id: questioner ?? '' })}</>}
        {c.clause !== null && <> → {t('commitment.clause', { clause: c.clause })}</>}
      </dd>
      <dt>{t('commitment.made')}</dt>
      <dd>
        <time dateTime={c.madeAt}>{formatDateTime(c.madeAt, lang())}</time>
      </dd>
    </dl>
  );
}

type Data = Record<string, unknown>;

const str = (data: Data, name: string): string => (typeof data[name] === 'string' ? (data[name] as string) : '');

function TimelineEntry({ event }: { readonly event: CommitmentEventView }) {
  const data = (event.data ?? {}) as Data;
  const by = (data.by as { name?: string } | undefined)?.name;
  const deadlineOf = (name: string) => (data[name] as { date?: string; label?: string | null } | undefined) ?? {};
  let what: string;
  let extra: preact.ComponentChildren = null;
  switch (event.type) {
    case 'commitment_made':
      what = t('timeline.made');
      break;
    case 'progress_reported':
      what = typeof data.percent === 'number' ? t('timeline.progressPercent', { percent: data.percent }) : t('timeline.progress');
      break;
    case 'submitted_to_authority':
      what = t('timeline.submitted', { authority: str(data, 'authority') });
      extra = str(data, 'note') && <p>{str(data, 'note')}</p>;
      break;
    case 'fulfilment_claimed':
      what = t('timeline.claimed');
      break;
    case 'fulfilment_assessed':
      what = t(`timeline.assessed.${str(data, 'assessment') as Assessment}`);
      extra = <p>{str(data, 'note')}</p>;
      break;
    case 'commitment_withdrawn':
      what = t('timeline.withdrawn');
      extra = <p>{str(data, 'reason')}</p>;
      break;
    case 'deadline_amended': {
      const previous = deadlineOf('previous');
      const next = deadlineOf('deadline');
      what = t('timeline.amended');
      extra = (
        <p>
          {previous.date && <DeadlineText date={previous.date} label={previous.label} />} →{' '}
          {next.date && <DeadlineText date={next.date} label={next.label} />}. {str(data, 'reason')}
        </p>
      );
      break;
    }
    case 'requestioned':
      what = t('timeline.requestioned');
      extra = str(data, 'sittingId') && <Link href={paths.sitting('watch', str(data, 'sittingId'))}>{t('commitment.sitting')}</Link>;
      break;
    case 'owner_reminded':
      what = t('timeline.reminded', { days: typeof data.daysBefore === 'number' ? data.daysBefore : '' });
      break;
    case 'deadline_passed':
      what = t('timeline.passed');
      break;
    default:
      what = event.type;
  }

  // When it happened: a commitment made in a sitting is dated by the sitting, not by when the ledger took it in.
  const at = str(data, 'at') || event.recordedAt;
  const evidence = Array.isArray(data.evidence) ? (data.evidence as unknown[]).filter((e): e is string => typeof e === 'string') : [];
  return (
    <li class={`timeline__entry timeline__entry--${event.type}`} data-type={event.type}>
      <p class="timeline__head">
        <strong>{what}</strong>{' '}
        <time class="muted" dateTime={at}>
          {formatDateTime(at, lang())}
        </time>
        {by && <span class="muted"> · {by}</span>}
      </p>
      {extra}
      {/* The server renders and sanitises report Markdown; the client never renders it itself. */}
      {event.html && <div class="prose" dangerouslySetInnerHTML={{ __html: event.html }} />}
      {evidence.length > 0 && (
        <ul class="timeline__evidence">
          {evidence.map(link => (
            <li key={link}>
              <a href={link} rel="noopener noreferrer nofollow" target="_blank">
                {link}
              </a>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

const links = (text: string) =>
  text
    .split('\n')
    .map(l => l.trim())
    .filter(l => l.length > 0);

interface ActionProps {
  readonly commitment: CommitmentSummary;
  readonly onDone: () => Promise<unknown>;
}

/** The owner agency's officer: report progress, say it was submitted to the competent authority, or claim it is done. */
function OfficerActions({ commitment: c, onDone }: ActionProps) {
  const state = useCommand();
  const [markdown, setMarkdown] = useState('');
  const [evidence, setEvidence] = useState('');
  const [percent, setPercent] = useState(c.percent === null ? '' : String(c.percent));
  const [authority, setAuthority] = useState('');
  const params = { commitmentId: c.commitmentId };
  const after = async (ok: boolean) => {
    if (ok) {
      setMarkdown('');
      setEvidence('');
      await onDone();
    }
  };

  return (
    <section class="panel" aria-labelledby="officer-heading" data-testid="officer-actions">
      <h2 id="officer-heading" class="panel__title">
        {t('commitment.officer')}
      </h2>
      <form
        class="form"
        onSubmit={async e => {
          e.preventDefault();
          await after(
            await state.run(t('commitment.done.progress'), () =>
              command('/api/commitments/{commitmentId}/progress', params, {
                markdown,
                evidence: links(evidence),
                percent: percent === '' ? null : Number(percent),
              }),
            ),
          );
        }}
      >
        <label class="field">
          <span class="field__label">{t('commitment.report')}</span>
          <textarea name="markdown" required maxLength={20000} rows={4} value={markdown} onInput={e => setMarkdown(e.currentTarget.value)} />
          <span class="muted field__hint">{t('commitment.markdownHint')}</span>
        </label>
        <div class="field-grid">
          <label class="field">
            <span class="field__label">{t('commitment.evidence')}</span>
            <textarea name="evidence" rows={2} value={evidence} onInput={e => setEvidence(e.currentTarget.value)} />
          </label>
          <label class="field">
            <span class="field__label">{t('commitment.percent')}</span>
            <input name="percent" type="number" min={0} max={100} value={percent} onInput={e => setPercent(e.currentTarget.value)} />
          </label>
        </div>
        <div class="button-row">
          <button type="submit" class="button" disabled={state.busy}>
            {t('commitment.sendReport')}
          </button>
          <button
            type="button"
            class="button button--secondary"
            disabled={state.busy || markdown.trim() === ''}
            onClick={async () =>
              after(
                await state.run(t('commitment.done.claim'), () =>
                  command('/api/commitments/{commitmentId}/claim', params, { markdown, evidence: links(evidence) }),
                ),
              )
            }
          >
            {t('commitment.claim')}
          </button>
        </div>
      </form>
      <form
        class="field-row"
        onSubmit={async e => {
          e.preventDefault();
          const ok = await state.run(t('commitment.done.submitted'), () =>
            command('/api/commitments/{commitmentId}/submission', params, { authority, note: null }),
          );
          if (ok) {
            setAuthority('');
            await onDone();
          }
        }}
      >
        <label class="field">
          <span class="field__label">{t('commitment.authority')}</span>
          <input name="authority" required maxLength={300} value={authority} onInput={e => setAuthority(e.currentTarget.value)} />
        </label>
        <button type="submit" class="button button--secondary" disabled={state.busy}>
          {t('commitment.submit')}
        </button>
      </form>
      <CommandFeedback state={state} />
    </section>
  );
}

/** The deputy who asked, or the supervising committee: verified, disputed, partly or not kept, with reasons. */
function AssessForm({ commitment: c, onDone }: ActionProps) {
  const state = useCommand();
  const [assessment, setAssessment] = useState<Assessment>(c.status === 'claimed' ? 'verified' : 'notFulfilled');
  const [note, setNote] = useState('');
  const options: readonly Assessment[] = ['verified', 'disputed', 'partiallyFulfilled', 'notFulfilled'];
  return (
    <section class="panel" aria-labelledby="assess-heading" data-testid="assess-form">
      <h2 id="assess-heading" class="panel__title">
        {t('commitment.assess')}
      </h2>
      <form
        class="form"
        onSubmit={async e => {
          e.preventDefault();
          const ok = await state.run(t('commitment.done.assessed'), () =>
            command('/api/commitments/{commitmentId}/assessment', { commitmentId: c.commitmentId }, { assessment, note }),
          );
          if (ok) {
            setNote('');
            await onDone();
          }
        }}
      >
        <fieldset class="field">
          <legend class="field__label">{t('commitment.finding')}</legend>
          {options.map(o => (
            <label key={o} class="choice">
              <input type="radio" name="assessment" value={o} checked={assessment === o} onChange={() => setAssessment(o)} /> {t(`timeline.assessed.${o}`)}
            </label>
          ))}
        </fieldset>
        <label class="field">
          <span class="field__label">{t('commitment.reasons')}</span>
          <textarea name="note" required maxLength={2000} rows={3} value={note} onInput={e => setNote(e.currentTarget.value)} />
        </label>
        <button type="submit" class="button" disabled={state.busy}>
          {t('commitment.record')}
        </button>
      </form>
      <CommandFeedback state={state} />
    </section>
  );
}

/** The supervising committee or the secretariat: move the deadline (the old one stays on the record) or withdraw. */
function StewardActions({ commitment: c, onDone }: ActionProps) {
  const state = useCommand();
  const body = useBodyView(c.bodyId);
  const [date, setDate] = useState(() => vietnamDayPlus(90));
  const [session, setSession] = useState('');
  const [reason, setReason] = useState('');
  const params = { commitmentId: c.commitmentId };
  return (
    <section class="panel" aria-labelledby="steward-heading" data-testid="steward-actions">
      <h2 id="steward-heading" class="panel__title">
        {t('commitment.steward')}
      </h2>
      <form
        class="form"
        onSubmit={async e => {
          e.preventDefault();
          const ok = await state.run(t('commitment.done.amended'), () =>
            command('/api/commitments/{commitmentId}/deadline', params, {
              date: session ? null : date,
              beforeSession: session ? Number(session) : null,
              reason,
            }),
          );
          if (ok) {
            setReason('');
            await onDone();
          }
        }}
      >
        <div class="field-grid">
          <DeadlineKind body={body} value={session} onChange={setSession} />
          <label class="field" hidden={session !== ''}>
            <span class="field__label">{t('commitment.newDeadline')}</span>
            <input name="date" type="date" required={session === ''} value={date} onInput={e => setDate(e.currentTarget.value)} />
          </label>
        </div>
        <label class="field">
          <span class="field__label">{t('commitment.reasons')}</span>
          <textarea name="reason" required maxLength={2000} rows={2} value={reason} onInput={e => setReason(e.currentTarget.value)} />
        </label>
        <div class="button-row">
          <button type="submit" class="button" disabled={state.busy}>
            {t('commitment.amend')}
          </button>
          <button
            type="button"
            class="button button--danger"
            disabled={state.busy || reason.trim() === ''}
            onClick={async () => {
              const ok = await state.run(t('commitment.done.withdrawn'), () =>
                command('/api/commitments/{commitmentId}/withdrawal', params, { reason }),
              );
              if (ok) {
                setReason('');
                await onDone();
              }
            }}
          >
            {t('commitment.withdraw')}
          </button>
        </div>
      </form>
      <CommandFeedback state={state} />
    </section>
  );
}
