import type {
  EscalationTarget,
  Role,
  MeetingTiming,
  PetitionField,
  PetitionOutcome,
  PetitionSummary,
  SatisfactionRating,
  SearchKind,
  SourceChannel,
} from '../../api/types';
import { t, type MessageKey } from '../../i18n/i18n';

/** Who records a contact meeting and the petitions raised at it (the decider's rule): the body's secretariat, deputies, supervising committee, admins. */
export const MEETING_ROLES: readonly Role[] = ['secretariat', 'deputy', 'supervisor', 'admin'];

/** The sectors, in the order the form offers them. */
export const petitionFields: readonly PetitionField[] = [
  'land',
  'environment',
  'health',
  'education',
  'transport',
  'infrastructure',
  'socialWelfare',
  'labour',
  'agriculture',
  'justice',
  'economy',
  'administration',
  'other',
];

const fieldKeys: Record<PetitionField, MessageKey> = {
  land: 'petitions.field.land',
  environment: 'petitions.field.environment',
  health: 'petitions.field.health',
  education: 'petitions.field.education',
  transport: 'petitions.field.transport',
  infrastructure: 'petitions.field.infrastructure',
  socialWelfare: 'petitions.field.socialWelfare',
  labour: 'petitions.field.labour',
  agriculture: 'petitions.field.agriculture',
  justice: 'petitions.field.justice',
  economy: 'petitions.field.economy',
  administration: 'petitions.field.administration',
  other: 'petitions.field.other',
};

/** "1 voter", "2 voters": English says one apart (Vietnamese does not, but keeps the same pair of keys). */
export const supportersText = (count: number) => t(count === 1 ? 'petitions.supporters.one' : 'petitions.supporters', { count });

export const petitionsText = (count: number) => t(count === 1 ? 'petitions.count.one' : 'petitions.count', { count });

/** A field in words; the search index spells fields as the server's enum names ("SocialWelfare"), read here too. */
export function fieldLabel(field: string | null | undefined): string {
  const key = field ? (field.charAt(0).toLowerCase() + field.slice(1)) as PetitionField : null;
  return key && key in fieldKeys ? t(fieldKeys[key]) : (field ?? '');
}

export const petitionOutcomes: readonly PetitionOutcome[] = ['resolved', 'beingResolved', 'explained'];

const outcomeKeys: Record<PetitionOutcome, MessageKey> = {
  resolved: 'petitions.outcome.resolved',
  beingResolved: 'petitions.outcome.beingResolved',
  explained: 'petitions.outcome.explained',
};

export const outcomeLabel = (outcome: PetitionOutcome) => t(outcomeKeys[outcome]);

export const meetingTimings: readonly MeetingTiming[] = ['beforeSession', 'afterSession', 'thematic'];

/**
 * When a contact meeting was held: "before session 11", "after session 10", or "thematic". (The API's schema
 * lets a timing be null because a source's is optional; a meeting always has one, and null reads as nothing.)
 */
export function timingLabel(timing: MeetingTiming | null, session: number | null | undefined): string {
  if (timing === null) {
    return '';
  }

  if (timing === 'thematic') {
    return t('petitions.timing.thematic');
  }

  const before = timing === 'beforeSession';
  return session
    ? t(before ? 'petitions.timing.beforeSessionN' : 'petitions.timing.afterSessionN', { number: session })
    : t(before ? 'petitions.timing.beforeSession' : 'petitions.timing.afterSession');
}

export const ratings: readonly SatisfactionRating[] = ['satisfied', 'partlySatisfied', 'unsatisfied'];

const ratingKeys: Record<SatisfactionRating, MessageKey> = {
  satisfied: 'petitions.rating.satisfied',
  partlySatisfied: 'petitions.rating.partlySatisfied',
  unsatisfied: 'petitions.rating.unsatisfied',
};

export const ratingLabel = (rating: SatisfactionRating) => t(ratingKeys[rating]);

const channelKeys: Record<SourceChannel, MessageKey> = {
  meeting: 'petitions.channel.meeting',
  online: 'petitions.channel.online',
  import: 'petitions.channel.import',
};

export const channelLabel = (channel: SourceChannel) => t(channelKeys[channel]);

const targetKeys: Record<EscalationTarget, MessageKey> = {
  supervisionTopic: 'petitions.target.supervisionTopic',
  question: 'petitions.target.question',
};

export const targetLabel = (target: EscalationTarget) => t(targetKeys[target]);

const kindKeys: Record<SearchKind, MessageKey> = {
  petition: 'search.kind.petition',
  question: 'search.kind.question',
  answer: 'search.kind.answer',
  commitment: 'search.kind.commitment',
  explanation: 'search.kind.explanation',
  supervision: 'search.kind.supervision',
};

export const searchKinds = Object.keys(kindKeys) as SearchKind[];

export const kindLabel = (kind: SearchKind) => t(kindKeys[kind]);

/**
 * Where a petition stands, as badges: overdue (a fact beside the status), routed or not, answered (and late),
 * and — apart from answered — resolved or what the latest answer said instead; reported back to voters.
 */
export function PetitionBadges({ petition: p }: { readonly petition: PetitionSummary }) {
  const badges: { key: string; text: string; tone: string }[] = [];
  if (p.status === 'merged') {
    badges.push({ key: 'merged', text: t('petitions.badge.merged'), tone: 'neutral' });
  } else if (!p.agencyId) {
    badges.push({ key: 'unrouted', text: t('petitions.badge.unrouted'), tone: 'neutral' });
  } else if (p.answers === 0) {
    badges.push({ key: 'routed', text: t('petitions.badge.routed'), tone: 'info' });
  }

  if (p.overdue) {
    badges.push({ key: 'overdue', text: t('petitions.badge.overdue'), tone: 'bad' });
  }

  if (p.answers > 0) {
    badges.push({ key: 'answered', text: t('petitions.badge.answered'), tone: 'info' });
    if (p.answeredLate) {
      badges.push({ key: 'late', text: t('petitions.badge.late'), tone: 'bad' });
    }

    if (p.resolved) {
      badges.push({ key: 'resolved', text: t('petitions.badge.resolved'), tone: 'good' });
    } else if (p.outcome) {
      badges.push({ key: 'outcome', text: outcomeLabel(p.outcome), tone: 'warn' });
    }
  }

  if (p.reportedBack) {
    badges.push({ key: 'reported', text: t('petitions.badge.reportedBack'), tone: 'good' });
  }

  return (
    <span class="petition-badges" data-testid="petition-badges">
      {badges.map(b => (
        <span key={b.key} class={`badge badge--p-${b.tone}`} data-badge={b.key}>
          {b.text}
        </span>
      ))}
    </span>
  );
}
