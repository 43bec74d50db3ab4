import { useEffect, useState } from 'preact/hooks';
import { api, command } from '../../api/client';
import type { FollowUpGroup, SittingSummary } from '../../api/types';
import { Link, paths } from '../../app/router';
import { holds, useMe } from '../../auth/session';
import { CommandFeedback } from '../../components/CommandFeedback';
import { ProblemMessage } from '../../components/ProblemMessage';
import { useCommand } from '../../components/useCommand';
import { t } from '../../i18n/i18n';
import { DeadlineText } from './labels';

/**
 * The next sitting's follow-up list: overdue and disputed commitments grouped by who answers for them. The
 * body's secretariat puts a group on a scheduled sitting's agenda, as an issue cluster, in one click.
 */
export function FollowUpList({ bodyId }: { readonly bodyId: string }) {
  const me = useMe();
  const state = useCommand();
  const [groups, setGroups] = useState<FollowUpGroup[] | null>(null);
  const [sittings, setSittings] = useState<SittingSummary[]>([]);
  const [sittingId, setSittingId] = useState('');
  const [error, setError] = useState<unknown>(null);
  const secretariat = holds(me, 'secretariat', bodyId);
  useEffect(() => {
    setGroups(null);
    api.followUp(bodyId).then(setGroups, setError);
    api.sittings().then(list => {
      const scheduled = list.filter(s => s.bodyId === bodyId && s.status === 'scheduled');
      setSittings(scheduled);
      setSittingId(scheduled[0]?.sittingId ?? '');
    }, setError);
  }, [bodyId]);

  const put = async (group: FollowUpGroup) => {
    if (!group.officialId || !sittingId) {
      return;
    }

    await state.run(t('followUp.done'), () =>
      command(
        '/api/sittings/{sittingId}/follow-up',
        { sittingId },
        { officialId: group.officialId!, commitmentIds: group.commitments.map(c => c.commitmentId), title: null },
      ),
    );
  };

  return (
    <section class="panel" aria-labelledby="follow-up-heading" data-testid="follow-up">
      <h2 id="follow-up-heading" class="panel__title">
        {t('followUp.title')}
      </h2>
      <ProblemMessage error={error} />
      {groups?.length === 0 && <p class="muted">{t('followUp.none')}</p>}
      {secretariat && groups && groups.length > 0 && (
        <label class="field">
          <span class="field__label">{t('followUp.sitting')}</span>
          <select name="sittingId" value={sittingId} onChange={e => setSittingId(e.currentTarget.value)}>
            {sittings.length === 0 && <option value="">{t('followUp.noSitting')}</option>}
            {sittings.map(s => (
              <option key={s.sittingId} value={s.sittingId}>
                {s.title}
              </option>
            ))}
          </select>
        </label>
      )}
      {groups?.map(g => (
        <article key={`${g.officialId ?? ''}/${g.agencyId}`} class="follow-up__group">
          <h3>
            {g.officialName ?? g.agencyName} <span class="muted">— {g.agencyName}</span>
          </h3>
          <ul>
            {g.commitments.map(c => (
              <li key={c.commitmentId}>
                <Link href={paths.commitment(c.commitmentId)}>{c.text}</Link> <span class="muted">(<DeadlineText date={c.deadline} label={c.deadlineLabel} />)</span>
              </li>
            ))}
          </ul>
          {secretariat && g.officialId && (
            <button type="button" class="button button--small" disabled={state.busy || !sittingId} onClick={() => void put(g)}>
              {t('followUp.put')}
            </button>
          )}
        </article>
      ))}
      <CommandFeedback state={state} />
    </section>
  );
}
