import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client';
import type { CommitmentStatus, Me, SupervisionDetail, SupervisionTopicView } from '../../api/types';
import type { ScreenProps } from '../../app/App';
import { Link, paths } from '../../app/router';
import { holds, useMe } from '../../auth/session';
import { ProblemMessage } from '../../components/ProblemMessage';
import { t } from '../../i18n/i18n';
import { CommitmentStatusBadge, DeadlineText } from '../commitments/labels';
import { useTitle } from '../useTitle';
import { StageBadge, type FindingChoice } from './labels';
import { Entries, Evidence, Facts, Flag, Section, TimelineEntry, Visits, day, str } from './TopicParts';
import { CloseForm, FindingForm, FollowUpForm, RecommendationForm, ResolutionForm } from './OutcomeForms';
import { EvidenceForms, PlanForm, ReportForm, SupplementForm, VisitForm } from './PlanningForms';
import '../commitments/commitments.css';
import './supervision.css';

/** What the account may do on a topic of its body, after the decider's rules (SupervisionDecider). */
export interface Powers {
  /** The supervising delegation or committee, the secretariat, an admin: plan, evidence, visits, findings, recommendations, follow-up. */
  readonly supervising: boolean;
  /** The secretariat or the chair, an admin: the resolution and the close. */
  readonly leading: boolean;
  /** The supervised agencies whose reports the account may file. */
  readonly reportsFor: readonly string[];
}

export function powersOf(me: Me | null, topic: SupervisionTopicView): Powers {
  const secretariat = holds(me, 'secretariat', topic.bodyId) || holds(me, 'admin', topic.bodyId);
  return {
    supervising: secretariat || holds(me, 'supervisor', topic.bodyId),
    leading: secretariat || holds(me, 'chair', topic.bodyId),
    reportsFor: topic.supervised
      .filter(a => secretariat || (me?.grants.some(g => g.role === 'agencyOfficer' && g.bodyId === a.agencyBodyId && g.personId === a.agencyId) ?? false))
      .map(a => a.agencyId),
  };
}

/**
 * One topic of supervision: its scope, who supervises whom, the plan and programme, the petitions and
 * commitments it rests on with where each stands now, the agencies' reports, field visits, findings, the
 * recommendations and the commitments they became, the resolution, follow-up and every step on the timeline;
 * with the steps the reader's role may take at this stage.
 */
export default function TopicScreen({ route }: ScreenProps) {
  const topicId = route.name === 'supervisionTopic' ? route.topicId : '';
  const me = useMe();
  const [detail, setDetail] = useState<SupervisionDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [polls, setPolls] = useState(0);
  const reload = () => api.supervisionTopic(topicId).then(setDetail, setError);
  useEffect(() => {
    setDetail(null);
    setError(null);
    setPolls(0);
    void reload();
  }, [topicId]);
  // A recommendation becomes a commitment a moment later (the ledger's intake opens it): look again until it has.
  const pending = detail?.recommendations.some(r => !r.commitment) ?? false;
  useEffect(() => {
    if (!pending || polls >= 30) {
      return undefined;
    }

    const timer = setTimeout(() => {
      setPolls(polls + 1);
      void reload();
    }, 2000);
    return () => clearTimeout(timer);
  }, [pending, polls, detail]);
  useTitle(detail ? detail.topic.title : t('supervision.title'));

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

  const topic = detail.topic;
  const powers = powersOf(me, topic);
  const stage = topic.stage;
  const open = stage !== 'closed';
  const underway = stage === 'planned' || stage === 'fieldwork' || stage === 'reporting';
  const events = (type: string) => detail.timeline.filter(e => e.type === type);
  const findings: FindingChoice[] = events('supervision_finding_recorded').map(e => ({
    findingId: str(e.data, 'findingId'),
    text: str(e.data, 'markdown').slice(0, 120),
  }));
  const agencyName = (agencyId: string) => topic.supervised.find(a => a.agencyId === agencyId)?.agencyName ?? agencyId;
  const after = async () => {
    await reload();
  };
  return (
    <div class="page supervision-topic">
      <p>
        <Link href={paths.supervisionList(`body=${encodeURIComponent(topic.bodyId)}`)}>{t('supervision.back')}</Link>
      </p>
      <h1 class="commitment-page__text">{topic.title}</h1>
      <p class="commitment-page__status" data-testid="topic-status">
        <StageBadge stage={stage} />
        {topic.planOverdue && <Flag>{t('supervision.planOverdue')}</Flag>}
        {topic.planLate && !topic.planOverdue && <Flag>{t('supervision.planLate')}</Flag>}
        {topic.draftOverdueFor && <Flag>{t('supervision.draftOverdue')}</Flag>}
        {topic.supplementRequests.some(r => r.overdue) && (
          <Flag>{t('supervision.supplementsOverdue', { count: topic.supplementRequests.filter(r => r.overdue).length })}</Flag>
        )}
      </p>
      <Facts topic={topic} />
      <Section id="scope" title={t('supervision.scope')}>
        {/* Rendered and sanitised by the server. */}
        <div class="prose" dangerouslySetInnerHTML={{ __html: topic.scopeHtml }} />
        <h3>{t('supervision.supervised')}</h3>
        <ul data-testid="supervised">
          {topic.supervised.map(a => (
            <li key={`${a.agencyBodyId}/${a.agencyId}`}>{a.agencyName}</li>
          ))}
        </ul>
      </Section>
      <Section id="plan" title={t('supervision.plan')}>
        {topic.outlineHtml ? (
          <>
            <div class="prose" dangerouslySetInnerHTML={{ __html: topic.outlineHtml }} />
            <h3>{t('supervision.workingSessions')}</h3>
            <ul data-testid="working-sessions">
              {topic.workingSessions.map(s => (
                <li key={s}>
                  <time dateTime={s}>{day(s)}</time>
                </li>
              ))}
            </ul>
            {topic.programmeSentOn && <p class="muted">{t('supervision.programmeSentOn', { date: day(topic.programmeSentOn) })}</p>}
          </>
        ) : (
          <p class="muted">{t('supervision.noPlan', { date: day(topic.planDueBy) })}</p>
        )}
        {powers.supervising && (stage === 'decided' || stage === 'planned') && <PlanForm topic={topic} onDone={after} />}
      </Section>
      <Section id="evidence" title={t('supervision.evidence')}>
        <Evidence detail={detail} />
        {powers.supervising && open && <EvidenceForms topic={topic} evidence={detail.evidence} onDone={after} />}
      </Section>
      <Section id="reports" title={t('supervision.reports')}>
        <Entries
          events={events('supervision_report_received')}
          empty={t('supervision.noReports')}
          testId="reports"
          head={e => agencyName(str(e.data, 'agencyId'))}
          links={e => ((e.data as Record<string, unknown> | null)?.attachments as unknown[] | undefined)?.filter((a): a is string => typeof a === 'string') ?? []}
        />
        {topic.supplementRequests.length > 0 && (
          <>
            <h3>{t('supervision.supplements')}</h3>
            <ul data-testid="supplements">
              {topic.supplementRequests.map(r => (
                <li key={`${r.agencyId}/${r.requestedAt}`}>
                  <strong>{agencyName(r.agencyId)}</strong>: {r.what} — {t('supervision.dueBy', { date: day(r.dueBy) })}
                  {r.fulfilledOn && <> · {t('supervision.fulfilledOn', { date: day(r.fulfilledOn) })}</>}
                  {r.overdue && <Flag>{t('supervision.overdue')}</Flag>}
                </li>
              ))}
            </ul>
          </>
        )}
        {powers.reportsFor.length > 0 && underway && <ReportForm topic={topic} agencies={powers.reportsFor} onDone={after} />}
        {powers.supervising && underway && <SupplementForm topic={topic} onDone={after} />}
      </Section>
      <Section id="visits" title={t('supervision.visits')}>
        <Visits events={events('supervision_field_visit_recorded')} />
        {topic.draftDueBy && (
          <p class="muted">
            {t('supervision.draftDueBy', { date: day(topic.draftDueBy) })}
            {topic.draftOverdueFor && <Flag>{t('supervision.draftOverdue')}</Flag>}
          </p>
        )}
        {powers.supervising && (stage === 'planned' || stage === 'fieldwork') && <VisitForm topic={topic} onDone={after} />}
      </Section>
      <Section id="findings" title={t('supervision.findings')}>
        <Entries events={events('supervision_finding_recorded')} empty={t('supervision.noFindings')} testId="findings" numbered />
        {powers.supervising && underway && <FindingForm topic={topic} onDone={after} />}
      </Section>
      <Section id="recommendations" title={t('supervision.recommendations')}>
        <ol class="supervision-list" data-testid="recommendations">
          {detail.recommendations.map(r => (
            <li key={r.recommendationId} data-testid="recommendation">
              <p>
                <strong>{r.text}</strong>
              </p>
              <p class="muted">
                {t('ledger.owner')}: {r.owner.agencyName} · {t('ledger.deadline')}: <DeadlineText date={r.deadline.date} label={r.deadline.label} />
                {r.findingIds.length > 0 && (
                  <>
                    {' '}
                    ·{' '}
                    {t('supervision.answersFindings', {
                      numbers: r.findingIds
                        .map(id => findings.findIndex(f => f.findingId === id) + 1)
                        .filter(n => n > 0)
                        .join(', '),
                    })}
                  </>
                )}
              </p>
              {r.expectedResult && <p>{t('commitment.expected')}: {r.expectedResult}</p>}
              <p data-testid="recommendation-commitment">
                {r.commitment ? (
                  <>
                    <CommitmentStatusBadge status={r.commitment.status as CommitmentStatus} overdue={r.commitment.overdue ?? false} />{' '}
                    <Link href={paths.commitment(r.commitmentId)}>{t('supervision.followCommitment')}</Link>
                  </>
                ) : (
                  <span class="muted">{t('supervision.commitmentOpening')}</span>
                )}
              </p>
            </li>
          ))}
        </ol>
        {detail.recommendations.length === 0 && <p class="muted">{t('supervision.noRecommendations')}</p>}
        {powers.supervising && (stage === 'fieldwork' || stage === 'reporting') && <RecommendationForm topic={topic} findings={findings} onDone={after} />}
      </Section>
      <Section id="resolution" title={t('supervision.resolution')}>
        {topic.resolution ? (
          <div data-testid="resolution">
            <p>
              <strong>{topic.resolution.reference}</strong> · {t('resolutions.adopted', { date: day(topic.resolution.adoptedOn) })}
            </p>
            {topic.resolutionHtml && <div class="prose" dangerouslySetInnerHTML={{ __html: topic.resolutionHtml }} />}
          </div>
        ) : (
          <p class="muted">{t('supervision.noResolution')}</p>
        )}
        {powers.leading && !topic.resolution && stage === 'reporting' && <ResolutionForm topic={topic} onDone={after} />}
      </Section>
      <Section id="follow-up" title={t('supervision.followUps')}>
        <Entries events={events('supervision_follow_up_recorded')} empty={t('supervision.noFollowUps')} testId="follow-ups" />
        <Entries events={events('supervision_topic_closed')} empty="" testId="closing" head={() => t('supervision.closed')} />
        {powers.supervising && (stage === 'resolved' || stage === 'followUp') && <FollowUpForm topic={topic} onDone={after} />}
        {powers.leading && (stage === 'resolved' || stage === 'followUp') && <CloseForm topic={topic} onDone={after} />}
      </Section>
      <Section id="timeline" title={t('supervision.timeline')}>
        <ol class="timeline" data-testid="timeline">
          {detail.timeline.map(e => (
            <TimelineEntry key={e.version} event={e} agencyName={agencyName} />
          ))}
        </ol>
      </Section>
      {!me?.signedIn && (
        <p class="muted">
          {t('supervision.signInHint')} <Link href={paths.signIn(location.pathname)}>{t('auth.signIn')}</Link>
        </p>
      )}
    </div>
  );
}

