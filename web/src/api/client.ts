import type {
  AccountCreated,
  AccountSummary,
  RoleGrantRecord,
  RulesProfile,
  BodySummary,
  BodyView,
  CommandAccepted,
  CommitmentDetail,
  FollowUpGroup,
  FollowsView,
  LedgerPage,
  Me,
  SignedOut,
  SignInProviders,
  ResolutionSummary,
  ResolutionView,
  Scorecard,
  StatusPoint,
  TimeDisciplineView,
  Paths,
  PostBody,
  ProblemDetails,
  SittingResource,
  ExplanationPage,
  ExplanationView,
  FilingReceipt,
  Province,
  RequesterDetails,
  SupervisionDetail,
  SupervisionPage,
  SittingSummary,
  TranscriptView,
  ContactMeetingSummary,
  MeetingFiledReply,
  PersonalDetails,
  PetitionDetail,
  PetitionFigures,
  PetitionFiledReply,
  PetitionPage,
  SearchPage,
} from './types';

/** A refusal from the server (an RFC 7807 problem), or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string | null;
  readonly detail: string | null;
  readonly fieldErrors: Readonly<Record<string, readonly string[]>>;

  constructor(status: number, problem: Partial<ProblemDetails> & { code?: unknown; errors?: unknown }) {
    super(typeof problem.title === 'string' ? problem.title : `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = typeof problem.code === 'string' ? problem.code : null;
    this.detail = typeof problem.detail === 'string' ? problem.detail : null;
    this.fieldErrors = isErrorMap(problem.errors) ? problem.errors : {};
  }
}

function isErrorMap(value: unknown): value is Record<string, string[]> {
  return typeof value === 'object' && value !== null && Object.values(value).every(v => Array.isArray(v));
}

/**
 * How a change is retried when the answer was lost: after a failed connection, or a gateway or a busy
 * aggregate answering 502/503/504. Every change carries an Idempotency-Key, created once for the call and
 * sent again with each retry, so the server records it once however many copies reach it.
 */
export const retryDelaysMs: readonly number[] = [250, 1000, 3000];
const RETRIED = new Set([502, 503, 504]);

/** A fresh Idempotency-Key: random, and available on plain http too (where crypto.randomUUID is not). */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}

async function request<T>(method: 'GET' | 'POST', url: string, body?: unknown, extra: Readonly<Record<string, string>> = {}): Promise<T> {
  const headers: Record<string, string> = body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' };
  const change = method !== 'GET';
  const init: RequestInit = {
    method,
    credentials: 'same-origin',
    headers: change ? { ...headers, 'Idempotency-Key': newIdempotencyKey(), ...extra } : { ...headers, ...extra },
    body: body === undefined ? null : JSON.stringify(body),
  };
  const attempts = change ? retryDelaysMs.length + 1 : 1;
  for (let attempt = 1; ; attempt++) {
    let response: Response;
    try {
      response = await fetch(url, init);
    } catch {
      if (attempt < attempts) {
        await pause(retryDelaysMs[attempt - 1]!);
        continue;
      }

      throw new ApiError(0, { code: 'network' });
    }

    if (RETRIED.has(response.status) && attempt < attempts) {
      await pause(retryDelaysMs[attempt - 1]!);
      continue;
    }

    return read<T>(response);
  }
}

function pause(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms));
}

async function read<T>(response: Response): Promise<T> {
  const text = await response.text();
  const json: unknown = text.length > 0 ? safeParse(text) : undefined;
  if (!response.ok) {
    throw new ApiError(response.status, typeof json === 'object' && json !== null ? json : {});
  }

  return json as T;
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Fills `{name}` in a path template from the document. */
type Params<P extends string> = P extends `${string}{${infer Name}}${infer Rest}` ? { [K in Name]: string } & Params<Rest> : unknown;

function fill(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
}

type PostPath = { [P in keyof Paths]: Paths[P] extends { post: unknown } ? P : never }[keyof Paths];

/**
 * Runs a command: a POST to one of the document's paths with the body the document gives it. One call is one
 * user action: it has its own Idempotency-Key, kept through the retries of that call.
 */
export function command<P extends PostPath>(
  path: P,
  params: Params<P> & Record<string, string>,
  ...body: PostBody<P> extends never ? [] : [PostBody<P>]
): Promise<CommandAccepted> {
  return request<CommandAccepted>('POST', fill(path, params), body[0] ?? {});
}

export const api = {
  grants: (bodyId: string, history = false) =>
    request<RoleGrantRecord[]>('GET', `/api/bodies/${encodeURIComponent(bodyId)}/grants${history ? '?history=true' : ''}`),
  accounts: () => request<AccountSummary[]>('GET', '/api/admin/accounts'),
  createAccount: (body: { username: string; displayName: string; password: string | null }) =>
    request<AccountCreated>('POST', '/api/admin/accounts', body),
  rulesDefaults: (bodyId: string) => request<RulesProfile>('GET', `/api/admin/bodies/${encodeURIComponent(bodyId)}/rules-profile/defaults`),
  sittings: () => request<SittingSummary[]>('GET', '/api/sittings'),
  bodies: () => request<BodySummary[]>('GET', '/api/bodies'),
  body: (bodyId: string) => request<BodyView>('GET', `/api/bodies/${encodeURIComponent(bodyId)}`),
  sitting: (sittingId: string) => request<SittingResource>('GET', `/api/sittings/${encodeURIComponent(sittingId)}`),
  transcript: (sittingId: string, after: number, upTo: number) =>
    request<TranscriptView[]>('GET', `/api/sittings/${encodeURIComponent(sittingId)}/transcript?after=${after}&upTo=${upTo}`),
  ledger: (query: string) => request<LedgerPage>('GET', `/api/commitments${query ? `?${query}` : ''}`),
  commitment: (commitmentId: string) => request<CommitmentDetail>('GET', `/api/commitments/${encodeURIComponent(commitmentId)}`),
  scorecards: (bodyId: string, by: 'agency' | 'official') =>
    request<Scorecard[]>('GET', `/api/bodies/${encodeURIComponent(bodyId)}/scorecards?by=${by}`),
  history: (bodyId: string) => request<StatusPoint[]>('GET', `/api/bodies/${encodeURIComponent(bodyId)}/commitment-history?months=12`),
  followUp: (bodyId: string) => request<FollowUpGroup[]>('GET', `/api/bodies/${encodeURIComponent(bodyId)}/follow-up`),
  resolutions: (bodyId: string) => request<ResolutionSummary[]>('GET', `/api/bodies/${encodeURIComponent(bodyId)}/resolutions`),
  resolution: (resolutionId: string) => request<ResolutionView>('GET', `/api/resolutions/${encodeURIComponent(resolutionId)}`),
  discipline: (bodyId: string) => request<TimeDisciplineView>('GET', `/api/bodies/${encodeURIComponent(bodyId)}/time-discipline`),
  follows: () => request<FollowsView>('GET', '/api/me/follows'),
  follow: (body: PostBody<'/api/me/follows'>) => request<void>('POST', '/api/me/follows', body),
  unfollow: (body: PostBody<'/api/me/follows/remove'>) => request<void>('POST', '/api/me/follows/remove', body),
  followed: (offset: number) => request<LedgerPage>('GET', `/api/me/follows/commitments?limit=200&offset=${offset}`),
  me: () => request<Me>('GET', '/api/auth/me'),
  signIn: (body: PostBody<'/api/auth/sign-in'>) => request<Me>('POST', '/api/auth/sign-in', body),
  signOut: () => request<void>('POST', '/api/auth/sign-out', {}),
  signOutEverywhere: () => request<SignedOut>('POST', '/api/auth/sign-out-everywhere', {}),
  register: (body: PostBody<'/api/auth/register'>) => request<Me>('POST', '/api/auth/register', body),
  providers: () => request<SignInProviders>('GET', '/api/auth/providers'),
  // Petitions, contact meetings, places and the public search.
  petitions: (query: string) => request<PetitionPage>('GET', `/api/petitions${query ? `?${query}` : ''}`),
  petition: (petitionId: string) => request<PetitionDetail>('GET', `/api/petitions/${encodeURIComponent(petitionId)}`),
  petitionByCode: (code: string) => request<PetitionDetail>('GET', `/api/petitions/by-code/${encodeURIComponent(code)}`),
  submitters: (petitionId: string) => request<PersonalDetails[]>('GET', `/api/petitions/${encodeURIComponent(petitionId)}/submitters`),
  petitionFigures: (bodyId: string) => request<PetitionFigures>('GET', `/api/bodies/${encodeURIComponent(bodyId)}/petition-figures`),
  contactMeetings: (bodyId: string) => request<ContactMeetingSummary[]>('GET', `/api/bodies/${encodeURIComponent(bodyId)}/contact-meetings`),
  provinces: () => request<Province[]>('GET', '/api/places/provinces'),
  search: (query: string) => request<SearchPage>('GET', `/api/search?${query}`),
  /** A voter's filing; the idempotency key makes a retried filing the same petition, with the same code and secret. */
  filePetition: (body: PostBody<'/api/petitions'>, key: string) =>
    request<PetitionFiledReply>('POST', '/api/petitions', body, { 'Idempotency-Key': key }),
  recordMeeting: (bodyId: string, body: PostBody<'/api/bodies/{bodyId}/contact-meetings'>, key: string) =>
    request<MeetingFiledReply>('POST', `/api/bodies/${encodeURIComponent(bodyId)}/contact-meetings`, body, { 'Idempotency-Key': key }),
  /** The filer, without an account, proves themselves with the secret they were given at filing. */
  rateAsFiler: (code: string, secret: string, body: PostBody<'/api/petitions/by-code/{code}/rating'>) =>
    request<CommandAccepted>('POST', `/api/petitions/by-code/${encodeURIComponent(code)}/rating`, body, { 'X-Filer-Secret': secret }),
  eraseAsFiler: (code: string, secret: string) =>
    request<void>('POST', `/api/petitions/by-code/${encodeURIComponent(code)}/erasure`, {}, { 'X-Filer-Secret': secret }),
  // Requests for explanation: the requester proves themself with the secret shown at filing.
  explanations: (query: string) => request<ExplanationPage>('GET', `/api/explanations${query ? `?${query}` : ''}`),
  explanation: (requestId: string) => request<ExplanationView>('GET', `/api/explanations/${encodeURIComponent(requestId)}`),
  explanationRequester: (requestId: string) =>
    request<RequesterDetails>('GET', `/api/explanations/${encodeURIComponent(requestId)}/requester`),
  explanationByCode: (code: string, secret: string | null) =>
    request<ExplanationView>('GET', `/api/explanations/by-code/${encodeURIComponent(code)}`, undefined, filerSecret(secret)),
  fileExplanation: (body: PostBody<'/api/explanations'>, idempotencyKey: string) =>
    request<FilingReceipt>('POST', '/api/explanations', body, { 'Idempotency-Key': idempotencyKey }),
  fileExplanationInPerson: (body: PostBody<'/api/explanations/in-person'>, idempotencyKey: string) =>
    request<FilingReceipt>('POST', '/api/explanations/in-person', body, { 'Idempotency-Key': idempotencyKey }),
  rateExplanation: (code: string, secret: string | null, body: PostBody<'/api/explanations/by-code/{code}/rating'>) =>
    request<CommandAccepted>('POST', `/api/explanations/by-code/${encodeURIComponent(code)}/rating`, body, filerSecret(secret)),
  eraseExplanationRequester: (code: string, secret: string | null) =>
    request<void>('POST', `/api/explanations/by-code/${encodeURIComponent(code)}/erasure`, {}, filerSecret(secret)),
  supervisionTopics: (query: string) => request<SupervisionPage>('GET', `/api/supervision${query ? `?${query}` : ''}`),
  supervisionTopic: (topicId: string) => request<SupervisionDetail>('GET', `/api/supervision/${encodeURIComponent(topicId)}`),
};

function filerSecret(secret: string | null): Record<string, string> | undefined {
  return secret ? { 'X-Filer-Secret': secret } : undefined;
}
