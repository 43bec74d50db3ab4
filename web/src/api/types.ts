// Names for the generated OpenAPI types (src/api/generated/openapi.ts); nothing here is written by hand
// except the pairing of each live event's `type` with its `data` schema.
import type { components, paths } from './generated/openapi';

type Schemas = components['schemas'];

export type Paths = paths;
/** The sitting as the server answers GET /api/sittings/{id}: its state at a version, without the transcript's text. */
export type SittingResource = Schemas['SittingView'];
/**
 * The sitting as the app keeps it: the resource plus its published transcript up to the same version, read
 * beside it by pages (the transcript is a projection on the server, not part of the sitting's state).
 */
export type SittingView = SittingResource & { readonly transcript: readonly TranscriptView[] };
export type SittingSummary = Schemas['SittingSummary'];
export type SittingStatus = Schemas['SittingStatus'];
export type BodySummary = Schemas['BodySummary'];
export type BodyView = Schemas['BodyView'];
export type PersonDeparture = Schemas['PersonDeparture'];
export type BodyKind = Schemas['BodyKind'];
export type Official = Schemas['Official'];
export type Me = Schemas['Me'];
export type SignedOut = Schemas['SignedOut'];
export type SignInProviders = Schemas['SignInProviders'];
export type Grant = Schemas['Grant'];
export type AccountSummary = Schemas['AccountSummary'];
export type AccountCreated = Schemas['AccountCreated'];
export type RoleGrantRecord = Schemas['RoleGrantRecord'];
export type RulesProfile = Schemas['RulesProfile'];
export type Role = Schemas['Role'];
export type ClusterState = Schemas['ClusterState'];
export type ClusterStatus = Schemas['ClusterStatus'];
export type QuestionState = Schemas['QuestionState'];
export type QuestionStatus = Schemas['QuestionStatus'];
export type RegistrationState = Schemas['RegistrationState'];
export type TurnState = Schemas['TurnState'];
export type TurnKind = Schemas['TurnKind'];
export type TranscriptView = Schemas['TranscriptView'];
export type CommitmentState = Schemas['CommitmentState'];
export type CommitmentSummary = Schemas['CommitmentSummary'];
export type CommitmentStatus = Schemas['CommitmentStatus'];
export type CommitmentDetail = Schemas['CommitmentDetail'];
export type CommitmentEventView = Schemas['CommitmentEventView'];
export type LedgerPage = Schemas['LedgerPage'];
export type Assessment = Schemas['Assessment'];
export type Scorecard = Schemas['Scorecard'];
export type FollowKind = Schemas['FollowKind'];
export type FollowUpGroup = Schemas['FollowUpGroup'];
export type ResolutionSummary = Schemas['ResolutionSummary'];
export type ResolutionView = Schemas['ResolutionView'];
export type ClauseView = Schemas['ClauseView'];
export type FollowsView = Schemas['FollowsView'];
export type StatusPoint = Schemas['StatusPoint'];
export type TimeDisciplineView = Schemas['TimeDisciplineView'];
export type Respondent = Schemas['Respondent'];
export type CommandAccepted = Schemas['CommandAccepted'];
export type ProblemDetails = Schemas['ProblemDetails'];
export type ValidationProblem = Schemas['HttpValidationProblemDetails'];
export type JoinReply = Schemas['JoinReply'];
export type ExplanationPage = Schemas['ExplanationPage'];
export type ExplanationSummary = Schemas['ExplanationSummary'];
export type ExplanationView = Schemas['ExplanationView'];
export type ExplanationEventView = Schemas['ExplanationEventView'];
export type ExplanationStatus = Schemas['ExplanationStatus'];
export type FilingReceipt = Schemas['FilingReceipt'];
export type RequesterDetails = Schemas['RequesterDetails'];
export type RequesterKind = Schemas['RequesterKind'];
export type RefusalGround = NonNullable<Schemas['RefusalGround']>;
export type SatisfactionRating = Schemas['SatisfactionRating'];
export type SupervisionPage = Schemas['SupervisionPage'];
export type SupervisionSummary = Schemas['SupervisionSummary'];
export type SupervisionDetail = Schemas['SupervisionDetail'];
export type SupervisionTopicView = Schemas['SupervisionTopicView'];
export type SupervisionEventView = Schemas['SupervisionEventView'];
export type SupervisionEvidenceView = Schemas['SupervisionEvidenceView'];
export type RecommendationView = Schemas['RecommendationView'];
export type SupervisionStage = Schemas['SupervisionStage'];
export type EvidenceKind = Schemas['EvidenceKind'];
export type Province = Schemas['Province'];

/** Each live event's data shape, by its stable alias, as the server's OpenAPI document describes it. */
export type EventData = Schemas['SittingEventData'];
export type EventType = keyof EventData;

type Envelope = Omit<Schemas['LiveEvent'], 'type' | 'data'>;

/** A live event: its `type` tells which data shape it carries. */
export type LiveEvent = { [K in EventType]: Envelope & { type: K; data: EventData[K] } }[EventType];

/** The body of a JSON POST to a path, from the document; never when it takes none. */
export type PostBody<P extends keyof paths> = paths[P] extends { post: { requestBody?: infer R } }
  ? [NonNullable<R>] extends [never]
    ? never
    : NonNullable<R> extends { content: { 'application/json': infer B } }
      ? B
      : never
  : never;

// Petitions (kiến nghị cử tri), contact meetings, places and the public search.
export type PetitionSummary = Schemas['PetitionSummary'];
export type PetitionPage = Schemas['PetitionPage'];
export type PetitionFigures = Schemas['PetitionFigures'];
export type PetitionField = Schemas['PetitionField'];
export type PetitionStatus = Schemas['PetitionStatus'];
export type PetitionOutcome = NonNullable<Schemas['PetitionOutcome']>;
export type PetitionLevel = NonNullable<Schemas['PetitionLevel']>;
export type SourceChannel = Schemas['SourceChannel'];
// The schema allows null because a source's timing is optional; a timing itself is one of three.
export type MeetingTiming = NonNullable<Schemas['MeetingTiming']>;
export type EscalationTarget = Schemas['EscalationTarget'];
export type ContactMeetingSummary = Schemas['ContactMeetingSummary'];
export type SearchPage = Schemas['SearchPage'];
export type SearchHit = Schemas['SearchHit'];
export type SearchKind = Schemas['SearchKind'];

/** One place a petition was raised, as the public sees it (no submitter). */
export type PetitionSourceView = Schemas['PetitionSourceView'];
/** One event of a petition's public timeline; an answer carries its Markdown rendered and sanitized by the server. */
export type PetitionEventView = Schemas['PetitionEventView'];
/** GET /api/petitions/{id} and /api/petitions/by-code/{code}. */
export type PetitionDetail = Schemas['PetitionDetail'];
/** POST /api/petitions: the code to follow the petition and the secret (shown once) to rate or erase. */
export type PetitionFiledReply = Schemas['PetitionFiledReply'];
/** POST /api/bodies/{bodyId}/contact-meetings. */
export type MeetingFiledReply = Schemas['MeetingFiledReply'];
/** GET /api/petitions/{id}/submitters: who filed, or when their details were erased. */
export type PersonalDetails = Schemas['PersonalDetails'];
