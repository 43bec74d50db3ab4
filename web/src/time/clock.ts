/**
 * Timers are server-authoritative: a turn carries its start time and its limit, and every screen draws
 * the countdown from those against the server's clock (this device's clock corrected by the offset
 * measured when the sitting was loaded).
 */

/** Milliseconds in a .NET TimeSpan as System.Text.Json writes it: "[-][d.]hh:mm:ss[.fffffff]". */
export function parseTimeSpan(text: string): number {
  const match = /^(-)?(?:(\d+)\.)?(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?$/.exec(text);
  if (!match) {
    throw new RangeError(`Not a time span: ${text}`);
  }

  const [, minus, days, hours, minutes, seconds, fraction] = match;
  const ms =
    Number(days ?? 0) * 86_400_000 +
    Number(hours) * 3_600_000 +
    Number(minutes) * 60_000 +
    Number(seconds) * 1000 +
    Math.round(Number(`0.${fraction ?? '0'}`) * 1000);
  return minus ? -ms : ms;
}

/** "m:ss", or "h:mm:ss" from an hour on. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

export interface Countdown {
  /** Whole seconds left, rounded up; 0 once over. */
  readonly remainingSeconds: number;
  /** Whole seconds past the limit; 0 while within it. */
  readonly overrunSeconds: number;
  readonly over: boolean;
  /** "0:45" while within the limit, "+0:25" past it. */
  readonly text: string;
}

export function countdown(startedAtMs: number, limitMs: number, nowMs: number): Countdown {
  const elapsed = Math.max(0, nowMs - startedAtMs);
  if (elapsed <= limitMs) {
    const remainingSeconds = Math.ceil((limitMs - elapsed) / 1000);
    return { remainingSeconds, overrunSeconds: 0, over: false, text: formatDuration(remainingSeconds * 1000) };
  }

  const overrunSeconds = Math.floor((elapsed - limitMs) / 1000);
  return { remainingSeconds: 0, overrunSeconds, over: true, text: `+${formatDuration(overrunSeconds * 1000)}` };
}

/**
 * What a screen reader hears about a timer: only when this changes, never every second.
 * "start" → "30" (30 s left) → "10" → "over" → "over-1", "over-2", … (each whole minute past).
 */
export function timerStage(c: Countdown, limitMs: number): string {
  if (c.over) {
    const minutes = Math.floor(c.overrunSeconds / 60);
    return minutes === 0 ? 'over' : `over-${minutes}`;
  }

  if (c.remainingSeconds <= 10 && limitMs > 10_000) {
    return '10';
  }

  return c.remainingSeconds <= 30 && limitMs > 30_000 ? '30' : 'start';
}

/** The server's clock as seen from here: offset = server time − local time at the middle of the request. */
export function clockOffset(serverTime: string, sentAtMs: number, receivedAtMs: number): number {
  const server = Date.parse(serverTime);
  return Number.isNaN(server) ? 0 : server - (sentAtMs + receivedAtMs) / 2;
}
