import type { ClusterState, LiveEvent, QuestionState, RegistrationState, SittingView, TurnState } from '../api/types';

/**
 * How a sitting's public view evolves with each event: the same rules as the server's
 * SittingDecider.Evolve (src/QuestionSessions.Domain/Sittings/SittingEvolution.cs), on the
 * SittingView shape. Pure: returns a new view and never mutates the old one.
 */
export function evolve(s: SittingView, e: LiveEvent): SittingView {
  switch (e.type) {
    case 'sitting_scheduled': {
      const d = e.data;
      return {
        ...s,
        sittingId: d.sittingId,
        bodyId: d.bodyId,
        title: d.title,
        startsAt: d.startsAt,
        rules: d.rules,
        status: 'scheduled',
        clusters: d.clusters.map(pending),
      };
    }
    case 'question_filed': {
      const d = e.data;
      const question: QuestionState = {
        questionId: d.questionId,
        clusterId: d.clusterId,
        deputyId: d.deputyId,
        deputyName: d.deputyName,
        respondent: d.respondent,
        text: d.text,
        channel: d.channel,
        status: 'filed',
        filedAt: d.at,
        writtenAnswerDueBy: null,
        askedAt: null,
      };
      return { ...s, questions: [...s.questions, question] };
    }
    case 'sitting_opened':
      return { ...s, status: 'open', openedAt: e.data.at };
    case 'cluster_opened': {
      const id = e.data.clusterId;
      return { ...withCluster(s, id, c => ({ ...c, status: 'open' })), openClusterId: id };
    }
    case 'speaker_registered': {
      const d = e.data;
      // A slip filed outside the clusters and brought to the floor belongs to this cluster from now on.
      const next = withQuestions(
        withCluster(s, d.clusterId, c => ({ ...c, queue: [...c.queue, d.registrationId] })),
        q => q.questionId === d.questionId && q.clusterId === null,
        q => ({ ...q, clusterId: d.clusterId }),
      );
      const registration: RegistrationState = {
        registrationId: d.registrationId,
        clusterId: d.clusterId,
        deputyId: d.deputyId,
        deputyName: d.deputyName,
        questionId: d.questionId,
        status: 'waiting',
        registeredAt: d.at,
      };
      return { ...next, registrations: [...next.registrations, registration] };
    }
    case 'speaking_order_changed':
      return withCluster(s, e.data.clusterId, c => ({ ...c, queue: [...e.data.order] }));
    case 'speakers_called': {
      const ids = e.data.registrationIds;
      const next = withCluster(s, e.data.clusterId, c => ({
        ...c,
        queue: c.queue.filter(id => !ids.includes(id)),
        called: [...c.called, ...ids],
      }));
      return withRegistrations(next, r => ids.includes(r.registrationId), r => ({ ...r, status: 'called' }));
    }
    case 'related_respondent_invited':
      return withCluster(s, e.data.clusterId, c => ({ ...c, invited: [...c.invited, e.data.respondent.officialId] }));
    case 'turn_started':
      return started(s, e.data);
    case 'turn_ended': {
      const turn = s.currentTurn;
      return turn
        ? { ...s, currentTurn: null, turns: [...s.turns, { ...turn, duration: e.data.duration, overrun: e.data.overrun }] }
        : s;
    }
    case 'transcript_segment_published': {
      const d = e.data;
      // The server renders and sanitizes the Markdown; the client never renders it itself.
      const segment = {
        segmentId: d.segmentId, turnId: d.turnId, speakerName: d.speakerName, markdown: d.markdown, html: e.html ?? '', at: d.at, version: e.version,
      };
      return { ...s, transcript: [...s.transcript, segment], transcriptSegments: s.transcriptSegments + 1 };
    }
    case 'commitment_recorded': {
      const d = e.data;
      const commitment = {
        commitmentId: d.commitmentId,
        questionId: d.questionId,
        respondent: d.respondent,
        owner: d.owner,
        text: d.text,
        deadline: d.deadline,
        recordedAt: d.at,
      };
      return { ...s, commitments: [...s.commitments, commitment] };
    }
    case 'cluster_closed': {
      const id = e.data.clusterId;
      const next = withRegistrations(
        withCluster(s, id, c => ({ ...c, status: 'closed', queue: [], called: [] })),
        r => r.clusterId === id && (r.status === 'waiting' || r.status === 'called'),
        r => ({ ...r, status: 'notReached' }),
      );
      return { ...next, openClusterId: s.openClusterId === id ? null : s.openClusterId };
    }
    case 'sitting_closed':
      return { ...s, status: 'closed', closedAt: e.data.at };
    case 'written_answer_required':
      return withQuestions(
        s,
        q => q.questionId === e.data.questionId,
        q => ({ ...q, status: 'writtenAnswerDue', writtenAnswerDueBy: e.data.dueBy }),
      );
    case 'cluster_added':
      return { ...s, clusters: [...s.clusters, pending(e.data.cluster)] };
    case 'video_stream_set':
      return { ...s, videoUrl: e.data.url };
    case 'sitting_rescheduled':
      return { ...s, startsAt: e.data.startsAt, rules: e.data.rules };
    default:
      return s;
  }
}

function started(s: SittingView, d: Extract<LiveEvent, { type: 'turn_started' }>['data']): SittingView {
  const turn: TurnState = {
    turnId: d.turnId,
    clusterId: d.clusterId,
    kind: d.kind,
    speakerId: d.speakerId,
    speakerName: d.speakerName,
    registrationId: d.registrationId,
    questionIds: [...d.questionIds],
    startedAt: d.at,
    limit: d.limit,
    duration: null,
    overrun: null,
  };
  const next: SittingView = { ...s, currentTurn: turn };
  switch (d.kind) {
    case 'question': {
      const asked = withQuestions(
        withRegistrations(next, r => r.registrationId === d.registrationId, r => ({ ...r, status: 'spoke' })),
        q => d.questionIds.includes(q.questionId),
        q => ({ ...q, status: 'asked', askedAt: d.at }),
      );
      return withCluster(asked, d.clusterId, c => ({
        ...c,
        called: removeFirst(c.called, d.registrationId),
        questionsAsked: c.questionsAsked + 1,
        awaitingAnswer: true,
      }));
    }
    case 'answer':
      return withCluster(
        withQuestions(next, q => d.questionIds.includes(q.questionId), q => ({ ...q, status: 'answered' })),
        d.clusterId,
        c => ({ ...c, answersGiven: c.answersGiven + 1, awaitingAnswer: false }),
      );
    case 'debate':
      return withCluster(next, d.clusterId, c => ({ ...c, awaitingAnswer: true }));
    default:
      return next;
  }
}

type ClusterPlan = Extract<LiveEvent, { type: 'cluster_added' }>['data']['cluster'];

/** A planned cluster on the agenda, not yet opened: scheduled with the sitting or added after (ClusterState.Pending). */
function pending(c: ClusterPlan): ClusterState {
  return {
    clusterId: c.clusterId,
    title: c.title,
    main: c.main,
    related: c.related,
    status: 'pending',
    invited: [],
    queue: [],
    called: [],
    questionsAsked: 0,
    answersGiven: 0,
    awaitingAnswer: false,
  };
}

function removeFirst(list: readonly string[], value: string | null): string[] {
  const index = value === null ? -1 : list.indexOf(value);
  return index < 0 ? [...list] : [...list.slice(0, index), ...list.slice(index + 1)];
}

function withCluster(s: SittingView, id: string, change: (c: ClusterState) => ClusterState): SittingView {
  return { ...s, clusters: s.clusters.map(c => (c.clusterId === id ? change(c) : c)) };
}

function withQuestions(s: SittingView, which: (q: QuestionState) => boolean, change: (q: QuestionState) => QuestionState): SittingView {
  return { ...s, questions: s.questions.map(q => (which(q) ? change(q) : q)) };
}

function withRegistrations(
  s: SittingView,
  which: (r: RegistrationState) => boolean,
  change: (r: RegistrationState) => RegistrationState,
): SittingView {
  return { ...s, registrations: s.registrations.map(r => (which(r) ? change(r) : r)) };
}
