import { useState } from 'preact/hooks';
import { command } from '../../api/client';
import type { Official } from '../../api/types';
import { Link, paths } from '../../app/router';
import { CommandFeedback } from '../../components/CommandFeedback';
import { useBodyView } from '../../components/hooks';
import { ProblemMessage } from '../../components/ProblemMessage';
import { useCommand } from '../../components/useCommand';
import { lang, t } from '../../i18n/i18n';
import { vietnamDayPlus } from '../../time/format';
import { ClusterFields } from './ClusterFields';
import { StartField } from './StartField';
import { emptyCluster, scheduleRequest, videoOf, type ClusterDraft, type ScheduleDraft } from './plan';
import { servingOfficials } from '../../api/roster';

const MAX_CLUSTERS = 20;

const blank = (): ScheduleDraft => ({ title: '', startsAt: `${vietnamDayPlus(1)}T08:00`, clusters: [emptyCluster(0)], videoUrl: '' });

/**
 * The sitting's title, its start on Hanoi's clock, its issue clusters with the officials who answer each (chosen
 * from the body's officials), and optionally its video. Scheduling and setting the video are two commands: the
 * video's refusal, if any, is shown on its own, with the sitting already on the calendar.
 */
export function ScheduleForm({ bodyId }: { readonly bodyId: string }) {
  const body = useBodyView(bodyId);
  const [draft, setDraft] = useState<ScheduleDraft>(blank);
  const [nextKey, setNextKey] = useState(1);
  const [badStart, setBadStart] = useState(false);
  const [scheduled, setScheduled] = useState<{ readonly sittingId: string; readonly title: string } | null>(null);
  const state = useCommand();
  const video = useCommand();
  if (!body) {
    return <p class="muted">{t('common.loading')}</p>;
  }

  // Only officials still in post can be named: the server refuses a relieved one (respondent_relieved).
  const officials: readonly Official[] = servingOfficials(body);
  const setCluster = (index: number, cluster: ClusterDraft) =>
    setDraft({ ...draft, clusters: draft.clusters.map((c, i) => (i === index ? cluster : c)) });

  const submit = async (e: Event) => {
    e.preventDefault();
    const request = scheduleRequest(bodyId, draft);
    setBadStart('invalid' in request);
    if ('invalid' in request) {
      return;
    }

    let sittingId: string | null = null;
    const ok = await state.run(t('schedule.done'), async () => {
      const accepted = await command('/api/sittings', {}, request.body);
      sittingId = accepted.id ?? null;
      return accepted;
    });
    if (!ok || !sittingId) {
      return;
    }

    const id: string = sittingId;
    setScheduled({ sittingId: id, title: request.body.title });
    const url = videoOf(draft);
    if (url) {
      await video.run(t('schedule.videoDone'), () => command('/api/sittings/{sittingId}/video-stream', { sittingId: id }, { url }));
    }

    setDraft(blank());
  };

  return (
    <>
      {body.rulesProfiles.length === 0 && (
        <p class="notice" role="note" data-testid="schedule-no-rules">
          {t('schedule.noRules')}
        </p>
      )}
      {officials.length === 0 && (
        <p class="notice" role="note" data-testid="schedule-no-officials">
          {t('schedule.noOfficials')}
        </p>
      )}
      <form class="form" aria-labelledby="schedule-heading" aria-busy={state.busy} data-testid="schedule-form" onSubmit={submit}>
        <h2 id="schedule-heading">{t('schedule.heading', { body: lang() === 'en' ? body.nameEn : body.name })}</h2>
        <label class="field">
          <span class="field__label">{t('schedule.sittingTitle')}</span>
          <input name="title" type="text" required maxLength={300} value={draft.title} onInput={e => setDraft({ ...draft, title: e.currentTarget.value })} />
        </label>
        <StartField id="schedule-starts" value={draft.startsAt} invalid={badStart} onInput={startsAt => setDraft({ ...draft, startsAt })} />

        <fieldset class="panel schedule__fieldset">
          <legend>{t('schedule.clusters')}</legend>
          <p class="muted">{t('schedule.clustersIntro')}</p>
          <ol class="schedule__clusters">
            {draft.clusters.map((cluster, index) => (
              <ClusterFields
                key={cluster.key}
                index={index}
                cluster={cluster}
                officials={officials}
                onChange={c => setCluster(index, c)}
                onRemove={draft.clusters.length > 1 ? () => setDraft({ ...draft, clusters: draft.clusters.filter((_, i) => i !== index) }) : null}
              />
            ))}
          </ol>
          {draft.clusters.length < MAX_CLUSTERS && (
            <div class="button-row">
              <button
                type="button"
                class="button button--secondary"
                data-testid="add-cluster"
                onClick={() => {
                  setDraft({ ...draft, clusters: [...draft.clusters, emptyCluster(nextKey)] });
                  setNextKey(nextKey + 1);
                }}
              >
                {t('schedule.addCluster')}
              </button>
            </div>
          )}
        </fieldset>

        <label class="field">
          <span class="field__label">{t('schedule.video')}</span>
          <input
            name="videoUrl"
            type="url"
            inputMode="url"
            placeholder="https://"
            maxLength={2000}
            aria-describedby="schedule-video-hint"
            value={draft.videoUrl}
            onInput={e => setDraft({ ...draft, videoUrl: e.currentTarget.value })}
          />
          <span class="field__hint" id="schedule-video-hint">
            {t('schedule.videoHint')}
          </span>
        </label>

        <button type="submit" class="button" disabled={state.busy || video.busy} data-testid="schedule-submit">
          {t('schedule.submit')}
        </button>
        <CommandFeedback state={state} />
      </form>

      {scheduled && (
        <section class="panel schedule__done" aria-labelledby="schedule-done-heading" data-testid="schedule-done">
          <h2 id="schedule-done-heading">{t('schedule.scheduled', { title: scheduled.title })}</h2>
          {video.error !== null && (
            <>
              <p>{t('schedule.videoRefused')}</p>
              <ProblemMessage error={video.error} />
            </>
          )}
          {video.done && <p role="status">{video.done}</p>}
          <p class="button-row">
            <Link class="button" href={paths.sitting('chair', scheduled.sittingId)}>
              {t('schedule.toChair')}
            </Link>
            <Link class="button button--secondary" href={paths.sitting('watch', scheduled.sittingId)}>
              {t('schedule.toWatch')}
            </Link>
          </p>
        </section>
      )}
    </>
  );
}
