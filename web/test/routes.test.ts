import { describe, expect, test } from 'vitest';
import type { SittingSummary } from '../src/api/types';
import { parseRoute, paths } from '../src/app/router';
import { groupSittings } from '../src/screens/home/HomeScreen';

const id = '0199a000-0000-7000-8000-000000000001';

describe('routes', () => {
  test.each([
    ['/', '', { name: 'home' }],
    [`/sittings/${id}`, '', { name: 'watch', sittingId: id }],
    [`/sittings/${id}/watch`, '', { name: 'watch', sittingId: id }],
    [`/sittings/${id.toUpperCase()}/chair/`, '', { name: 'chair', sittingId: id }],
    [`/sittings/${id}/deputy`, '', { name: 'deputy', sittingId: id }],
    [`/sittings/${id}/respondent`, '', { name: 'respondent', sittingId: id }],
    ['/sign-in', '?next=%2Fsittings%2Fx', { name: 'signIn', next: '/sittings/x', error: null }],
    ['/sign-in', '?next=https%3A%2F%2Fevil.example', { name: 'signIn', next: null, error: null }],
    ['/sign-in', '?next=%2F%2Fevil.example', { name: 'signIn', next: null, error: null }],
    ['/sign-in', '?next=%2F%5Cevil.example', { name: 'signIn', next: null, error: null }],
    ['/sign-in', '?error=external_login_unknown', { name: 'signIn', next: null, error: 'external_login_unknown' }],
    ['/register', '?next=%2Fcommitments', { name: 'register', next: '/commitments' }],
    ['/register', '?next=%2F%2Fevil.example', { name: 'register', next: null }],
    ['/commitments', '', { name: 'commitments', query: '' }],
    ['/commitments/', '?body=pc-hue&window=overdue', { name: 'commitments', query: 'body=pc-hue&window=overdue' }],
    [`/commitments/${id.toUpperCase()}`, '', { name: 'commitment', commitmentId: id }],
    ['/commitments/not-a-guid', '', { name: 'notFound' }],
    ['/accountability', '?body=pc-hue', { name: 'accountability', query: 'body=pc-hue' }],
    ['/follows', '', { name: 'follows' }],
    ['/resolutions', '?body=na', { name: 'resolutions', query: 'body=na' }],
    [`/resolutions/${id}`, '', { name: 'resolution', resolutionId: id }],
    ['/petitions', '', { name: 'petitions', query: '' }],
    ['/petitions/', '?body=pc-hue&window=overdue', { name: 'petitions', query: 'body=pc-hue&window=overdue' }],
    ['/petitions/new', '', { name: 'petitionNew' }],
    ['/petitions/meetings/new', '', { name: 'contactMeeting' }],
    ['/sittings/new', '', { name: 'scheduleSitting', bodyId: null }],
    ['/sittings/new/', '?body=pc-hue', { name: 'scheduleSitting', bodyId: 'pc-hue' }],
    [`/petitions/${id.toUpperCase()}`, '', { name: 'petition', petitionId: id }],
    ['/petitions/by-code/KN-7F3Q-2M9X', '', { name: 'petitionByCode', code: 'KN-7F3Q-2M9X' }],
    ['/petitions/by-code/kn%207f3q2m9x', '', { name: 'petitionByCode', code: 'kn 7f3q2m9x' }],
    ['/petitions/by-code/%E0%A4%A', '', { name: 'notFound' }],
    ['/petitions/not-a-guid', '', { name: 'notFound' }],
    ['/petitions/meetings', '', { name: 'notFound' }],
    ['/search', '?q=dat+dai&kind=petition', { name: 'search', query: 'q=dat+dai&kind=petition' }],
    ['/search/', '', { name: 'search', query: '' }],
    ['/explanations', '', { name: 'explanations', query: '' }],
    ['/explanations/', '?agencyBody=pc-hue&window=overdue', { name: 'explanations', query: 'agencyBody=pc-hue&window=overdue' }],
    ['/explanations/new', '', { name: 'explanationNew' }],
    ['/explanations/by-code/gt-7f3q-2m9x', '', { name: 'explanationByCode', code: 'GT-7F3Q-2M9X' }],
    ['/explanations/by-code/GT-7F3Q-2M9X/', '', { name: 'explanationByCode', code: 'GT-7F3Q-2M9X' }],
    ['/explanations/by-code/%E0%A4%A', '', { name: 'notFound' }],
    ['/explanations/by-code/', '', { name: 'notFound' }],
    [`/explanations/${id.toUpperCase()}`, '', { name: 'explanation', requestId: id }],
    ['/explanations/not-a-guid', '', { name: 'notFound' }],
    ['/supervision', '?body=pc-hue&stage=planned', { name: 'supervisionList', query: 'body=pc-hue&stage=planned' }],
    ['/supervision/new', '?body=pc-hue', { name: 'supervisionNew', bodyId: 'pc-hue' }],
    ['/supervision/new/', '', { name: 'supervisionNew', bodyId: null }],
    [`/supervision/${id}`, '', { name: 'supervisionTopic', topicId: id }],
    ['/supervision/not-a-guid', '', { name: 'notFound' }],
    ['/sittings/not-a-guid/watch', '', { name: 'notFound' }],
    ['/admin', '', { name: 'admin', bodyId: null }],
    ['/admin/', '?body=pc-hue', { name: 'admin', bodyId: 'pc-hue' }],
    ['/admin/users', '', { name: 'notFound' }],
  ])('%s%s', (pathname, search, route) => expect(parseRoute(pathname, search)).toEqual(route));

  test('paths round-trip', () => {
    expect(parseRoute(paths.sitting('respondent', id), '')).toEqual({ name: 'respondent', sittingId: id });
    expect(parseRoute(paths.commitment(id), '')).toEqual({ name: 'commitment', commitmentId: id });
    const [schedule, body] = paths.scheduleSitting('pc-hue').split('?');
    expect(parseRoute(schedule!, `?${body}`)).toEqual({ name: 'scheduleSitting', bodyId: 'pc-hue' });
    const [path, query] = paths.commitments('agency=hue-a-health').split('?');
    expect(parseRoute(path!, `?${query}`)).toEqual({ name: 'commitments', query: 'agency=hue-a-health' });
  });

  test('petition and search paths round-trip', () => {
    expect(parseRoute(paths.petition(id), '')).toEqual({ name: 'petition', petitionId: id });
    expect(parseRoute(paths.petitionByCode('KN-7F3Q-2M9X'), '')).toEqual({ name: 'petitionByCode', code: 'KN-7F3Q-2M9X' });
    expect(parseRoute(paths.petitionNew(), '')).toEqual({ name: 'petitionNew' });
    expect(parseRoute(paths.contactMeeting(), '')).toEqual({ name: 'contactMeeting' });
    const [path, query] = paths.search('q=%C4%91%E1%BA%A5t+%C4%91ai').split('?');
    expect(parseRoute(path!, `?${query}`)).toEqual({ name: 'search', query: 'q=%C4%91%E1%BA%A5t+%C4%91ai' });
    const [list, filters] = paths.petitions('agency=hue-a-committee&window=open').split('?');
    expect(parseRoute(list!, `?${filters}`)).toEqual({ name: 'petitions', query: 'agency=hue-a-committee&window=open' });
  });

  test('explanation and supervision paths round-trip', () => {
    expect(parseRoute(paths.explanation(id), '')).toEqual({ name: 'explanation', requestId: id });
    expect(parseRoute(paths.explanationByCode('GT-ABCD-1234'), '')).toEqual({ name: 'explanationByCode', code: 'GT-ABCD-1234' });
    expect(parseRoute(paths.explanationNew(), '')).toEqual({ name: 'explanationNew' });
    expect(parseRoute(paths.supervisionTopic(id), '')).toEqual({ name: 'supervisionTopic', topicId: id });
    const [path, query] = paths.supervisionNew('pc-hue').split('?');
    expect(parseRoute(path!, `?${query}`)).toEqual({ name: 'supervisionNew', bodyId: 'pc-hue' });
  });
});

describe('home page groups', () => {
  const summary = (status: SittingSummary['status'], startsAt: string, title: string): SittingSummary => ({
    sittingId: title,
    bodyId: 'na',
    title,
    startsAt,
    status,
    openedAt: null,
    closedAt: null,
    clusters: 1,
    questions: 0,
    commitments: 0,
    version: 1,
  });

  test('open is live, scheduled is upcoming (soonest first), closed is past (latest first)', () => {
    const groups = groupSittings([
      summary('closed', '2026-01-01T00:00:00Z', 'old'),
      summary('scheduled', '2026-12-02T00:00:00Z', 'later'),
      summary('open', '2026-11-22T00:00:00Z', 'now'),
      summary('scheduled', '2026-12-01T00:00:00Z', 'sooner'),
      summary('closed', '2026-06-01T00:00:00Z', 'recent'),
    ]);
    expect(groups.live.map(s => s.title)).toEqual(['now']);
    expect(groups.upcoming.map(s => s.title)).toEqual(['sooner', 'later']);
    expect(groups.past.map(s => s.title)).toEqual(['recent', 'old']);
  });
});
