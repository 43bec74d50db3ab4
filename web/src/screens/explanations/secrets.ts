/**
 * The filer's secret for a request, kept on this device by the request's code so the requester can come back
 * to it without an account. Only on this browser: clearing site data, or another device, needs the secret
 * pasted again. A secret stops working once the requester's details are erased, so it is forgotten then.
 */
const PREFIX = 'qs.explanation.secret.';

export function storedSecret(code: string): string | null {
  try {
    return globalThis.localStorage?.getItem(PREFIX + code) ?? null;
  } catch {
    return null;
  }
}

export function storeSecret(code: string, secret: string): void {
  try {
    globalThis.localStorage?.setItem(PREFIX + code, secret);
  } catch {
    // Private mode: the secret lasts for this page only; the filer was shown it to write down.
  }
}

export function forgetSecret(code: string): void {
  try {
    globalThis.localStorage?.removeItem(PREFIX + code);
  } catch {
    // Nothing was stored.
  }
}

/** A fresh key for one filing, so a double click or a retried request files once and gets the same code and secret. */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') {
    return c.randomUUID();
  }

  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}
