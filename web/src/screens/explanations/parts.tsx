import type { ComponentChildren } from 'preact';
import type { ExplanationEventView, ExplanationStatus, ExplanationSummary, ExplanationView, RefusalGround, SatisfactionRating } from '../../api/types';
import { lang, t, type MessageKey } from '../../i18n/i18n';
import { formatDateTime, formatDay } from '../../time/format';

const statusKeys: Record<ExplanationStatus, MessageKey> = {
  none: 'explanations.status.received',
  received: 'explanations.status.received',
  accepted: 'explanations.status.accepted',
  refused: 'explanations.status.refused',
  explained: 'explanations.status.explained',
};

export const explanationStatuses: readonly ExplanationStatus[] = ['received', 'accepted', 'refused', 'explained'];

export function explanationStatusLabel(status: ExplanationStatus): string {
  return t(statusKeys[status]);
}

export const refusalGrounds: readonly RefusalGround[] = [
  'notDirectlyAffected',
  'noCapacity',
  'alreadyExplained',
  'underOtherProcedure',
  'confidential',
  'other',
];

const groundKeys: Record<RefusalGround, MessageKey> = {
  notDirectlyAffected: 'explanations.ground.notDirectlyAffected',
  noCapacity: 'explanations.ground.noCapacity',
  alreadyExplained: 'explanations.ground.alreadyExplained',
  underOtherProcedure: 'explanations.ground.underOtherProcedure',
  confidential: 'explanations.ground.confidential',
  other: 'explanations.ground.other',
};

export function groundLabel(ground: string): string {
  return ground in groundKeys ? t(groundKeys[ground as RefusalGround]) : ground;
}

export const ratings: readonly SatisfactionRating[] = ['satisfied', 'partlySatisfied', 'unsatisfied'];

const ratingKeys: Record<SatisfactionRating, MessageKey> = {
  satisfied: 'explanations.rating.satisfied',
  partlySatisfied: 'explanations.rating.partlySatisfied',
  unsatisfied: 'explanations.rating.unsatisfied',
};

export function ratingLabel(rating: string): string {
  return rating in ratingKeys ? t(ratingKeys[rating as SatisfactionRating]) : rating;
}

type Clocks = Pick<
  ExplanationSummary,
  'status' | 'acknowledgeBy' | 'explainBy' | 'acknowledgementOverdue' | 'explanationOverdue' | 'acknowledgedLate' | 'explainedLate'
>;

/** The deadline the agency is working to now: acknowledging a received request, explaining an accepted one; none once closed. */
export function activeDeadline(r: Clocks): string | null {
  return r.status === 'received' ? r.acknowledgeBy : r.status === 'accepted' ? r.explainBy : null;
}

export function isOverdue(r: Clocks): boolean {
  return (r.status === 'received' && r.acknowledgementOverdue) || (r.status === 'accepted' && r.explanationOverdue);
}

/** The status in words, with the late and overdue facts beside it (overdue is a fact, not a status). */
export function ExplanationStatusBadges({ request: r }: { readonly request: Clocks }) {
  const badges: [string, string][] = [[`badge badge--x-${r.status}`, explanationStatusLabel(r.status)]];
  if (r.status === 'received' && r.acknowledgementOverdue) {
    badges.push(['badge badge--c-overdue', t('explanations.ackOverdue')]);
  }

  if (r.status === 'accepted' && r.explanationOverdue) {
    badges.push(['badge badge--c-overdue', t('explanations.explainOverdue')]);
  }

  if (r.acknowledgedLate) {
    badges.push(['badge badge--c-overdue', t('explanations.acknowledgedLate')]);
  }

  if (r.explainedLate) {
    badges.push(['badge badge--c-overdue', t('explanations.explainedLate')]);
  }

  return (
    <span class="explanation-badges" data-testid="explanation-status">
      {badges.map(([cls, text], i) => (
        <span key={text}>
          {i > 0 && ' '}
          <span class={cls}>{text}</span>
        </span>
      ))}
    </span>
  );
}

function Day({ day }: { readonly day: string }) {
  return <time dateTime={day}>{formatDay(day, lang(), 'long')}</time>;
}

function At({ at }: { readonly at: string }) {
  return <time dateTime={at}>{formatDateTime(at, lang())}</time>;
}

type Data = Record<string, unknown>;

const str = (data: Data, name: string): string => (typeof data[name] === 'string' ? (data[name] as string) : '');

/** A day from an event's data in words; an absent or malformed one shows as it is rather than breaking the page. */
const longDay = (day: string): string => (/^\d{4}-\d{2}-\d{2}$/.test(day) ? formatDay(day, lang(), 'long') : day);

/** The legal basis of the explanation: it is kept with the explanation's event, not in the request's state. */
export function legalBasisOf(view: ExplanationView): string | null {
  const given = [...view.timeline].reverse().find(e => e.type === 'explanation_given');
  const basis = given ? str((given.data ?? {}) as Data, 'legalBasis') : '';
  return basis || null;
}

/**
 * A request for explanation as its reader may see it: what is asked, of whom, every deadline, the answer or the
 * refusal, and the timeline. The server decides what the reader sees; nothing here adds to it.
 */
export function ExplanationDetails({ view, children }: { readonly view: ExplanationView; readonly children?: ComponentChildren }) {
  const basis = legalBasisOf(view);
  return (
    <>
      <h1 class="explanation-page__subject">{view.subject}</h1>
      <p class="commitment-page__status">
        <ExplanationStatusBadges request={view} />
        {!view.publish && (
          <>
            {' '}
            <span class="tag">{t('explanations.notPublic')}</span>
          </>
        )}
      </p>
      <dl class="facts" data-testid="explanation-facts">
        <dt>{t('explanations.code')}</dt>
        <dd>
          <code>{view.code}</code>
        </dd>
        <dt>{t('explanations.agency')}</dt>
        <dd>{view.agency.agencyName}</dd>
        <dt>{t('explanations.kind')}</dt>
        <dd>
          {view.kind === 'organisation' ? t('explanations.kind.organisation') : t('explanations.kind.person')}
          {view.represented > 1 && <> · {t('explanations.representedCount', { represented: view.represented, representatives: view.representatives })}</>}
        </dd>
        {view.decisionReference && (
          <>
            <dt>{t('explanations.decisionReference')}</dt>
            <dd>{view.decisionReference}</dd>
          </>
        )}
        <dt>{t('explanations.receivedAt')}</dt>
        <dd>
          <At at={view.receivedAt} /> · {view.channel === 'inPerson' ? t('explanations.channel.inPerson') : t('explanations.channel.online')}
        </dd>
        {view.acknowledgeBy && (
          <>
            <dt>{t('explanations.acknowledgeBy')}</dt>
            <dd data-testid="acknowledge-by">
              <Day day={view.acknowledgeBy} />
              {view.acknowledgedLate && <> · {t('explanations.acknowledgedLate')}</>}
            </dd>
          </>
        )}
        {view.acceptedAt && (
          <>
            <dt>{t('explanations.acceptedAt')}</dt>
            <dd>
              <At at={view.acceptedAt} />
            </dd>
          </>
        )}
        {view.explainBy && (
          <>
            <dt>{t('explanations.explainBy')}</dt>
            <dd data-testid="explain-by">
              <Day day={view.explainBy} />
              {view.extended && view.originalExplainBy && (
                <>
                  {' '}
                  · {t('explanations.extendedFrom')} <Day day={view.originalExplainBy} />
                </>
              )}
            </dd>
          </>
        )}
        {view.refusedAt && (
          <>
            <dt>{t('explanations.refusedAt')}</dt>
            <dd>
              <At at={view.refusedAt} />
              {view.refusalGround && <> · {groundLabel(view.refusalGround)}</>}
            </dd>
          </>
        )}
        {view.explainedAt && (
          <>
            <dt>{t('explanations.explainedAt')}</dt>
            <dd>
              <At at={view.explainedAt} />
            </dd>
          </>
        )}
        {view.rating && (
          <>
            <dt>{t('explanations.ratingLabel')}</dt>
            <dd data-testid="rating">{ratingLabel(view.rating)}</dd>
          </>
        )}
        {view.agencyHistory.length > 1 && (
          <>
            <dt>{t('explanations.agencyHistory')}</dt>
            <dd>{view.agencyHistory.map(a => a.agencyName).join(' → ')}</dd>
          </>
        )}
      </dl>
      <section class="panel" aria-labelledby="matter-heading">
        <h2 id="matter-heading" class="panel__title">
          {t('explanations.matter')}
        </h2>
        <p class="explanation-page__matter">{view.matter}</p>
      </section>
      {view.refusalReason && (
        <section class="panel" aria-labelledby="refusal-heading" data-testid="refusal">
          <h2 id="refusal-heading" class="panel__title">
            {t('explanations.refusal')}
          </h2>
          <p>{view.refusalReason}</p>
        </section>
      )}
      {view.explanationHtml && (
        <section class="panel" aria-labelledby="explanation-heading" data-testid="explanation">
          <h2 id="explanation-heading" class="panel__title">
            {t('explanations.explanation')}
          </h2>
          {/* Rendered and sanitised by the server; the client never renders Markdown itself. */}
          <div class="prose" dangerouslySetInnerHTML={{ __html: view.explanationHtml }} />
          {basis && (
            <p data-testid="legal-basis">
              <strong>{t('explanations.legalBasis')}:</strong> {basis}
            </p>
          )}
        </section>
      )}
      {children}
      <section class="panel" aria-labelledby="explanation-timeline-heading">
        <h2 id="explanation-timeline-heading" class="panel__title">
          {t('explanations.timeline')}
        </h2>
        <ol class="timeline" data-testid="timeline">
          {view.timeline.map(e => (
            <TimelineEntry key={e.version} event={e} />
          ))}
        </ol>
      </section>
    </>
  );
}

function TimelineEntry({ event }: { readonly event: ExplanationEventView }) {
  const data = (event.data ?? {}) as Data;
  const by = (data.by as { name?: string } | undefined)?.name;
  const agency = (name: string) => (data[name] as { agencyName?: string } | undefined)?.agencyName ?? '';
  let what: string;
  let extra: ComponentChildren = null;
  switch (event.type) {
    case 'explanation_request_filed':
      what = t('explanations.event.filed');
      break;
    case 'explanation_request_accepted':
      what = t('explanations.event.accepted', { date: longDay(str(data, 'explainBy')) });
      break;
    case 'explanation_request_refused':
      what = t('explanations.event.refused');
      extra = (
        <p>
          {groundLabel(str(data, 'ground'))}. {str(data, 'reason')}
        </p>
      );
      break;
    case 'explanation_request_redirected':
      what = t('explanations.event.redirected', { from: agency('from'), to: agency('to') });
      extra = <p>{str(data, 'reason')}</p>;
      break;
    case 'explanation_extended':
      what = t('explanations.event.extended', { date: longDay(str(data, 'explainBy')) });
      extra = <p>{str(data, 'reason')}</p>;
      break;
    case 'explanation_meeting_recorded':
      what = t('explanations.event.meeting', { date: longDay(str(data, 'date')) });
      // The minutes, for the agency and the requester only (the server leaves them out of the public view).
      extra = event.html ? <div class="prose" dangerouslySetInnerHTML={{ __html: event.html }} /> : null;
      break;
    case 'explanation_given':
      what = t('explanations.event.explained');
      break;
    case 'explanation_rated':
      what = t('explanations.event.rated', { rating: ratingLabel(str(data, 'rating')) });
      extra = str(data, 'comment') ? <p>{str(data, 'comment')}</p> : null;
      break;
    case 'explanation_agency_reminded':
      what = t('explanations.event.reminded', { date: longDay(str(data, 'date')) });
      break;
    case 'explanation_acknowledgement_overdue':
      what = t('explanations.event.ackOverdue');
      break;
    case 'explanation_overdue':
      what = t('explanations.event.explainOverdue');
      break;
    default:
      what = event.type;
  }

  const late = data.late === true;
  return (
    <li class={`timeline__entry timeline__entry--${event.type}`} data-type={event.type}>
      <p class="timeline__head">
        <strong>{what}</strong>{' '}
        <time class="muted" dateTime={event.recordedAt}>
          {formatDateTime(event.recordedAt, lang())}
        </time>
        {by && <span class="muted"> · {by}</span>}
        {late && (
          <>
            {' '}
            <span class="badge badge--c-overdue">{t('explanations.late')}</span>
          </>
        )}
      </p>
      {extra}
    </li>
  );
}
