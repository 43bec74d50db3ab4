import type { EventData, EventType, LiveEvent, SittingView } from '../src/api/types';

export const SITTING = '0199a000-0000-7000-8000-000000000001';
export const CLUSTER = '0199a000-0000-7000-8000-000000000011';
export const SLIP = '11111111-1111-4111-8111-111111111111';
export const by = { userId: 'chair.na', name: 'Chủ tọa' };
export const health = { officialId: 'na-o-health', name: 'Ngô Thanh Bình', office: 'Bộ trưởng Bộ Y tế' };
export const finance = { officialId: 'na-o-finance', name: 'Lý Minh Châu', office: 'Bộ trưởng Bộ Tài chính' };

/** A scheduled sitting at version 2: scheduled, then one slip filed. */
export function scheduledSitting(): SittingView {
  return {
    sittingId: SITTING,
    bodyId: 'na',
    title: 'Phiên chất vấn',
    startsAt: '2026-11-23T01:00:00+00:00',
    status: 'scheduled',
    openedAt: null,
    closedAt: null,
    rules: {
      name: 'Quốc hội',
      effectiveFrom: '2026-03-01',
      openingLimit: '00:05:00',
      questionLimit: '00:01:00',
      answerLimit: '00:03:00',
      debateLimit: '00:01:00',
      clarificationLimit: '00:03:00',
      closingLimit: '00:10:00',
      callBatchSize: 3,
      writtenAnswerDays: 20,
      source: 'demo',
    },
    clusters: [
      {
        clusterId: CLUSTER,
        title: 'Y tế',
        main: health,
        related: [finance],
        status: 'pending',
        invited: [],
        queue: [],
        called: [],
        questionsAsked: 0,
        answersGiven: 0,
        awaitingAnswer: false,
      },
    ],
    openClusterId: null,
    questions: [
      {
        questionId: SLIP,
        clusterId: CLUSTER,
        deputyId: 'na-d-001',
        deputyName: 'Nguyễn Thị Lan',
        respondent: health,
        text: 'Vì sao thiếu thuốc?',
        channel: 'slip',
        status: 'filed',
        filedAt: '2026-11-20T01:00:00+00:00',
        writtenAnswerDueBy: null,
        askedAt: null,
      },
    ],
    registrations: [],
    currentTurn: null,
    turns: [],
    transcript: [],
    transcriptSegments: 0,
    commitments: [],
    videoUrl: null,
    version: 2,
    serverTime: '2026-11-23T01:00:00+00:00',
  };
}

/** A live event as the hub sends it. */
export function ev<K extends EventType>(version: number, type: K, data: EventData[K], html?: string): LiveEvent {
  // The union of envelopes cannot be narrowed from a generic K; the pairing is checked by the signature.
  return { sittingId: SITTING, version, type, recordedAt: '2026-11-23T01:00:00Z', data, ...(html === undefined ? {} : { html }) } as LiveEvent;
}

export const REG = '22222222-2222-4222-8222-222222222222';
export const TURN_Q = '33333333-3333-4333-8333-333333333333';
export const TURN_A = '44444444-4444-4444-8444-444444444444';

/** Versions 3–12: the sitting opens, a cluster opens, Lan registers with her slip, is called, asks, is answered (with an overrun). */
export function floorEvents(): LiveEvent[] {
  return [
    ev(3, 'sitting_opened', { by, at: '2026-11-23T01:00:00+00:00' }),
    ev(4, 'cluster_opened', { clusterId: CLUSTER, by, at: '2026-11-23T01:01:00+00:00' }),
    ev(5, 'speaker_registered', {
      registrationId: REG,
      clusterId: CLUSTER,
      deputyId: 'na-d-001',
      deputyName: 'Nguyễn Thị Lan',
      questionId: SLIP,
      by,
      at: '2026-11-23T01:02:00+00:00',
    }),
    ev(6, 'speakers_called', { clusterId: CLUSTER, registrationIds: [REG], by, at: '2026-11-23T01:03:00+00:00' }),
    ev(7, 'turn_started', {
      turnId: TURN_Q,
      clusterId: CLUSTER,
      kind: 'question',
      speakerId: 'na-d-001',
      speakerName: 'Nguyễn Thị Lan',
      registrationId: REG,
      questionIds: [SLIP],
      limit: '00:01:00',
      by,
      at: '2026-11-23T01:03:10+00:00',
    }),
    ev(8, 'turn_ended', { turnId: TURN_Q, duration: '00:00:50', overrun: '00:00:00', by, at: '2026-11-23T01:04:00+00:00' }),
    ev(9, 'turn_started', {
      turnId: TURN_A,
      clusterId: CLUSTER,
      kind: 'answer',
      speakerId: 'na-o-health',
      speakerName: 'Ngô Thanh Bình',
      registrationId: null,
      questionIds: [SLIP],
      limit: '00:03:00',
      by,
      at: '2026-11-23T01:04:10+00:00',
    }),
    ev(10, 'turn_ended', { turnId: TURN_A, duration: '00:03:25', overrun: '00:00:25', by, at: '2026-11-23T01:07:35+00:00' }),
    ev(
      11,
      'transcript_segment_published',
      { segmentId: '55555555-5555-4555-8555-555555555555', turnId: TURN_A, speakerName: 'Ngô Thanh Bình', markdown: 'Sẽ **bảo đảm**', by, at: '2026-11-23T01:08:00+00:00' },
      '<p>Sẽ <strong>bảo đảm</strong></p>\n',
    ),
    ev(12, 'commitment_recorded', {
      commitmentId: '66666666-6666-4666-8666-666666666666',
      questionId: SLIP,
      respondent: health,
      owner: 'Bộ Y tế',
      text: 'Bảo đảm đủ thuốc',
      deadline: '2027-06-30',
      by,
      at: '2026-11-23T01:09:00+00:00',
    }),
  ];
}
