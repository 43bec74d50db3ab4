import { useEffect, useState } from 'preact/hooks';
import type { SittingView } from '../../api/types';
import { Countdown } from '../../components/Countdown';
import { turnKindLabel } from '../../components/labels';
import { t } from '../../i18n/i18n';
import type { Floor } from './floor';

interface Props {
  readonly sitting: SittingView;
  readonly floor: Floor;
  readonly busy: boolean;
  readonly isChair: boolean;
  readonly offsetMs: number;
  readonly answerer: string;
  readonly onAnswerer: (officialId: string) => void;
}

/** Opening and closing, the speakers' queue, and the timed turns. */
export function FloorControls({ sitting, floor: f, busy, isChair, offsetMs, answerer, onAnswerer }: Props) {
  const [debater, setDebater] = useState('');
  const cluster = f.cluster;
  const invited = cluster ? cluster.related.filter(r => cluster.invited.includes(r.officialId)) : [];
  const notInvited = cluster ? cluster.related.filter(r => !cluster.invited.includes(r.officialId)) : [];
  const answerers = cluster ? [cluster.main, ...invited] : [];
  const running = f.turn !== null;
  const open = sitting.status === 'open';
  // Re-ordering the list can take the focus from the button just pressed, and a deputy moved to either end
  // finds that button disabled there. Once the new order is on screen, the focus goes back to the pressed
  // button, or to the deputy's other button at either end.
  const [focusWanted, setFocusWanted] = useState<{ readonly id: string; readonly from: string } | null>(null);
  const order = f.waiting.map(r => r.registrationId).join();
  useEffect(() => {
    if (!focusWanted || focusWanted.from === order) {
      return;
    }

    const button = document.getElementById(focusWanted.id);
    if (button instanceof HTMLButtonElement && !button.disabled) {
      button.focus();
    }

    setFocusWanted(null);
  }, [focusWanted, order]);
  const moveAndKeepFocus = async (registrationId: string, by: -1 | 1, toEnd: boolean) => {
    if (busy) {
      return;
    }

    const wanted = { id: `move-${(by < 0) === toEnd ? 'down' : 'up'}-${registrationId}`, from: order };
    setFocusWanted(wanted);
    if (!(await f.move(registrationId, by))) {
      setFocusWanted(w => (w === wanted ? null : w));
    }
  };

  return (
    <>
      <section class="panel" aria-labelledby="sitting-controls">
        <h2 id="sitting-controls" class="panel__title">
          {t('chair.sittingAndClusters')}
        </h2>
        {!isChair && <p class="muted">{t('chair.chairOnly')}</p>}
        <div class="button-row">
          {sitting.status === 'scheduled' && (
            <button type="button" class="button" disabled={busy || !isChair} onClick={() => void f.openSitting()} data-testid="open-sitting">
              {t('chair.openSitting')}
            </button>
          )}
          {open && (
            <button
              type="button"
              class="button button--danger"
              disabled={busy || !isChair || running}
              onClick={() => window.confirm(t('chair.confirmClose')) && void f.closeSitting()}
            >
              {t('chair.closeSitting')}
            </button>
          )}
        </div>
        <ol class="cluster-controls">
          {sitting.clusters.map(c => (
            <li key={c.clusterId} class={`cluster-controls__item cluster-controls__item--${c.status}`}>
              <span>
                <strong>{c.title}</strong>
                <span class="muted"> · {c.main.name}</span>
              </span>
              {c.status === 'pending' && open && (
                <button type="button" class="button button--small" disabled={busy || !isChair || sitting.openClusterId !== null} onClick={() => void f.openCluster(c.clusterId)}>
                  {t('chair.openCluster')}
                </button>
              )}
              {c.status === 'open' && (
                <button type="button" class="button button--small button--secondary" disabled={busy || !isChair || running} onClick={() => void f.closeCluster(c.clusterId)}>
                  {t('chair.closeCluster')}
                </button>
              )}
              {c.status === 'closed' && <span class="muted">{t('agenda.closed')}</span>}
            </li>
          ))}
        </ol>
      </section>

      {cluster && (
        <section class="panel" aria-labelledby="queue-controls">
          <h2 id="queue-controls" class="panel__title">
            {t('chair.queue')}
          </h2>
          <p class="muted">{t('chair.waitingCount', { count: f.waiting.length })}</p>
          <div class="button-row">
            <button type="button" class="button" disabled={busy || f.waiting.length === 0} onClick={() => void f.call(1)} data-testid="call-one">
              {t('chair.callOne')} <kbd>N</kbd>
            </button>
            <button type="button" class="button button--secondary" disabled={busy || f.waiting.length === 0} onClick={() => void f.call(sitting.rules.callBatchSize)}>
              {t('chair.callBatch', { count: sitting.rules.callBatchSize })} <kbd>Shift+N</kbd>
            </button>
          </div>
          {f.waiting.length > 1 && (
            // While a move is on its way the buttons stay enabled (aria-disabled), so a keyboard user's focus
            // stays on the button just pressed; the command state refuses a second move until the first is done.
            <ol class="reorder-list" aria-label={t('chair.reorder')} data-testid="reorder-list">
              {f.waiting.map((r, i) => (
                <li key={r.registrationId}>
                  <span class="reorder-list__place">{i + 1}</span>
                  <span class="reorder-list__name">{r.deputyName}</span>
                  {([-1, 1] as const).map(by => {
                    const label = t(by < 0 ? 'chair.moveUp' : 'chair.moveDown', { name: r.deputyName });
                    const last = f.waiting.length - 1;
                    return (
                      <button
                        key={by}
                        type="button"
                        class="button button--small button--secondary"
                        disabled={by < 0 ? i === 0 : i === last}
                        aria-disabled={busy}
                        aria-label={label}
                        title={label}
                        id={`move-${by < 0 ? 'up' : 'down'}-${r.registrationId}`}
                        onClick={() => void moveAndKeepFocus(r.registrationId, by, by < 0 ? i === 1 : i === last - 1)}
                      >
                        {by < 0 ? '↑' : '↓'}
                      </button>
                    );
                  })}
                </li>
              ))}
            </ol>
          )}
          {f.called.length > 0 && (
            <ul class="called-list">
              {f.called.map((r, i) => (
                <li key={r.registrationId}>
                  <span>{r.deputyName}</span>
                  <button type="button" class="button button--small" disabled={busy || running} onClick={() => void f.startQuestion(r.registrationId)} data-testid="start-question">
                    {t('chair.startQuestion')} {i === 0 && <kbd>Q</kbd>}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      {cluster && (
        <section class="panel" aria-labelledby="turn-controls">
          <h2 id="turn-controls" class="panel__title">
            {t('chair.turns')}
          </h2>
          {f.turn ? (
            <div class="running-turn">
              <p>
                <span class={`tag tag--${f.turn.kind}`}>{turnKindLabel(f.turn.kind)}</span> <strong>{f.turn.speakerName}</strong>
              </p>
              <Countdown turn={f.turn} offsetMs={offsetMs} />
              <button type="button" class="button button--danger" disabled={busy} onClick={() => void f.end()} data-testid="end-turn">
                {t('chair.endTurn')} <kbd>E</kbd>
              </button>
            </div>
          ) : (
            <div class="turn-starters">
              <div class="field-row">
                <label class="field">
                  <span class="field__label">{t('chair.answerer')}</span>
                  <select value={answerer} onChange={e => onAnswerer(e.currentTarget.value)}>
                    {answerers.map(r => (
                      <option key={r.officialId} value={r.officialId}>
                        {r.name} — {r.office}
                      </option>
                    ))}
                  </select>
                </label>
                <button type="button" class="button" disabled={busy || !cluster.awaitingAnswer} onClick={() => void f.start('answer', null, answerer || null)} data-testid="start-answer">
                  {t('chair.startAnswer')} <kbd>A</kbd>
                </button>
              </div>
              <div class="button-row">
                <button type="button" class="button button--secondary" disabled={busy || cluster.questionsAsked > 0} onClick={() => void f.start('opening')}>
                  {t('chair.startOpening')} <kbd>O</kbd>
                </button>
                <button type="button" class="button button--secondary" disabled={busy} onClick={() => void f.start('closing')} data-testid="start-closing">
                  {t('chair.startClosing')} <kbd>K</kbd>
                </button>
                {invited.map(r => (
                  <button key={r.officialId} type="button" class="button button--secondary" disabled={busy || cluster.questionsAsked === 0} onClick={() => void f.start('clarification', null, r.officialId)}>
                    {t('chair.startClarification', { name: r.name })}
                  </button>
                ))}
              </div>
              {f.spoke.length > 0 && cluster.answersGiven > 0 && (
                <div class="field-row">
                  <label class="field">
                    <span class="field__label">{t('chair.debater')}</span>
                    <select value={debater} onChange={e => setDebater(e.currentTarget.value)}>
                      <option value="">—</option>
                      {f.spoke.map(r => (
                        <option key={r.registrationId} value={r.registrationId}>
                          {r.deputyName}
                        </option>
                      ))}
                    </select>
                  </label>
                  <button type="button" class="button button--secondary" disabled={busy || !debater} onClick={() => void f.start('debate', debater)}>
                    {t('chair.startDebate')}
                  </button>
                </div>
              )}
            </div>
          )}
          {notInvited.length > 0 && (
            <div class="invite">
              <p class="field__label">{t('chair.inviteRelated')}</p>
              <div class="button-row">
                {notInvited.map((r, i) => (
                  <button key={r.officialId} type="button" class="button button--small button--secondary" disabled={busy} onClick={() => void f.invite(r.officialId)}>
                    {t('chair.invite', { name: r.name })} {i === 0 && <kbd>I</kbd>}
                  </button>
                ))}
              </div>
            </div>
          )}
        </section>
      )}
    </>
  );
}
