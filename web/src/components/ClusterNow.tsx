import type { SittingView } from '../api/types';
import { t } from '../i18n/i18n';

/** The issue cluster (nhóm vấn đề) now open, its main respondent and the related respondents invited. */
export function ClusterNow({ sitting }: { readonly sitting: SittingView }) {
  const cluster = sitting.clusters.find(c => c.clusterId === sitting.openClusterId);
  const invited = cluster ? cluster.related.filter(r => cluster.invited.includes(r.officialId)) : [];
  return (
    <section class="panel" aria-labelledby="cluster-heading" data-testid="cluster">
      <h2 id="cluster-heading" class="panel__title">
        {t('cluster.title')}
      </h2>
      {!cluster ? (
        <p class="muted">{t('cluster.none')}</p>
      ) : (
        <>
          <p class="cluster__name">{cluster.title}</p>
          <p class="cluster__respondent">
            <span class="muted">{t('cluster.respondent')}</span> <strong>{cluster.main.name}</strong>, {cluster.main.office}
          </p>
          {invited.length > 0 && (
            <p class="cluster__respondent">
              <span class="muted">{t('cluster.invited')}</span> {invited.map(r => `${r.name}, ${r.office}`).join('; ')}
            </p>
          )}
        </>
      )}
    </section>
  );
}
