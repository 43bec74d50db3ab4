import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import type { Me, Role } from '../api/types';

const anonymous: Me = { signedIn: false, userId: null, name: null, grants: [] };
const listeners = new Set<(me: Me) => void>();
let current: Me | null = null;
let loading: Promise<Me> | null = null;

function publish(me: Me): Me {
  current = me;
  listeners.forEach(l => l(me));
  return me;
}

/** Who is signed in (the cookie is HttpOnly, so the server is asked once and the answer shared). */
export function loadMe(): Promise<Me> {
  loading ??= api.me().then(publish, () => publish(anonymous));
  return loading;
}

export async function signIn(username: string, password: string): Promise<Me> {
  const me = await api.signIn({ username, password });
  loading = Promise.resolve(me);
  return publish(me);
}

/** Creates a voter account (no role) and signs it in. */
export async function register(username: string, displayName: string, password: string): Promise<Me> {
  const me = await api.register({ username, displayName, password });
  loading = Promise.resolve(me);
  return publish(me);
}

export async function signOut(): Promise<void> {
  await api.signOut().catch(() => undefined);
  signedOut();
}

/** Ends every session of this account, on every device; this one too. */
export async function signOutEverywhere(): Promise<void> {
  await api.signOutEverywhere().catch(() => undefined);
  signedOut();
}

function signedOut(): void {
  loading = Promise.resolve(anonymous);
  publish(anonymous);
}

/** The signed-in account, or null while it is being asked for. */
export function useMe(): Me | null {
  const [me, setMe] = useState(current);
  useEffect(() => {
    listeners.add(setMe);
    void loadMe();
    // The answer may have come between this component's first render and this effect: catch up with it.
    if (current !== null) {
      setMe(current);
    }

    return () => {
      listeners.delete(setMe);
    };
  }, []);
  return me;
}

export function holds(me: Me | null, role: Role, bodyId: string): boolean {
  return me?.grants.some(g => g.role === role && (g.bodyId === bodyId || g.bodyId === '*')) ?? false;
}

/** The member or official id the account has in the body for that role. */
export function personIn(me: Me | null, role: Role, bodyId: string): string | null {
  return me?.grants.find(g => g.role === role && g.bodyId === bodyId && g.personId)?.personId ?? null;
}
