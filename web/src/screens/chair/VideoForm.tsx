import { useState } from 'preact/hooks';
import { command } from '../../api/client';
import type { SittingView } from '../../api/types';
import { CommandFeedback } from '../../components/CommandFeedback';
import { useCommand } from '../../components/useCommand';
import { t } from '../../i18n/i18n';

/** The address of the sitting's video stream, embedded on the public page; empty removes it. */
export function VideoForm({ sitting }: { readonly sitting: SittingView }) {
  const state = useCommand();
  const [url, setUrl] = useState<string | null>(null);
  const value = url ?? sitting.videoUrl ?? '';
  const save = (next: string | null) =>
    state.run(next ? t('chair.done.video') : t('chair.done.videoRemoved'), () =>
      command('/api/sittings/{sittingId}/video-stream', { sittingId: sitting.sittingId }, { url: next }),
    );

  return (
    <section class="panel" aria-labelledby="video-form-heading">
      <h2 id="video-form-heading" class="panel__title">
        {t('chair.video')}
      </h2>
      <form
        class="form"
        aria-busy={state.busy}
        onSubmit={async e => {
          e.preventDefault();
          if (await save(value.trim() || null)) {
            setUrl(null);
          }
        }}
      >
        <label class="field">
          <span class="field__label">{t('chair.videoUrl')}</span>
          <input name="videoUrl" type="url" inputMode="url" placeholder="https://" maxLength={2000} value={value} onInput={e => setUrl(e.currentTarget.value)} />
        </label>
        <div class="button-row">
          <button type="submit" class="button button--secondary" disabled={state.busy}>
            {t('chair.saveVideo')}
          </button>
          {sitting.videoUrl && (
            <button type="button" class="button button--secondary" disabled={state.busy} onClick={() => void save(null).then(ok => ok && setUrl(null))}>
              {t('chair.removeVideo')}
            </button>
          )}
        </div>
        <CommandFeedback state={state} />
      </form>
    </section>
  );
}
