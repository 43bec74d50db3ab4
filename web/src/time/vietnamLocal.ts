/**
 * A time entered or shown "as on the clock in Hanoi", whatever zone the browser is set to. Vietnam keeps
 * UTC+7 all year (no daylight saving since 1975), so the conversion is a fixed offset: relying on the
 * browser's own zone would schedule a sitting hours off for a secretariat whose laptop is set elsewhere.
 */
const OFFSET_MS = 7 * 3_600_000;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** "2026-12-04T08:00" or "…T08:00:30" (a datetime-local field's value, Hanoi time) as the instant, in ISO UTC; null when it is no real time. */
export function vietnamLocalToInstant(local: string): string | null {
  const m = LOCAL.exec(local.trim());
  if (!m) {
    return null;
  }

  const [year, month, day, hour, minute, second = 0] = m.slice(1).map(n => Number(n ?? 0)) as [number, number, number, number, number, number];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls 30 February into March and 24:00 into the next day: such a value was not a time on the clock.
  if (second > 59 || instantToVietnamLocal(asUtc - OFFSET_MS) !== local.trim().slice(0, 16)) {
    return null;
  }

  return new Date(asUtc - OFFSET_MS).toISOString();
}

/** An instant (ms or ISO) as the datetime-local value "yyyy-mm-ddThh:mm" of the clock in Hanoi. */
export function instantToVietnamLocal(at: number | string): string {
  const ms = typeof at === 'number' ? at : Date.parse(at);
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 16);
}

