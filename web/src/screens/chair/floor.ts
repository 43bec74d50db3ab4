import { command } from '../../api/client';
import type { RegistrationState, SittingView, TurnKind } from '../../api/types';
import type { CommandState } from '../../components/useCommand';
import { turnKindLabel } from '../../components/labels';
import { t } from '../../i18n/i18n';

/** The chair's and secretariat's floor steps on one sitting, each reporting through one command state. */
export function floor(sitting: SittingView, cmd: CommandState) {
  const sittingId = sitting.sittingId;
  const cluster = sitting.clusters.find(c => c.clusterId === sitting.openClusterId) ?? null;
  const byId = new Map(sitting.registrations.map(r => [r.registrationId, r]));
  const called: RegistrationState[] = (cluster?.called ?? []).flatMap(id => byId.get(id) ?? []);
  const waiting: RegistrationState[] = (cluster?.queue ?? []).flatMap(id => byId.get(id) ?? []);
  const turn = sitting.currentTurn;

  const start = (kind: TurnKind, registrationId: string | null = null, speakerId: string | null = null) =>
    cmd.run(t('chair.done.started', { kind: turnKindLabel(kind) }), () =>
      command('/api/sittings/{sittingId}/turns', { sittingId }, { kind, registrationId, speakerId }),
    );

  return {
    cluster,
    called,
    waiting,
    turn,
    /** Deputies who asked in the open cluster: those who may take part in debate. */
    spoke: sitting.registrations.filter(r => r.clusterId === cluster?.clusterId && r.status === 'spoke'),
    openSitting: () => cmd.run(t('chair.done.sittingOpened'), () => command('/api/sittings/{sittingId}/open', { sittingId })),
    closeSitting: () => cmd.run(t('chair.done.sittingClosed'), () => command('/api/sittings/{sittingId}/close', { sittingId })),
    openCluster: (clusterId: string) =>
      cmd.run(t('chair.done.clusterOpened'), () => command('/api/sittings/{sittingId}/clusters/{clusterId}/open', { sittingId, clusterId })),
    closeCluster: (clusterId: string) =>
      cmd.run(t('chair.done.clusterClosed'), () => command('/api/sittings/{sittingId}/clusters/{clusterId}/close', { sittingId, clusterId })),
    call: (count: number) =>
      cmd.run(t('chair.done.called', { count: Math.min(count, waiting.length) }), () =>
        command('/api/sittings/{sittingId}/speakers/next', { sittingId }, { count }),
      ),
    start,
    startQuestion: (registrationId = called[0]?.registrationId) => (registrationId ? start('question', registrationId) : Promise.resolve(false)),
    end: () =>
      turn
        ? cmd.run(t('chair.done.ended'), () => command('/api/sittings/{sittingId}/turns/{turnId}/end', { sittingId, turnId: turn.turnId }))
        : Promise.resolve(false),
    /** Move a waiting deputy one place earlier (-1) or later (+1) in the open cluster's queue. */
    move: (registrationId: string, by: -1 | 1) => {
      const order = waiting.map(r => r.registrationId);
      const from = order.indexOf(registrationId);
      const to = from + by;
      if (!cluster || from < 0 || to < 0 || to >= order.length) {
        return Promise.resolve(false);
      }
      const expected = [...order];
      [order[from], order[to]] = [order[to]!, order[from]!];
      const name = waiting[from]!.deputyName;
      // `expected` is the order on screen: if the queue moved meanwhile, the server refuses instead of undoing that move.
      return cmd.run(t('chair.done.moved', { name, place: to + 1 }), () =>
        command('/api/sittings/{sittingId}/clusters/{clusterId}/speaking-order', { sittingId, clusterId: cluster.clusterId }, { order, expected }),
      );
    },
    invite: (officialId: string) =>
      cmd.run(t('chair.done.invited'), () => command('/api/sittings/{sittingId}/related-respondents', { sittingId }, { officialId })),
  };
}

export type Floor = ReturnType<typeof floor>;
