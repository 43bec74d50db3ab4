/**
 * Tracking codes as a voter types them, and the filer's secret kept on this device. A code is "KN-" and eight
 * characters of Crockford's base 32 (no I, L, O or U): read loosely, as the server reads it — any case, with or
 * without hyphens and spaces, O as 0, I or L as 1 — and the "KN" may be left out.
 */
const ALPHABET = /^[0-9A-HJKMNP-TV-Z]{8}$/;
const PREFIX = 'KN';

export function normalizeCode(text: string): string | null {
  const compact = text
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  const body = compact.startsWith(PREFIX) && compact.length === PREFIX.length + 8 ? compact.slice(PREFIX.length) : compact;
  return ALPHABET.test(body) ? `${PREFIX}-${body.slice(0, 4)}-${body.slice(4)}` : null;
}

const KEY = 'qs.petition.secret.';

/** Keeps the filer's secret for this code in this browser; false when the browser keeps nothing (private mode). */
export function rememberSecret(code: string, secret: string): boolean {
  try {
    localStorage.setItem(KEY + code, secret);
    return localStorage.getItem(KEY + code) === secret;
  } catch {
    return false;
  }
}

export function storedSecret(code: string): string | null {
  try {
    return localStorage.getItem(KEY + code);
  } catch {
    return null;
  }
}

/** A fresh idempotency key: a form sent twice (a double click, a retry after a lost reply) files once. */
export function newKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}
