import { afterEach, describe, expect, test } from 'vitest';
import type { BodySummary, Me } from '../src/api/types';
import { emptyCluster, scheduleRequest, schedulingBodies, toggleRelated, videoOf, withMain } from '../src/screens/schedule/plan';
import { instantToVietnamLocal, vietnamLocalToInstant } from '../src/time/vietnamLocal';

const zone = process.env.TZ;
afterEach(() => {
  if (zone === undefined) {
    delete process.env.TZ;
  } else {
    process.env.TZ = zone;
  }
});

describe('a start entered on the clock in Hanoi', () => {
  test.each([
    ['2026-12-04T08:00', '2026-12-04T01:00:00.000Z'],
    ['2026-12-04T08:00:30', '2026-12-04T01:00:30.000Z'],
    // Before 07:00 in Hanoi it is still the day before in UTC.
    ['2027-01-01T03:00', '2026-12-31T20:00:00.000Z'],
    ['2028-02-29T14:30', '2028-02-29T07:30:00.000Z'],
  ])('%s is the instant %s', (local, instant) => expect(vietnamLocalToInstant(local)).toBe(instant));

  test.each(['', '2026-12-04', '08:00', '2026-02-30T08:00', '2027-02-29T08:00', '2026-12-04T24:00', '2026-12-04T08:60', '2026-12-04T08:00:60', 'hôm nay'])(
    '%j is no time on the clock',
    local => expect(vietnamLocalToInstant(local)).toBeNull(),
  );

  test.each(['America/Los_Angeles', 'Asia/Tokyo', 'Europe/London', 'UTC'])('means the same instant on a device set to %s', tz => {
    process.env.TZ = tz;
    // The device's clock is not Hanoi's: a conversion through the device's zone would be hours off here.
    expect(new Date(Date.UTC(2026, 6, 1)).getTimezoneOffset()).not.toBe(-420);
    expect(vietnamLocalToInstant('2026-07-01T08:00')).toBe('2026-07-01T01:00:00.000Z');
    expect(instantToVietnamLocal('2026-07-01T01:00:00.000Z')).toBe('2026-07-01T08:00');
  });

  test('an instant reads back as the Hanoi clock showed it', () => {
    expect(instantToVietnamLocal('2026-12-31T20:00:00Z')).toBe('2027-01-01T03:00');
    expect(instantToVietnamLocal(Date.UTC(2026, 11, 4, 1, 0, 59))).toBe('2026-12-04T08:00');
    const local = '2026-12-04T23:59';
    expect(instantToVietnamLocal(vietnamLocalToInstant(local)!)).toBe(local);
  });
});

describe('who is offered the form', () => {
  const bodies: BodySummary[] = (['na', 'pc-hue', 'pc-hue-thuanhoa'] as const).map(bodyId => ({
    bodyId,
    kind: 'provincialCouncil',
    name: bodyId,
    nameEn: bodyId,
    parentBodyId: null,
    term: '2026–2031',
    members: 0,
    officials: 0,
  }));
  const me = (...grants: [Me['grants'][number]['role'], string][]): Me => ({
    signedIn: true,
    userId: 'u',
    name: 'Trần Thư Ký',
    grants: grants.map(([role, bodyId]) => ({ role, bodyId, personId: null })),
  });

  test('a secretariat schedules in its own body only', () => {
    expect(schedulingBodies(me(['secretariat', 'pc-hue']), bodies).map(b => b.bodyId)).toEqual(['pc-hue']);
  });

  test("a body's administrator schedules there, an administrator of all bodies everywhere", () => {
    expect(schedulingBodies(me(['admin', 'na']), bodies).map(b => b.bodyId)).toEqual(['na']);
    expect(schedulingBodies(me(['admin', '*']), bodies)).toHaveLength(3);
  });

  test('a deputy, a chair, a voter and a visitor are offered nothing', () => {
    expect(schedulingBodies(me(['deputy', 'pc-hue'], ['chair', 'pc-hue']), bodies)).toEqual([]);
    expect(schedulingBodies(me(), bodies)).toEqual([]);
    expect(schedulingBodies(null, bodies)).toEqual([]);
  });
});

describe('the request', () => {
  test('trims the titles, converts the start, and sends no related list when none are invited', () => {
    const request = scheduleRequest('pc-hue', {
      title: '  Phiên chất vấn kỳ họp thứ nhất ',
      startsAt: '2026-12-04T08:00',
      clusters: [
        { key: 0, title: ' Y tế cơ sở ', main: 'hue-o-health', related: [] },
        { key: 1, title: 'Giáo dục', main: 'hue-o-education', related: ['hue-o-finance'] },
      ],
      videoUrl: ' ',
    });
    expect(request).toEqual({
      body: {
        bodyId: 'pc-hue',
        title: 'Phiên chất vấn kỳ họp thứ nhất',
        startsAt: '2026-12-04T01:00:00.000Z',
        clusters: [
          { title: 'Y tế cơ sở', mainRespondentId: 'hue-o-health', relatedRespondentIds: null },
          { title: 'Giáo dục', mainRespondentId: 'hue-o-education', relatedRespondentIds: ['hue-o-finance'] },
        ],
      },
    });
  });

  test('a start that is no time is caught before anything is sent', () => {
    expect(scheduleRequest('pc-hue', { title: 'Phiên', startsAt: '2026-02-30T08:00', clusters: [emptyCluster(0)], videoUrl: '' })).toEqual({ invalid: 'startsAt' });
  });

  test('the main respondent is never among the related ones', () => {
    const invited = toggleRelated(toggleRelated(emptyCluster(0), 'hue-o-health', true), 'hue-o-finance', true);
    expect(invited.related).toEqual(['hue-o-health', 'hue-o-finance']);
    const main = withMain(invited, 'hue-o-health');
    expect(main.related).toEqual(['hue-o-finance']);
    expect(toggleRelated(main, 'hue-o-health', true).related).toEqual(['hue-o-finance']);
    expect(toggleRelated(main, 'hue-o-finance', false).related).toEqual([]);
  });

  test('the video is sent only when one is given', () => {
    const draft = { title: '', startsAt: '', clusters: [], videoUrl: '' };
    expect(videoOf(draft)).toBeNull();
    expect(videoOf({ ...draft, videoUrl: ' https://www.youtube-nocookie.com/embed/abc ' })).toBe('https://www.youtube-nocookie.com/embed/abc');
  });
});
