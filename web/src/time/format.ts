import type { Lang } from '../i18n/i18n';

/** Sittings happen in Vietnam: times are always shown on the Asia/Ho_Chi_Minh clock, whatever the device's zone. */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const locales: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };

const kinds = {
  longDate: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE },
  date: { day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE },
  time: { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false, timeZone: TIME_ZONE },
  hm: { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: TIME_ZONE },
  // A calendar date is already Vietnam's: shown as given, with no shift.
  dateOnly: { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' },
  dateOnlyLong: { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: Lang, kind: keyof typeof kinds): Intl.DateTimeFormat {
  const key = `${lang}|${kind}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locales[lang], kinds[kind]);
    cache.set(key, f);
  }

  return f;
}

/** "08:00 · Thứ Hai, 23 tháng 11, 2026": the hour first, as a sitting's time is read out. */
export function formatDateTime(iso: string, lang: Lang): string {
  const at = new Date(iso);
  return `${formatter(lang, 'hm').format(at)} · ${formatter(lang, 'longDate').format(at)}`;
}

export function formatDate(iso: string, lang: Lang): string {
  return formatter(lang, 'date').format(new Date(iso));
}

export function formatTime(iso: string, lang: Lang): string {
  return formatter(lang, 'time').format(new Date(iso));
}

/**
 * A calendar date ("2026-12-01", a legal deadline): no time zone shift, it is a date in Vietnam already.
 * `long` gives the month in words ("20 tháng 2, 2027"), with no day/month order to misread.
 */
export function formatDay(day: string, lang: Lang, style: 'numeric' | 'long' = 'numeric'): string {
  return formatter(lang, style === 'long' ? 'dateOnlyLong' : 'dateOnly').format(new Date(`${day}T00:00:00Z`));
}

/** Today's date in Vietnam plus some days, as "yyyy-mm-dd" (for a deadline field's default). */
export function vietnamDayPlus(days: number, nowMs: number = Date.now()): string {
  const local = new Date(nowMs + 7 * 3_600_000);
  local.setUTCDate(local.getUTCDate() + days);
  return local.toISOString().slice(0, 10);
}
