import { describe, expect, test } from 'vitest';
import type { ExplanationSummary } from '../src/api/types';
import { maxRepresentatives } from '../src/screens/explanations/FileExplanationScreen';
import { queueOrder } from '../src/screens/explanations/ExplanationListScreen';
import { activeDeadline, isOverdue } from '../src/screens/explanations/parts';

function request(code: string, over: Partial<ExplanationSummary>): ExplanationSummary {
  return {
    requestId: code,
    code,
    agencyId: 'hue-a-committee',
    agencyName: 'UBND thành phố Huế',
    agencyBodyId: 'pc-hue',
    status: 'received',
    subject: code,
    publish: false,
    channel: 'online',
    receivedAt: '2026-11-01T02:00:00Z',
    acknowledgeBy: null,
    acknowledgedLate: false,
    acknowledgementOverdue: false,
    acknowledgementOverdueSince: null,
    acceptedAt: null,
    explainBy: null,
    originalExplainBy: null,
    extended: false,
    explanationOverdue: false,
    explanationOverdueSince: null,
    refusedAt: null,
    explainedAt: null,
    explainedLate: false,
    rating: null,
    redirects: 0,
    updatedAt: '2026-11-01T02:00:00Z',
    version: 1,
    ...over,
  };
}

describe('an agency queue', () => {
  test('overdue first, then by the deadline in force, then closed requests newest first', () => {
    const items = [
      request('explained-old', { status: 'explained', explainBy: '2026-11-10', receivedAt: '2026-10-01T00:00:00Z' }),
      request('accepted-later', { status: 'accepted', explainBy: '2026-12-20' }),
      request('received-sooner', { acknowledgeBy: '2026-12-05' }),
      request('explained-new', { status: 'refused', receivedAt: '2026-11-20T00:00:00Z' }),
      request('overdue', { status: 'accepted', explainBy: '2026-11-30', explanationOverdue: true }),
      request('accepted-sooner', { status: 'accepted', explainBy: '2026-12-01' }),
    ];
    expect(queueOrder(items).map(r => r.code)).toEqual([
      'overdue',
      'accepted-sooner',
      'received-sooner',
      'accepted-later',
      'explained-new',
      'explained-old',
    ]);
  });

  test('the deadline in force is the acknowledgement while received, the explanation while accepted, none once closed', () => {
    expect(activeDeadline(request('a', { acknowledgeBy: '2026-12-05', explainBy: null }))).toBe('2026-12-05');
    expect(activeDeadline(request('b', { status: 'accepted', acknowledgeBy: '2026-12-05', explainBy: '2026-12-20' }))).toBe('2026-12-20');
    expect(activeDeadline(request('c', { status: 'explained', explainBy: '2026-12-20' }))).toBeNull();
    // A late explanation is late, not overdue: overdue is for what is still owed.
    expect(isOverdue(request('d', { status: 'explained', explanationOverdue: true }))).toBe(false);
    expect(isOverdue(request('e', { acknowledgementOverdue: true }))).toBe(true);
  });
});

describe('representatives (Decree 59)', () => {
  test.each([
    [1, 1],
    [3, 3],
    [4, 4],
    [5, 2],
    [10, 2],
    [11, 5],
    [500, 5],
  ])('%i people appoint at most %i', (people, max) => expect(maxRepresentatives(people)).toBe(max));
});
