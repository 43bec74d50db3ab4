import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export type SittingScreen = 'watch' | 'deputy' | 'respondent' | 'chair';

export type Route =
  | { readonly name: 'home' }
  | { readonly name: 'signIn'; readonly next: string | null; readonly error: string | null }
  | { readonly name: 'register'; readonly next: string | null }
  | { readonly name: SittingScreen; readonly sittingId: string }
  | { readonly name: 'scheduleSitting'; readonly bodyId: string | null }
  | { readonly name: 'commitments'; readonly query: string }
  | { readonly name: 'commitment'; readonly commitmentId: string }
  | { readonly name: 'accountability'; readonly query: string }
  | { readonly name: 'follows' }
  | { readonly name: 'resolutions'; readonly query: string }
  | { readonly name: 'resolution'; readonly resolutionId: string }
  | { readonly name: 'petitions'; readonly query: string }
  | { readonly name: 'petitionNew' }
  | { readonly name: 'petition'; readonly petitionId: string }
  | { readonly name: 'petitionByCode'; readonly code: string }
  | { readonly name: 'contactMeeting' }
  | { readonly name: 'search'; readonly query: string }
  | { readonly name: 'explanations'; readonly query: string }
  | { readonly name: 'explanationNew' }
  | { readonly name: 'explanationByCode'; readonly code: string }
  | { readonly name: 'explanation'; readonly requestId: string }
  | { readonly name: 'supervisionList'; readonly query: string }
  | { readonly name: 'supervisionNew'; readonly bodyId: string | null }
  | { readonly name: 'supervisionTopic'; readonly topicId: string }
  | { readonly name: 'admin'; readonly bodyId: string | null }
  | { readonly name: 'notFound' };

export const paths = {
  home: () => '/',
  signIn: (next?: string) => (next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in'),
  register: (next?: string | null) => (next ? `/register?next=${encodeURIComponent(next)}` : '/register'),
  sitting: (screen: SittingScreen, sittingId: string) => `/sittings/${sittingId}/${screen}`,
  scheduleSitting: (bodyId?: string) => (bodyId ? `/sittings/new?body=${encodeURIComponent(bodyId)}` : '/sittings/new'),
  commitments: (query?: string) => (query ? `/commitments?${query}` : '/commitments'),
  commitment: (commitmentId: string) => `/commitments/${commitmentId}`,
  follows: () => '/follows',
  resolutions: (bodyId?: string) => (bodyId ? `/resolutions?body=${encodeURIComponent(bodyId)}` : '/resolutions'),
  resolution: (resolutionId: string) => `/resolutions/${resolutionId}`,
  accountability: (bodyId?: string) => (bodyId ? `/accountability?body=${encodeURIComponent(bodyId)}` : '/accountability'),
  petitions: (query?: string) => (query ? `/petitions?${query}` : '/petitions'),
  petitionNew: () => '/petitions/new',
  petition: (petitionId: string) => `/petitions/${petitionId}`,
  petitionByCode: (code: string) => `/petitions/by-code/${encodeURIComponent(code)}`,
  contactMeeting: () => '/petitions/meetings/new',
  search: (query?: string) => (query ? `/search?${query}` : '/search'),
  explanations: (query?: string) => (query ? `/explanations?${query}` : '/explanations'),
  explanationNew: () => '/explanations/new',
  explanationByCode: (code: string) => `/explanations/by-code/${encodeURIComponent(code)}`,
  explanation: (requestId: string) => `/explanations/${requestId}`,
  supervisionList: (query?: string) => (query ? `/supervision?${query}` : '/supervision'),
  supervisionNew: (bodyId?: string) => (bodyId ? `/supervision/new?body=${encodeURIComponent(bodyId)}` : '/supervision/new'),
  supervisionTopic: (topicId: string) => `/supervision/${topicId}`,
  admin: (bodyId?: string) => (bodyId ? `/admin?body=${encodeURIComponent(bodyId)}` : '/admin'),
};

const GUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const SITTING = new RegExp(`^/sittings/(${GUID})(?:/(watch|deputy|respondent|chair))?/?$`);
const COMMITMENT = new RegExp(`^/commitments/(${GUID})/?$`);
const RESOLUTION = new RegExp(`^/resolutions/(${GUID})/?$`);
const PETITION = new RegExp(`^/petitions/(${GUID})/?$`);
const PETITION_CODE = /^\/petitions\/by-code\/([^/]{1,40})\/?$/;
const EXPLANATION = new RegExp(`^/explanations/(${GUID})/?$`);
const EXPLANATION_CODE = /^\/explanations\/by-code\/([^/]{1,40})\/?$/;
const SUPERVISION = new RegExp(`^/supervision/(${GUID})/?$`);

/** Only a path on this site: never send someone elsewhere after signing in. */
function localPath(next: string | null): string | null {
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : null;
}

export function parseRoute(pathname: string, search: string): Route {
  if (pathname === '/' || pathname === '') {
    return { name: 'home' };
  }

  if (pathname === '/sign-in' || pathname === '/register') {
    const query = new URLSearchParams(search);
    const next = localPath(query.get('next'));
    return pathname === '/register' ? { name: 'register', next } : { name: 'signIn', next, error: query.get('error') };
  }

  if (pathname === '/admin' || pathname === '/admin/') {
    return { name: 'admin', bodyId: new URLSearchParams(search).get('body') || null };
  }

  if (pathname === '/sittings/new' || pathname === '/sittings/new/') {
    return { name: 'scheduleSitting', bodyId: new URLSearchParams(search).get('body') || null };
  }

  if (pathname === '/commitments' || pathname === '/commitments/') {
    return { name: 'commitments', query: search.replace(/^\?/, '') };
  }

  if (pathname === '/resolutions' || pathname === '/resolutions/') {
    return { name: 'resolutions', query: search.replace(/^\?/, '') };
  }

  const resolution = RESOLUTION.exec(pathname);
  if (resolution?.[1]) {
    return { name: 'resolution', resolutionId: resolution[1].toLowerCase() };
  }

  if (pathname === '/follows' || pathname === '/follows/') {
    return { name: 'follows' };
  }

  if (pathname === '/accountability' || pathname === '/accountability/') {
    return { name: 'accountability', query: search.replace(/^\?/, '') };
  }

  const explanations = parseExplanationRoute(pathname, search);
  if (explanations) {
    return explanations;
  }

  const commitment = COMMITMENT.exec(pathname);
  if (commitment?.[1]) {
    return { name: 'commitment', commitmentId: commitment[1].toLowerCase() };
  }

  if (pathname === '/petitions' || pathname === '/petitions/') {
    return { name: 'petitions', query: search.replace(/^\?/, '') };
  }

  if (pathname === '/petitions/new' || pathname === '/petitions/new/') {
    return { name: 'petitionNew' };
  }

  if (pathname === '/petitions/meetings/new' || pathname === '/petitions/meetings/new/') {
    return { name: 'contactMeeting' };
  }

  const petition = PETITION.exec(pathname);
  if (petition?.[1]) {
    return { name: 'petition', petitionId: petition[1].toLowerCase() };
  }

  const petitionCode = PETITION_CODE.exec(pathname);
  if (petitionCode?.[1]) {
    try {
      return { name: 'petitionByCode', code: decodeURIComponent(petitionCode[1]) };
    } catch {
      return { name: 'notFound' };
    }
  }

  if (pathname === '/search' || pathname === '/search/') {
    return { name: 'search', query: search.replace(/^\?/, '') };
  }

  const sitting = SITTING.exec(pathname);
  if (sitting?.[1]) {
    return { name: (sitting[2] as SittingScreen | undefined) ?? 'watch', sittingId: sitting[1].toLowerCase() };
  }

  return { name: 'notFound' };
}

/** Requests for explanation and topical supervision: their lists, forms and pages; null for any other path. */
function parseExplanationRoute(pathname: string, search: string): Route | null {
  if (pathname === '/explanations' || pathname === '/explanations/') {
    return { name: 'explanations', query: search.replace(/^\?/, '') };
  }

  if (pathname === '/explanations/new' || pathname === '/explanations/new/') {
    return { name: 'explanationNew' };
  }

  const code = EXPLANATION_CODE.exec(pathname)?.[1];
  if (code) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(code);
    } catch {
      return { name: 'notFound' };
    }

    return { name: 'explanationByCode', code: decoded.trim().toUpperCase() };
  }

  const explanation = EXPLANATION.exec(pathname);
  if (explanation?.[1]) {
    return { name: 'explanation', requestId: explanation[1].toLowerCase() };
  }

  if (pathname === '/supervision' || pathname === '/supervision/') {
    return { name: 'supervisionList', query: search.replace(/^\?/, '') };
  }

  if (pathname === '/supervision/new' || pathname === '/supervision/new/') {
    return { name: 'supervisionNew', bodyId: new URLSearchParams(search).get('body') || null };
  }

  const topic = SUPERVISION.exec(pathname);
  if (topic?.[1]) {
    return { name: 'supervisionTopic', topicId: topic[1].toLowerCase() };
  }

  return null;
}

const listeners = new Set<() => void>();

export function navigate(href: string, replace = false): void {
  if (replace) {
    history.replaceState(null, '', href);
  } else {
    history.pushState(null, '', href);
  }

  listeners.forEach(l => l());
  window.scrollTo(0, 0);
}

export function currentRoute(): Route {
  return parseRoute(location.pathname, location.search);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    const update = () => setRoute(currentRoute());
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return route;
}

type LinkProps = { readonly href: string; readonly children: ComponentChildren; readonly class?: string };

/** An ordinary link that changes screens without reloading; modified clicks (new tab) behave as usual. */
export function Link({ href, children, class: className }: LinkProps) {
  const onClick = (e: MouseEvent) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) {
      return;
    }

    e.preventDefault();
    navigate(href);
  };
  return (
    <a href={href} onClick={onClick} class={className}>
      {children}
    </a>
  );
}
