import type { Ref } from 'preact';
import { useState } from 'preact/hooks';
import { command } from '../../api/client';
import type { SittingView } from '../../api/types';
import { CommandFeedback } from '../../components/CommandFeedback';
import { useCommand } from '../../components/useCommand';
import { t } from '../../i18n/i18n';

/** Publishes a transcript segment (Markdown; the server renders it). T puts the cursor in it, Ctrl+Enter publishes. */
export function TranscriptForm({ sitting, textRef }: { readonly sitting: SittingView; readonly textRef: Ref<HTMLTextAreaElement> }) {
  const state = useCommand();
  const turn = sitting.currentTurn ?? sitting.turns[sitting.turns.length - 1] ?? null;
  const [speaker, setSpeaker] = useState<string | null>(null);
  const [markdown, setMarkdown] = useState('');
  const speakerValue = speaker ?? turn?.speakerName ?? '';

  const publish = async () => {
    const ok = await state.run(t('chair.done.published'), () =>
      command(
        '/api/sittings/{sittingId}/transcript',
        { sittingId: sitting.sittingId },
        { turnId: turn?.turnId ?? null, speakerName: speakerValue.trim(), markdown },
      ),
    );
    if (ok) {
      setMarkdown('');
      setSpeaker(null);
    }
  };

  return (
    <section class="panel" aria-labelledby="transcript-form-heading">
      <h2 id="transcript-form-heading" class="panel__title">
        {t('chair.transcript')} <kbd>T</kbd>
      </h2>
      <form
        class="form"
        aria-busy={state.busy}
        data-testid="transcript-form"
        onSubmit={e => {
          e.preventDefault();
          void publish();
        }}
      >
        <label class="field">
          <span class="field__label">{t('chair.transcriptSpeaker')}</span>
          <input name="speakerName" required maxLength={200} value={speakerValue} onInput={e => setSpeaker(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span class="field__label">{t('chair.transcriptText')}</span>
          <textarea
            ref={textRef}
            name="markdown"
            rows={4}
            required
            maxLength={20000}
            value={markdown}
            onInput={e => setMarkdown(e.currentTarget.value)}
            onKeyDown={e => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                void publish();
              }
            }}
          />
        </label>
        <p class="muted field__hint">{t('chair.transcriptHint')}</p>
        <button type="submit" class="button" disabled={state.busy}>
          {t('chair.publish')} <kbd>Ctrl+Enter</kbd>
        </button>
        <CommandFeedback state={state} />
      </form>
    </section>
  );
}
