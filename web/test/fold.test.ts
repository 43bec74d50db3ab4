import { describe, expect, test } from 'vitest';
import { evolve } from '../src/live/fold';
import { CLUSTER, REG, SLIP, TURN_A, by, ev, finance, floorEvents, scheduledSitting } from './fixtures';

const run = (events = floorEvents()) => events.reduce(evolve, scheduledSitting());

describe('evolve', () => {
  test('a follow-up cluster added to the agenda joins the clusters, pending', () => {
    const followUp = '44444444-4444-4444-8444-444444444444';
    const s = evolve(
      scheduledSitting(),
      ev(3, 'cluster_added', {
        cluster: { clusterId: followUp, title: 'Chất vấn lại việc thực hiện cam kết', main: finance, related: [] },
        followUpOf: ['55555555-5555-4555-8555-555555555555'],
        by,
        at: '2026-11-23T00:00:00+00:00',
      }),
    );
    expect(s.clusters.map(c => c.clusterId).at(-1)).toBe(followUp);
    expect(s.clusters.at(-1)).toMatchObject({ status: 'pending', main: finance, queue: [], questionsAsked: 0 });
  });

  test('opening the sitting and a cluster', () => {
    const s = run(floorEvents().slice(0, 2));
    expect(s.status).toBe('open');
    expect(s.openedAt).toBe('2026-11-23T01:00:00+00:00');
    expect(s.openClusterId).toBe(CLUSTER);
    expect(s.clusters[0]?.status).toBe('open');
  });

  test('a registration joins the queue; calling moves it to the called list', () => {
    const registered = run(floorEvents().slice(0, 3));
    expect(registered.clusters[0]?.queue).toEqual([REG]);
    expect(registered.registrations[0]?.status).toBe('waiting');
    const called = run(floorEvents().slice(0, 4));
    expect(called.clusters[0]?.queue).toEqual([]);
    expect(called.clusters[0]?.called).toEqual([REG]);
    expect(called.registrations[0]?.status).toBe('called');
  });

  test('a question turn marks the question asked and the cluster awaiting an answer', () => {
    const s = run(floorEvents().slice(0, 5));
    expect(s.currentTurn?.kind).toBe('question');
    expect(s.currentTurn?.startedAt).toBe('2026-11-23T01:03:10+00:00');
    expect(s.questions[0]?.status).toBe('asked');
    expect(s.questions[0]?.askedAt).toBe('2026-11-23T01:03:10+00:00');
    expect(s.registrations[0]?.status).toBe('spoke');
    expect(s.clusters[0]).toMatchObject({ called: [], questionsAsked: 1, awaitingAnswer: true });
  });

  test('an answer turn marks the question answered; its end records duration and overrun', () => {
    const s = run(floorEvents().slice(0, 8));
    expect(s.currentTurn).toBeNull();
    expect(s.questions[0]?.status).toBe('answered');
    expect(s.clusters[0]).toMatchObject({ answersGiven: 1, awaitingAnswer: false });
    expect(s.turns.map(t => [t.kind, t.duration, t.overrun])).toEqual([
      ['question', '00:00:50', '00:00:00'],
      ['answer', '00:03:25', '00:00:25'],
    ]);
  });

  test('a transcript segment keeps the HTML the server rendered; a commitment is listed', () => {
    const s = run();
    expect(s.transcript[0]).toMatchObject({ turnId: TURN_A, html: '<p>Sẽ <strong>bảo đảm</strong></p>\n', markdown: 'Sẽ **bảo đảm**' });
    expect(s.transcriptSegments).toBe(1);
    expect(s.transcript[0]?.version).toBe(11);
    expect(s.commitments[0]).toMatchObject({ questionId: SLIP, owner: 'Bộ Y tế', deadline: '2027-06-30', recordedAt: '2026-11-23T01:09:00+00:00' });
  });

  test('closing the cluster leaves the unreached registrations not reached; closing the sitting owes written answers', () => {
    const waiting = ev(13, 'speaker_registered', {
      registrationId: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
      clusterId: CLUSTER,
      deputyId: 'na-d-002',
      deputyName: 'Trần Văn Minh',
      questionId: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb',
      by,
      at: '2026-11-23T01:10:00+00:00',
    });
    const s = run([
      ...floorEvents(),
      waiting,
      ev(14, 'cluster_closed', { clusterId: CLUSTER, by, at: '2026-11-23T01:11:00+00:00' }),
      ev(15, 'sitting_closed', { by, at: '2026-11-23T01:12:00+00:00' }),
      ev(16, 'written_answer_required', {
        questionId: SLIP,
        deputyId: 'na-d-001',
        respondent: { officialId: 'na-o-health', name: 'Ngô Thanh Bình', office: 'Bộ trưởng Bộ Y tế' },
        reason: 'notReached',
        dueBy: '2026-12-13',
        at: '2026-11-23T01:12:00+00:00',
      }),
    ]);
    expect(s.openClusterId).toBeNull();
    expect(s.clusters[0]).toMatchObject({ status: 'closed', queue: [], called: [] });
    expect(s.registrations.map(r => r.status)).toEqual(['spoke', 'notReached']);
    expect(s.status).toBe('closed');
    expect(s.questions[0]).toMatchObject({ status: 'writtenAnswerDue', writtenAnswerDueBy: '2026-12-13' });
  });

  test('a slip filed outside the clusters joins the cluster its deputy registers it in', () => {
    const outside = { ...scheduledSitting(), questions: scheduledSitting().questions.map(q => ({ ...q, clusterId: null })) };
    const s = [ev(3, 'sitting_opened', { by, at: '2026-11-23T01:00:00+00:00' }), floorEvents()[2]!].reduce(evolve, outside);
    expect(s.questions[0]?.clusterId).toBe(CLUSTER);
  });

  test('inviting a related respondent, reordering, and the video link', () => {
    const s = [
      ...floorEvents().slice(0, 3),
      ev(6, 'related_respondent_invited', { clusterId: CLUSTER, respondent: finance, by, at: '2026-11-23T01:05:00+00:00' }),
      ev(7, 'speaking_order_changed', { clusterId: CLUSTER, order: [REG], by, at: '2026-11-23T01:05:30+00:00' }),
      ev(8, 'video_stream_set', { url: 'https://truyenhinh.example.vn/live', by, at: '2026-11-23T01:06:00+00:00' }),
    ].reduce(evolve, scheduledSitting());
    expect(s.clusters[0]?.invited).toEqual(['na-o-finance']);
    expect(s.clusters[0]?.queue).toEqual([REG]);
    expect(s.videoUrl).toBe('https://truyenhinh.example.vn/live');
  });

  test('a sitting moved before it opens takes its new start and the rules in force then', () => {
    const rules = { ...scheduledSitting().rules, name: 'Quy tắc 2027' };
    const s = evolve(
      scheduledSitting(),
      ev(3, 'sitting_rescheduled', { startsAt: '2026-11-25T01:00:00+00:00', previousStartsAt: scheduledSitting().startsAt, rules, reason: 'Kỳ họp lùi hai ngày', by, at: '2026-11-20T03:00:00+00:00' }),
    );
    expect(s.startsAt).toBe('2026-11-25T01:00:00+00:00');
    expect(s.rules.name).toBe('Quy tắc 2027');
    expect(s.status).toBe('scheduled');
  });

  test('never changes the view it was given', () => {
    const before = scheduledSitting();
    const frozen = structuredClone(before);
    floorEvents().reduce(evolve, before);
    expect(before).toEqual(frozen);
  });
});
