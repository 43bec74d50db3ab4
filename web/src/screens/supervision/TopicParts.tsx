import type { ComponentChildren } from 'preact';
import type { CommitmentStatus, SupervisionDetail, SupervisionEventView, SupervisionTopicView } from '../../api/types';
import { Link, paths } from '../../app/router';
import { useBodies } from '../../components/hooks';
import { lang, t } from '../../i18n/i18n';
import { formatDateTime, formatDay } from '../../time/format';
import { CommitmentStatusBadge } from '../commitments/labels';
import { petitionPath, petitionStatusLabel, useProvinces } from './labels';

/** The parts of a topic's page that show what was recorded; the page decides where they go and which forms follow. */

type Data = Record<string, unknown>;

export const str = (data: unknown, name: string): string => {
  const value = (data as Data | null)?.[name];
  return typeof value === 'string' ? value : '';
};

export const day = (d: string | null | undefined): string => (d && /^\d{4}-\d{2}-\d{2}$/.test(d) ? formatDay(d, lang(), 'long') : (d ?? ''));

export function Flag({ children }: { readonly children: ComponentChildren }) {
  return (
    <>
      {' '}
      <span class="badge badge--c-overdue">{children}</span>
    </>
  );
}

export function Section({ id, title, children }: { readonly id: string; readonly title: string; readonly children: ComponentChildren }) {
  return (
    <section class="panel" aria-labelledby={`${id}-heading`} data-testid={`section-${id}`}>
      <h2 id={`${id}-heading`} class="panel__title">
        {title}
      </h2>
      {children}
    </section>
  );
}

export function Facts({ topic }: { readonly topic: SupervisionTopicView }) {
  const bodies = useBodies();
  const body = bodies?.find(b => b.bodyId === topic.bodyId);
  return (
    <dl class="facts" data-testid="facts">
      <dt>{t('ledger.body')}</dt>
      <dd>
        {body ? (lang() === 'en' ? body.nameEn : body.name) : topic.bodyId}
        {topic.term && <> · {t('home.term', { term: topic.term })}</>}
      </dd>
      <dt>{t('supervision.assignedTo')}</dt>
      <dd>{topic.assignedTo}</dd>
      {topic.decisionReference && (
        <>
          <dt>{t('supervision.decisionReference')}</dt>
          <dd>{topic.decisionReference}</dd>
        </>
      )}
      <dt>{t('supervision.decidedAt')}</dt>
      <dd>
        <time dateTime={topic.decidedAt}>{formatDateTime(topic.decidedAt, lang())}</time>
      </dd>
      <dt>{t('supervision.planDueBy')}</dt>
      <dd>
        <time dateTime={topic.planDueBy}>{day(topic.planDueBy)}</time>
        {topic.planSentAt && (
          <>
            {' '}
            · {t('supervision.planSentAt', { date: formatDateTime(topic.planSentAt, lang()) })}
          </>
        )}
        {topic.planAmendments > 0 && <> · {t('supervision.planAmendments', { count: topic.planAmendments })}</>}
      </dd>
      {topic.closedAt && (
        <>
          <dt>{t('supervision.closedAt')}</dt>
          <dd>
            <time dateTime={topic.closedAt}>{formatDateTime(topic.closedAt, lang())}</time>
          </dd>
        </>
      )}
    </dl>
  );
}

/** The petitions and commitments the topic rests on, each with where it stands now. */
export function Evidence({ detail }: { readonly detail: SupervisionDetail }) {
  const petitions = detail.evidence.filter(e => e.kind === 'petition');
  const commitments = detail.evidence.filter(e => e.kind === 'commitment');
  return (
    <div data-testid="evidence">
      <h3>{t('supervision.petitions')}</h3>
      {petitions.length === 0 && <p class="muted">{t('supervision.noPetitions')}</p>}
      <ul class="supervision-list" data-testid="evidence-petitions">
        {petitions.map(e => (
          <li key={e.id}>
            {e.petition ? (
              <>
                <code>{e.petition.code}</code> <Link href={petitionPath(e.id)}>{e.petition.title}</Link> ·{' '}
                <span class="tag" data-testid="petition-status">
                  {petitionStatusLabel(e.petition.status)}
                </span>
                {e.petition.agencyName && <span class="muted"> · {e.petition.agencyName}</span>}
              </>
            ) : (
              <Link href={petitionPath(e.id)}>{e.id}</Link>
            )}
          </li>
        ))}
      </ul>
      <h3>{t('supervision.commitments')}</h3>
      {commitments.length === 0 && <p class="muted">{t('supervision.noCommitments')}</p>}
      <ul class="supervision-list" data-testid="evidence-commitments">
        {commitments.map(e => (
          <li key={e.id}>
            {e.commitment ? (
              <>
                <Link href={paths.commitment(e.id)}>{e.commitment.text}</Link>{' '}
                <CommitmentStatusBadge status={e.commitment.status as CommitmentStatus} overdue={e.commitment.overdue ?? false} />
                <span class="muted"> · {e.commitment.agencyName}</span>
              </>
            ) : (
              <Link href={paths.commitment(e.id)}>{e.id}</Link>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

export interface EntriesProps {
  readonly events: readonly SupervisionEventView[];
  readonly empty: string;
  readonly testId: string;
  readonly head?: (e: SupervisionEventView) => string;
  readonly links?: (e: SupervisionEventView) => readonly string[];
  readonly numbered?: boolean;
}

/** Entries of one kind from the timeline (reports, findings, follow-up notes), each with its server-rendered text. */
export function Entries({ events, empty, testId, head, links, numbered = false }: EntriesProps) {
  if (events.length === 0) {
    return empty ? <p class="muted">{empty}</p> : null;
  }

  const items = events.map(e => (
    <li key={e.version} class="supervision-entry">
      <p class="muted">
        {head && <strong>{head(e)} · </strong>}
        <time dateTime={e.recordedAt}>{formatDateTime(e.recordedAt, lang())}</time>
      </p>
      {e.html && <div class="prose" dangerouslySetInnerHTML={{ __html: e.html }} />}
      {links && links(e).length > 0 && (
        <ul class="timeline__evidence">
          {links(e).map(link => (
            <li key={link}>
              <a href={link} rel="noopener noreferrer nofollow" target="_blank">
                {link}
              </a>
            </li>
          ))}
        </ul>
      )}
    </li>
  ));
  return numbered ? (
    <ol class="supervision-list" data-testid={testId}>
      {items}
    </ol>
  ) : (
    <ul class="supervision-list" data-testid={testId}>
      {items}
    </ul>
  );
}

export function Visits({ events }: { readonly events: readonly SupervisionEventView[] }) {
  const provinceList = useProvinces();
  if (events.length === 0) {
    return <p class="muted">{t('supervision.noVisits')}</p>;
  }

  return (
    <ul class="supervision-list" data-testid="visits">
      {events.map(e => {
        const locality = ((e.data as Data | null)?.locality ?? {}) as Data;
        const province = provinceList?.find(p => p.provinceId === str(locality, 'provinceId'));
        const place = [str(locality, 'commune'), province ? (lang() === 'en' ? province.nameEn : province.name) : str(locality, 'provinceId')]
          .filter(Boolean)
          .join(', ');
        return (
          <li key={e.version} class="supervision-entry">
            <p>
              <strong>
                <time dateTime={str(e.data, 'date')}>{day(str(e.data, 'date'))}</time> · {place}
              </strong>
            </p>
            {e.html && <div class="prose" dangerouslySetInnerHTML={{ __html: e.html }} />}
          </li>
        );
      })}
    </ul>
  );
}

const eventKeys = {
  supervision_topic_decided: 'supervision.event.decided',
  supervision_plan_sent: 'supervision.event.planSent',
  supervision_evidence_linked: 'supervision.event.evidenceLinked',
  supervision_evidence_unlinked: 'supervision.event.evidenceUnlinked',
  supervision_report_received: 'supervision.event.report',
  supervision_supplement_requested: 'supervision.event.supplement',
  supervision_field_visit_recorded: 'supervision.event.visit',
  supervision_finding_recorded: 'supervision.event.finding',
  recommendation_made: 'supervision.event.recommendation',
  supervision_resolution_adopted: 'supervision.event.resolution',
  supervision_follow_up_recorded: 'supervision.event.followUp',
  supervision_topic_closed: 'supervision.event.closed',
  supervision_plan_overdue: 'supervision.event.planOverdue',
  supervision_supplement_overdue: 'supervision.event.supplementOverdue',
  supervision_draft_report_overdue: 'supervision.event.draftOverdue',
} as const;

/** One step in a line; the texts themselves are in the sections above. */
export function TimelineEntry({ event, agencyName }: { readonly event: SupervisionEventView; readonly agencyName: (id: string) => string }) {
  const data = (event.data ?? {}) as Data;
  const by = (data.by as { name?: string } | undefined)?.name;
  const key = eventKeys[event.type as keyof typeof eventKeys];
  const agency = str(data, 'agencyId');
  const count = Array.isArray(data.links) ? data.links.length : 0;
  const late = data.late === true || event.type.endsWith('_overdue');
  return (
    <li class={`timeline__entry timeline__entry--${event.type}`} data-type={event.type}>
      <p class="timeline__head">
        <strong>{key ? t(key, { count, agency: agency ? agencyName(agency) : '' }) : event.type}</strong>{' '}
        <time class="muted" dateTime={event.recordedAt}>
          {formatDateTime(event.recordedAt, lang())}
        </time>
        {by && <span class="muted"> · {by}</span>}
        {late && <Flag>{t('supervision.late')}</Flag>}
      </p>
      {event.type === 'supervision_evidence_unlinked' && <p>{str(data, 'reason')}</p>}
      {event.type === 'recommendation_made' && <p>{str(data, 'text')}</p>}
    </li>
  );
}
