import { useState } from 'preact/hooks';
import { command } from '../../api/client';
import type { SittingView } from '../../api/types';
import { CommandFeedback } from '../../components/CommandFeedback';
import { useBodyView } from '../../components/hooks';
import { useCommand } from '../../components/useCommand';
import { t } from '../../i18n/i18n';
import { servingOfficials } from '../../api/roster';

/**
 * A written question slip (phiếu chất vấn): to a cluster's respondent, or outside the clusters to any
 * official answering to the body (answered in writing if not reached).
 */
export function FileQuestionForm({ sitting }: { readonly sitting: SittingView }) {
  const body = useBodyView(sitting.bodyId);
  const clusters = sitting.clusters.filter(c => c.status !== 'closed');
  const [clusterId, setClusterId] = useState('');
  const [respondentId, setRespondentId] = useState('');
  const [text, setText] = useState('');
  const state = useCommand(`${sitting.status}:${clusters.map(c => c.clusterId).join()}`);
  const cluster = sitting.clusters.find(c => c.clusterId === clusterId);
  const respondents = cluster
    ? [cluster.main, ...cluster.related]
    : (body ? servingOfficials(body) : []).map(o => ({ officialId: o.officialId, name: o.name, office: o.office }));
  const chosen = respondents.find(r => r.officialId === respondentId) ?? respondents[0];

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!chosen) {
      return;
    }

    const ok = await state.run(t('deputy.filed'), () =>
      command(
        '/api/sittings/{sittingId}/questions',
        { sittingId: sitting.sittingId },
        { clusterId: clusterId || null, respondentId: chosen.officialId, text: text.trim() },
      ),
    );
    if (ok) {
      setText('');
    }
  };

  return (
    <section class="panel" aria-labelledby="file-heading">
      <h2 id="file-heading" class="panel__title">
        {t('deputy.file')}
      </h2>
      <p class="muted">{t('deputy.fileHelp', { days: sitting.rules.writtenAnswerDays })}</p>
      <form class="form" onSubmit={submit} aria-busy={state.busy}>
        <label class="field">
          <span class="field__label">{t('deputy.cluster')}</span>
          <select
            value={clusterId}
            name="fileClusterId"
            onChange={e => {
              setClusterId(e.currentTarget.value);
              setRespondentId('');
            }}
          >
            <option value="">{t('deputy.outsideClusters')}</option>
            {clusters.map(c => (
              <option key={c.clusterId} value={c.clusterId}>
                {c.title}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span class="field__label">{t('deputy.respondent')}</span>
          <select value={chosen?.officialId ?? ''} name="respondentId" onChange={e => setRespondentId(e.currentTarget.value)}>
            {respondents.map(r => (
              <option key={r.officialId} value={r.officialId}>
                {r.name} — {r.office}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span class="field__label">{t('deputy.questionText')}</span>
          <textarea name="slipText" rows={4} maxLength={4000} required value={text} onInput={e => setText(e.currentTarget.value)} />
        </label>
        <button type="submit" class="button button--secondary" disabled={state.busy || !chosen}>
          {t('deputy.fileButton')}
        </button>
        <CommandFeedback state={state} />
      </form>
    </section>
  );
}
