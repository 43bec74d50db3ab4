import { useEffect, useState } from 'preact/hooks';
import { en } from './en';
import { vi, type MessageKey } from './vi';

export type Lang = 'vi' | 'en';
export type { MessageKey };

export const catalogues: Record<Lang, Record<MessageKey, string>> = { vi, en };

const STORAGE_KEY = 'qs.lang';
const listeners = new Set<(lang: Lang) => void>();
let current: Lang = initialLang();

function initialLang(): Lang {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

export function lang(): Lang {
  return current;
}

/** Switches language, remembers the choice on this device, and re-renders whoever listens. */
export function setLang(next: Lang): void {
  current = next;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, next);
  } catch {
    // Private mode: the choice lasts for this page only.
  }

  if (typeof document !== 'undefined') {
    document.documentElement.lang = next;
  }

  listeners.forEach(l => l(next));
}

/** The message for `key` in the current language, with `{name}` placeholders filled. */
export function t(key: MessageKey, params?: Readonly<Record<string, string | number>>): string {
  const text = catalogues[current][key];
  return params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)) : text;
}

/** True when the catalogue has `key` (for keys built at run time, such as problem codes). */
export function hasMessage(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(catalogues[current], key);
}

/** Re-renders the calling component when the language changes. */
export function useLang(): Lang {
  const [value, setValue] = useState(current);
  useEffect(() => {
    listeners.add(setValue);
    return () => {
      listeners.delete(setValue);
    };
  }, []);
  return value;
}
