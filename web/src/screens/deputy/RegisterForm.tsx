import { useState } from 'preact/hooks';
import { command } from '../../api/client';
import type { SittingView } from '../../api/types';
import { CommandFeedback } from '../../components/CommandFeedback';
import { useCommand } from '../../components/useCommand';
import { t } from '../../i18n/i18n';

/**
 * Registering to speak in a cluster (đăng ký chất vấn), with one of one's own slips or a new question.
 * The cluster defaults to the open one.
 */
export function RegisterForm({ sitting, deputyId }: { readonly sitting: SittingView; readonly deputyId: string }) {
  const clusters = sitting.clusters.filter(c => c.status !== 'closed');
  // Follows the open cluster until the deputy picks another one.
  const [picked, setPicked] = useState<string | null>(null);
  const clusterId = clusters.some(c => c.clusterId === picked) && picked ? picked : (sitting.openClusterId ?? clusters[0]?.clusterId ?? '');
  const [slipId, setSlipId] = useState('');
  const [text, setText] = useState('');
  const cluster = sitting.clusters.find(c => c.clusterId === clusterId);
  const mine = sitting.registrations.filter(r => r.deputyId === deputyId && r.clusterId === clusterId).map(r => r.status);
  const state = useCommand(`${clusterId}:${cluster?.status ?? ''}:${mine.join()}`);
  const respondents = cluster ? [cluster.main.officialId, ...cluster.related.map(r => r.officialId)] : [];
  const slips = sitting.questions.filter(
    q =>
      q.deputyId === deputyId &&
      q.status === 'filed' &&
      (q.clusterId === clusterId || (q.clusterId === null && respondents.includes(q.respondent.officialId))),
  );
  const slip = slips.find(q => q.questionId === slipId);

  const submit = async (e: Event) => {
    e.preventDefault();
    const ok = await state.run(t('deputy.registered'), () =>
      command(
        '/api/sittings/{sittingId}/registrations',
        { sittingId: sitting.sittingId },
        { clusterId, questionId: slip ? slip.questionId : null, text: slip ? null : text.trim() },
      ),
    );
    if (ok) {
      setText('');
      setSlipId('');
    }
  };

  if (clusters.length === 0) {
    return null;
  }

  return (
    <section class="panel" aria-labelledby="register-heading">
      <h2 id="register-heading" class="panel__title">
        {t('deputy.register')}
      </h2>
      <form class="form" onSubmit={submit} aria-busy={state.busy}>
        <label class="field">
          <span class="field__label">{t('deputy.cluster')}</span>
          <select value={clusterId} onChange={e => setPicked(e.currentTarget.value)} name="clusterId">
            {clusters.map(c => (
              <option key={c.clusterId} value={c.clusterId}>
                {c.title}
                {c.status === 'open' ? ` (${t('agenda.open')})` : ''}
              </option>
            ))}
          </select>
        </label>
        {slips.length > 0 && (
          <label class="field">
            <span class="field__label">{t('deputy.withSlip')}</span>
            <select value={slipId} onChange={e => setSlipId(e.currentTarget.value)} name="questionId">
              <option value="">{t('deputy.newQuestion')}</option>
              {slips.map(q => (
                <option key={q.questionId} value={q.questionId}>
                  {q.text.length > 90 ? `${q.text.slice(0, 90)}…` : q.text}
                </option>
              ))}
            </select>
          </label>
        )}
        {!slip && (
          <label class="field">
            <span class="field__label">{t('deputy.questionText')}</span>
            <textarea name="text" rows={3} maxLength={4000} required value={text} onInput={e => setText(e.currentTarget.value)} />
          </label>
        )}
        <button type="submit" class="button" disabled={state.busy} data-testid="register">
          {t('deputy.registerButton')}
        </button>
        <CommandFeedback state={state} />
      </form>
    </section>
  );
}
