import type { SittingView } from '../../api/types';
import { Countdown } from '../../components/Countdown';
import { t } from '../../i18n/i18n';

interface Props {
  readonly sitting: SittingView;
  readonly deputyId: string;
  readonly offsetMs: number;
}

/** Where this deputy stands now: speaking, called, waiting at place N, or not registered. Announced politely as it changes. */
export function MyPlace({ sitting, deputyId, offsetMs }: Props) {
  const turn = sitting.currentTurn;
  const speaking = turn !== null && turn.speakerId === deputyId;
  const cluster = sitting.clusters.find(c => c.clusterId === sitting.openClusterId);
  const inCluster = sitting.registrations.filter(r => r.deputyId === deputyId && r.clusterId === cluster?.clusterId);
  const mine = inCluster.filter(r => r.status === 'waiting' || r.status === 'called');
  const spoke = inCluster.some(r => r.status === 'spoke');
  const called = mine.find(r => r.status === 'called');
  const waiting = mine.find(r => r.status === 'waiting');
  const place = waiting && cluster ? cluster.queue.indexOf(waiting.registrationId) + 1 : 0;

  let message: string;
  if (speaking) {
    message = t('deputy.speakingNow');
  } else if (called) {
    message = t('deputy.called');
  } else if (place > 0) {
    message = t('deputy.place', { place, cluster: cluster?.title ?? '' });
  } else if (sitting.status === 'open' && cluster) {
    message = spoke ? t('deputy.spoke', { cluster: cluster.title }) : t('deputy.notRegistered', { cluster: cluster.title });
  } else {
    message = sitting.status === 'closed' ? t('deputy.sittingClosed') : sitting.status === 'open' ? t('deputy.noCluster') : t('deputy.beforeSitting');
  }

  return (
    <section class={`panel my-place${called || speaking ? ' my-place--now' : ''}`} aria-labelledby="my-place-heading">
      <h2 id="my-place-heading" class="panel__title">
        {t('deputy.myPlace')}
      </h2>
      <p class="my-place__message" aria-live="polite" aria-atomic="true" data-testid="my-place">
        {place > 0 && !called && !speaking && <span class="my-place__number">{place}</span>}
        {message}
      </p>
      {speaking && turn && <Countdown turn={turn} offsetMs={offsetMs} size="large" />}
    </section>
  );
}
