import type { BodySummary, Me, PostBody, Role } from '../../api/types';
import { vietnamLocalToInstant } from '../../time/vietnamLocal';

/** Who schedules a sitting: the body's secretariat, or its administrator (the domain's ScheduleSitting rule). */
export const SCHEDULING_ROLES: readonly Role[] = ['secretariat', 'admin'];

export type ScheduleBody = PostBody<'/api/sittings'>;

export interface ClusterDraft {
  readonly key: number;
  readonly title: string;
  /** The official who answers for the cluster ('' until chosen). */
  readonly main: string;
  /** Officials of related agencies invited to answer too. */
  readonly related: readonly string[];
}

export interface ScheduleDraft {
  readonly title: string;
  /** "yyyy-mm-ddThh:mm", Hanoi time. */
  readonly startsAt: string;
  readonly clusters: readonly ClusterDraft[];
  readonly videoUrl: string;
}

export const emptyCluster = (key: number): ClusterDraft => ({ key, title: '', main: '', related: [] });

/** The bodies the account may schedule in, in the list's order: a grant in the body, or an administrator's of all (`*`). */
export function schedulingBodies(me: Me | null, bodies: readonly BodySummary[]): BodySummary[] {
  const grants = me?.grants.filter(g => SCHEDULING_ROLES.includes(g.role)) ?? [];
  return bodies.filter(b => grants.some(g => g.bodyId === b.bodyId || g.bodyId === '*'));
}

/** A cluster with another main respondent: the new one is no longer among the related. */
export function withMain(cluster: ClusterDraft, main: string): ClusterDraft {
  return { ...cluster, main, related: cluster.related.filter(id => id !== main) };
}

/** Invites or uninvites a related respondent; the main respondent is never related too. */
export function toggleRelated(cluster: ClusterDraft, officialId: string, on: boolean): ClusterDraft {
  const others = cluster.related.filter(id => id !== officialId);
  return { ...cluster, related: on && officialId !== cluster.main ? [...others, officialId] : others };
}

/**
 * The request the server is sent, or the field the form cannot turn into one (a start that is no time on the
 * clock). Everything else, titles, respondents, a start in the past, the rules in force, the server decides and
 * the form shows its refusal.
 */
export function scheduleRequest(bodyId: string, draft: ScheduleDraft): { readonly body: ScheduleBody } | { readonly invalid: 'startsAt' } {
  const startsAt = vietnamLocalToInstant(draft.startsAt);
  if (!startsAt) {
    return { invalid: 'startsAt' };
  }

  return {
    body: {
      bodyId,
      title: draft.title.trim(),
      startsAt,
      clusters: draft.clusters.map(c => ({
        title: c.title.trim(),
        mainRespondentId: c.main,
        relatedRespondentIds: c.related.length > 0 ? [...c.related] : null,
      })),
    },
  };
}

/** The video address to set after scheduling, or null for none. */
export const videoOf = (draft: ScheduleDraft): string | null => draft.videoUrl.trim() || null;
