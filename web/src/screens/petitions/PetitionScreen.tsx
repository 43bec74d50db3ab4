import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client';
import type { PetitionDetail, PetitionEventView, PetitionOutcome, PetitionSummary } from '../../api/types';
import type { ScreenProps } from '../../app/App';
import { Link, paths } from '../../app/router';
import { holds, useMe } from '../../auth/session';
import { useBodies } from '../../components/hooks';
import { ProblemMessage } from '../../components/ProblemMessage';
import { provinceName, useProvinces } from '../../components/ProvinceSelect';
import { lang, t } from '../../i18n/i18n';
import { formatDateTime, formatDay } from '../../time/format';
import { useTitle } from '../useTitle';
import { AnswerForm, ReportBackForm, StewardActions, Submitters } from './PetitionActions';
import { FilerPanel, VoterRating } from './PetitionRating';
import { PetitionTimeline, eventData, type Data } from './PetitionTimeline';
import { PetitionBadges, channelLabel, fieldLabel, outcomeLabel, supportersText, targetLabel, timingLabel } from './labels';
import '../commitments/commitments.css';
import './petitions.css';

/**
 * One petition, by id or by code: where it was raised, which agency answers it by when, every answer with its
 * outcome, what voters were told and what they think, escalations, and the whole timeline; with the steps the
 * reader may take (route, merge, answer, report back, rate, escalate, see who filed, erase one's details).
 */
export default function PetitionScreen({ route }: ScreenProps) {
  const key = route.name === 'petition' ? route.petitionId : route.name === 'petitionByCode' ? route.code : '';
  const [detail, setDetail] = useState<PetitionDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const me = useMe();
  const load = (id?: string) =>
    (id ? api.petition(id) : route.name === 'petition' ? api.petition(key) : api.petitionByCode(key)).then(
      d => {
        setDetail(d);
        setError(null);
      },
      setError,
    );
  useEffect(() => {
    setDetail(null);
    setError(null);
    void load();
  }, [key]);
  useTitle(detail ? detail.petition.title : t('petitions.title'));

  if (error && !detail) {
    return (
      <div class="page">
        <p>
          <Link href={paths.petitions()}>{t('petitions.back')}</Link>
        </p>
        <ProblemMessage error={error} />
      </div>
    );
  }

  if (!detail) {
    return <p class="muted page">{t('common.loading')}</p>;
  }

  const p = detail.petition;
  const reload = () => load(p.petitionId);
  const steward = holds(me, 'secretariat', p.bodyId) || holds(me, 'supervisor', p.bodyId) || holds(me, 'admin', p.bodyId);
  const reporter = steward || holds(me, 'deputy', p.bodyId);
  const officer = !!p.agencyId && (me?.grants.some(g => g.role === 'agencyOfficer' && g.bodyId === p.agencyBodyId && g.personId === p.agencyId) ?? false);
  const answers = detail.timeline.filter(e => e.type === 'petition_answered');
  return (
    <div class="page petition-page">
      <p>
        <Link href={paths.petitions()}>{t('petitions.back')}</Link>
      </p>
      <p class="petition-page__code">
        <span class="muted">{t('petitions.code')}</span> <code class="petition-code" data-testid="petition-code">{p.code}</code>
      </p>
      <h1 class="petition-page__title">{p.title}</h1>
      <p class="petition-page__status" data-testid="petition-status">
        <PetitionBadges petition={p} />
      </p>
      {p.mergedInto && (
        <p class="panel notice">
          {t('petitions.mergedInto')} <Link href={paths.petition(p.mergedInto)}>{t('petitions.mergedIntoLink')}</Link>
        </p>
      )}
      <Facts petition={p} />
      <Sources detail={detail} />
      <Routing petition={p} />
      <Answers petition={p} answers={answers} />
      <AfterAnswer petition={p} timeline={detail.timeline} />
      {officer && !p.resolved && <AnswerForm petition={p} onDone={reload} />}
      {reporter && p.answers > 0 && !p.reportedBack && <ReportBackForm petition={p} onDone={reload} />}
      {steward && <StewardActions petition={p} onDone={reload} />}
      {(steward || officer) && <Submitters petition={p} />}
      {me?.signedIn && !officer && p.answers > 0 && <VoterRating petition={p} onDone={reload} />}
      {!steward && !officer && <FilerPanel petition={p} onDone={reload} />}
      {!me?.signedIn && (
        <p class="muted">
          {t('petitions.signInHint')} <Link href={paths.signIn(location.pathname)}>{t('auth.signIn')}</Link>
        </p>
      )}
      <PetitionTimeline timeline={detail.timeline} />
    </div>
  );
}

function Facts({ petition: p }: { readonly petition: PetitionSummary }) {
  const bodies = useBodies();
  const provinces = useProvinces();
  const body = bodies?.find(b => b.bodyId === p.bodyId);
  return (
    <dl class="facts" data-testid="facts">
      <dt>{t('ledger.body')}</dt>
      <dd>{body ? (lang() === 'en' ? body.nameEn : body.name) : p.bodyId}</dd>
      <dt>{t('petitions.fieldLabel')}</dt>
      <dd>{fieldLabel(p.field)}</dd>
      <dt>{t('petitions.locality')}</dt>
      <dd>{[p.commune, provinceName(provinces, p.provinceId)].filter(Boolean).join(', ')}</dd>
      <dt>{t('petitions.supportersLabel')}</dt>
      <dd>
        {supportersText(p.supporters)}
        {p.sources > 1 && <> · {t('petitions.sources', { count: p.sources })}</>}
      </dd>
      <dt>{t('petitions.filedAt')}</dt>
      <dd>
        <time dateTime={p.filedAt}>{formatDateTime(p.filedAt, lang())}</time> · {channelLabel(p.channel)}
      </dd>
    </dl>
  );
}

function Sources({ detail }: { readonly detail: PetitionDetail }) {
  const provinces = useProvinces();
  return (
    <section class="panel" aria-labelledby="sources-heading" data-testid="sources">
      <h2 id="sources-heading" class="panel__title">
        {t('petitions.sourcesHeading')}
      </h2>
      <ol class="sources">
        {detail.sources.map(s => (
          <li key={s.sourceId} class="source">
            <p class="source__meta">
              <span class="tag">{channelLabel(s.channel)}</span>{' '}
              {s.meetingDate && (
                <>
                  {t('petitions.meetingOn', { date: formatDay(s.meetingDate, lang(), 'long') })}
                  {s.meetingTiming && <> ({timingLabel(s.meetingTiming, s.session)})</>} ·{' '}
                </>
              )}
              {[s.commune, provinceName(provinces, s.provinceId)].filter(Boolean).join(', ')} · {supportersText(s.supporters)}
            </p>
            <p class="source__text">{s.text}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}

function Routing({ petition: p }: { readonly petition: PetitionSummary }) {
  return (
    <section class="panel" aria-labelledby="routing-heading" data-testid="routing">
      <h2 id="routing-heading" class="panel__title">
        {t('petitions.routingHeading')}
      </h2>
      {p.agencyName ? (
        <dl class="facts">
          <dt>{t('petitions.answeredBy')}</dt>
          <dd>{p.agencyName}</dd>
          <dt>{t('petitions.level')}</dt>
          <dd>{p.level === 'central' ? t('petitions.level.central') : t('petitions.level.local')}</dd>
          <dt>{t('petitions.deadline')}</dt>
          <dd>
            {p.deadline && <time dateTime={p.deadline}>{formatDay(p.deadline, lang(), 'long')}</time>}
            {p.overdue && p.overdueSince && (
              <>
                {' '}
                <span class="badge badge--p-bad">{t('petitions.overdueSince', { date: formatDay(p.overdueSince, lang()) })}</span>
              </>
            )}
          </dd>
        </dl>
      ) : (
        <p class="muted">{p.status === 'merged' ? t('petitions.mergedRouting') : t('petitions.notRoutedYet')}</p>
      )}
    </section>
  );
}

function Answers({ petition: p, answers }: { readonly petition: PetitionSummary; readonly answers: readonly PetitionEventView[] }) {
  return (
    <section class="panel" aria-labelledby="answers-heading" data-testid="answers">
      <h2 id="answers-heading" class="panel__title">
        {t('petitions.answersHeading')}
      </h2>
      {answers.length === 0 && <p class="muted">{p.agencyId ? t('petitions.noAnswerYet') : t('petitions.notRoutedYet')}</p>}
      <ol class="answers">
        {answers.map(e => {
          const data = eventData(e);
          const outcome = data.outcome as PetitionOutcome | undefined;
          const at = typeof data.at === 'string' ? data.at : e.recordedAt;
          return (
            <li key={e.version} class="answer" data-testid="answer">
              <p class="answer__meta">
                {outcome && <span class={`badge badge--p-${outcome === 'resolved' ? 'good' : 'warn'}`}>{outcomeLabel(outcome)}</span>}{' '}
                {data.late === true && <span class="badge badge--p-bad">{t('petitions.badge.late')}</span>}{' '}
                <time class="muted" dateTime={at}>
                  {formatDateTime(at, lang())}
                </time>
                {byName(data) && <span class="muted"> · {byName(data)}</span>}
              </p>
              {/* Rendered and sanitized by the server; the client never renders Markdown itself. */}
              {e.html && <div class="prose" dangerouslySetInnerHTML={{ __html: e.html }} />}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

const byName = (data: Data) => (data.by as { name?: string } | undefined)?.name ?? '';

/** What followed the answer: reported back to voters, their verdicts, and escalations. */
function AfterAnswer({ petition: p, timeline }: { readonly petition: PetitionSummary; readonly timeline: readonly PetitionEventView[] }) {
  const reported = timeline.filter(e => e.type === 'petition_reported_back').map(eventData);
  const escalations = timeline.filter(e => e.type === 'petition_escalated').map(eventData);
  const rated = p.satisfied + p.partlySatisfied + p.unsatisfied;
  return (
    <section class="panel" aria-labelledby="after-heading" data-testid="after-answer">
      <h2 id="after-heading" class="panel__title">
        {t('petitions.afterHeading')}
      </h2>
      <dl class="facts">
        <dt>{t('petitions.reportedBack')}</dt>
        <dd data-testid="reported-back">
          {reported.length === 0
            ? t('petitions.notReportedBack')
            : reported.map((r, i) => (
                <span key={i}>
                  {t('petitions.reportedVia', { channel: String(r.channel ?? '') })}
                  {typeof r.note === 'string' && <> — {r.note}</>}
                </span>
              ))}
        </dd>
        <dt>{t('petitions.ratingsLabel')}</dt>
        <dd data-testid="ratings">
          {rated === 0
            ? t('petitions.noRatings')
            : t('petitions.figures.ratings', { satisfied: p.satisfied, partly: p.partlySatisfied, unsatisfied: p.unsatisfied })}
        </dd>
        <dt>{t('petitions.escalationsLabel')}</dt>
        <dd data-testid="escalations">
          {escalations.length === 0 ? (
            t('petitions.noEscalations')
          ) : (
            <ul class="plain-list">
              {escalations.map((x, i) => (
                <li key={i}>
                  {targetLabel(x.target as 'supervisionTopic' | 'question')}
                  {x.target === 'supervisionTopic' && typeof x.targetId === 'string' && (
                    <>
                      {' '}
                      <Link href={`/supervision/${x.targetId}`}>{t('petitions.openTopic')}</Link>
                    </>
                  )}
                  {typeof x.reason === 'string' && <> — {x.reason}</>}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
    </section>
  );
}
