import type { ClusterStatus, SittingView } from '../api/types';
import { t, type MessageKey } from '../i18n/i18n';

const statusKeys: Record<ClusterStatus, MessageKey> = {
  pending: 'agenda.pending',
  open: 'agenda.open',
  closed: 'agenda.closed',
};

/** The sitting's issue clusters in order, with where each stands. */
export function Agenda({ sitting }: { readonly sitting: SittingView }) {
  return (
    <section class="panel" aria-labelledby="agenda-heading">
      <h2 id="agenda-heading" class="panel__title">
        {t('agenda.title')}
      </h2>
      <ol class="agenda">
        {sitting.clusters.map(c => (
          <li key={c.clusterId} class={`agenda__item agenda__item--${c.status}`}>
            <span class="agenda__title">{c.title}</span>
            <span class="agenda__meta">
              {c.main.name} · {t(statusKeys[c.status])}
              {c.questionsAsked > 0 && ` · ${t('agenda.counts', { questions: c.questionsAsked, answers: c.answersGiven })}`}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
