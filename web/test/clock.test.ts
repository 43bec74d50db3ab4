import { describe, expect, test } from 'vitest';
import { clockOffset, countdown, formatDuration, parseTimeSpan, timerStage } from '../src/time/clock';
import { formatDay, vietnamDayPlus } from '../src/time/format';

describe('time spans from the server', () => {
  test.each([
    ['00:01:00', 60_000],
    ['00:03:00', 180_000],
    ['00:00:25.5000000', 25_500],
    ['01:02:03', 3_723_000],
    ['1.00:00:00', 86_400_000],
    ['-00:00:05', -5_000],
  ])('%s is %d ms', (text, ms) => expect(parseTimeSpan(text)).toBe(ms));

  test('anything else is refused', () => expect(() => parseTimeSpan('3 minutes')).toThrow(RangeError));
});

describe('countdown', () => {
  const start = Date.parse('2026-11-23T01:00:00Z');
  const minute = 60_000;

  test.each([
    [0, '1:00', false],
    [1, '1:00', false],
    [15_000, '0:45', false],
    [59_001, '0:01', false],
    [60_000, '0:00', false],
    [60_001, '+0:00', true],
    [85_000, '+0:25', true],
    [60_000 + 3_725_000, '+1:02:05', true],
  ])('at +%d ms shows %s (over: %s)', (elapsed, text, over) => {
    const c = countdown(start, minute, start + elapsed);
    expect(c.text).toBe(text);
    expect(c.over).toBe(over);
  });

  test('a device clock ahead of the start shows the full limit, never more', () => {
    expect(countdown(start, minute, start - 5_000).text).toBe('1:00');
  });

  test('formats durations as m:ss, and h:mm:ss from an hour', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(225_000)).toBe('3:45');
    expect(formatDuration(3_600_000)).toBe('1:00:00');
  });

  test('a screen reader hears the timer at few moments, not every second', () => {
    const limit = 3 * minute;
    const stages = new Set<string>();
    for (let ms = 0; ms <= limit + 2 * minute + 5_000; ms += 1000) {
      stages.add(timerStage(countdown(start, limit, start + ms), limit));
    }

    expect([...stages]).toEqual(['start', '30', '10', 'over', 'over-1', 'over-2']);
  });

  test('a short limit skips the warnings it is shorter than', () => {
    expect(timerStage(countdown(start, 20_000, start), 20_000)).toBe('start');
  });
});

describe('server clock', () => {
  test('the offset is server time minus the middle of the request', () => {
    const sent = Date.parse('2026-11-23T01:00:00.000Z');
    expect(clockOffset('2026-11-23T01:00:05.100Z', sent, sent + 200)).toBe(5_000);
    expect(clockOffset('not a time', sent, sent)).toBe(0);
  });
});

describe('dates in Vietnam', () => {
  test('a legal deadline is the same calendar day in any time zone', () => {
    expect(formatDay('2026-12-01', 'vi')).toBe('01/12/2026');
  });

  test('today in Hanoi plus days, even late in the UTC evening', () => {
    expect(vietnamDayPlus(90, Date.parse('2026-11-22T18:30:00Z'))).toBe('2027-02-21');
  });
});
