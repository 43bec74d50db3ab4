import type { ComponentChildren } from 'preact';
import type { EscalationTarget, PetitionEventView, PetitionOutcome, SatisfactionRating, SourceChannel } from '../../api/types';
import { Link, paths } from '../../app/router';
import { lang, t } from '../../i18n/i18n';
import { formatDateTime, formatDay } from '../../time/format';
import { channelLabel, outcomeLabel, ratingLabel, targetLabel } from './labels';

export type Data = Record<string, unknown>;

export const eventData = (event: PetitionEventView): Data =>
  typeof event.data === 'object' && event.data !== null ? (event.data as Data) : {};

const str = (data: Data, name: string): string => (typeof data[name] === 'string' ? (data[name] as string) : '');

const agencyOf = (data: Data, name: string): string => ((data[name] as { agencyName?: string } | undefined)?.agencyName ?? '');

const dayOf = (value: unknown): string => (typeof value === 'string' ? formatDay(value, lang(), 'long') : '');

/** Every step of the petition, oldest first, in words; answers' text is shown once, in the answers panel. */
export function PetitionTimeline({ timeline }: { readonly timeline: readonly PetitionEventView[] }) {
  return (
    <section class="panel" aria-labelledby="petition-timeline-heading">
      <h2 id="petition-timeline-heading" class="panel__title">
        {t('commitment.timeline')}
      </h2>
      <ol class="timeline" data-testid="timeline">
        {timeline.map(e => (
          <Entry key={e.version} event={e} />
        ))}
      </ol>
    </section>
  );
}

function Entry({ event }: { readonly event: PetitionEventView }) {
  const data = eventData(event);
  const by = (data.by as { name?: string } | undefined)?.name;
  let what: string;
  let extra: ComponentChildren = null;
  switch (event.type) {
    case 'petition_filed': {
      const channel = (data.source as { channel?: SourceChannel } | undefined)?.channel;
      what = t('petitions.event.filed', { channel: channel ? channelLabel(channel) : '' });
      break;
    }
    case 'petition_absorbed':
      what = t('petitions.event.absorbed');
      extra = str(data, 'otherPetitionId') && <Link href={paths.petition(str(data, 'otherPetitionId'))}>{t('petitions.event.duplicate')}</Link>;
      break;
    case 'petition_merged':
      what = t('petitions.event.merged');
      extra = str(data, 'keeperId') && <Link href={paths.petition(str(data, 'keeperId'))}>{t('petitions.mergedIntoLink')}</Link>;
      break;
    case 'petition_routed':
      what = t('petitions.event.routed', {
        agency: agencyOf(data, 'routing'),
        date: dayOf((data.routing as { deadline?: string } | undefined)?.deadline),
      });
      break;
    case 'petition_rerouted':
      what = t('petitions.event.rerouted', {
        from: agencyOf(data, 'previous'),
        agency: agencyOf(data, 'routing'),
        date: dayOf((data.routing as { deadline?: string } | undefined)?.deadline),
      });
      extra = <p>{str(data, 'reason')}</p>;
      break;
    case 'petition_answered':
      what = t('petitions.event.answered', { outcome: outcomeLabel(str(data, 'outcome') as PetitionOutcome) });
      extra = data.late === true && <span class="badge badge--p-bad">{t('petitions.badge.late')}</span>;
      break;
    case 'petition_reported_back':
      what = t('petitions.reportedVia', { channel: str(data, 'channel') });
      extra = str(data, 'note') && <p>{str(data, 'note')}</p>;
      break;
    case 'petition_rated':
      what = t('petitions.event.rated', { rating: ratingLabel(str(data, 'rating') as SatisfactionRating) });
      extra = str(data, 'comment') && <p class="quote">{str(data, 'comment')}</p>;
      break;
    case 'petition_escalated':
      what = t('petitions.event.escalated', { target: targetLabel(str(data, 'target') as EscalationTarget) });
      extra = <p>{str(data, 'reason')}</p>;
      break;
    case 'petition_agency_reminded':
      what = t('petitions.event.reminded', { days: typeof data.daysBefore === 'number' ? data.daysBefore : '' });
      break;
    case 'petition_overdue':
      what = t('petitions.event.overdue', { date: dayOf(data.deadline) });
      break;
    default:
      what = event.type;
  }

  const at = str(data, 'at') || event.recordedAt;
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
    </li>
  );
}
