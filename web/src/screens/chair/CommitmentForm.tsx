import type { Ref } from 'preact';
import { useState } from 'preact/hooks';
import { command } from '../../api/client';
import type { SittingView, TurnState } from '../../api/types';
import { AgencySelect } from '../../components/AgencySelect';
import { CommandFeedback } from '../../components/CommandFeedback';
import { DeadlineKind } from '../../components/DeadlineKind';
import { useBodyView } from '../../components/hooks';
import { useCommand } from '../../components/useCommand';
import { lang, t } from '../../i18n/i18n';
import { formatDay, vietnamDayPlus } from '../../time/format';

const DEFAULT_DEADLINE_DAYS = 90;

/** The latest answer (running or finished) that named questions: a commitment is usually made in it. */
export function latestAnswer(sitting: SittingView): TurnState | null {
  const turns = sitting.currentTurn ? [...sitting.turns, sitting.currentTurn] : sitting.turns;
  return [...turns].reverse().find(turn => turn.kind === 'answer' && turn.questionIds.length > 0) ?? null;
}

/**
 * Records a commitment from the current answer in a few keystrokes: C puts the cursor in the text, the
 * question, respondent, owner and deadline are filled from the latest answer, Enter records it.
 */
export function CommitmentForm({ sitting, textRef }: { readonly sitting: SittingView; readonly textRef: Ref<HTMLInputElement> }) {
  const body = useBodyView(sitting.bodyId);
  const state = useCommand();
  const answer = latestAnswer(sitting);
  const asked = sitting.questions.filter(q => q.askedAt !== null).sort((a, b) => Date.parse(b.askedAt ?? '') - Date.parse(a.askedAt ?? ''));
  const [pickedQuestion, setPickedQuestion] = useState<string | null>(null);
  const [pickedRespondent, setPickedRespondent] = useState<string | null>(null);
  const [owner, setOwner] = useState<string | null>(null);
  // '' for a date; otherwise the number of the session before which it is kept.
  const [session, setSession] = useState('');
  const [text, setText] = useState('');
  const [deadline, setDeadline] = useState(() => vietnamDayPlus(DEFAULT_DEADLINE_DAYS));

  const question = asked.find(q => q.questionId === pickedQuestion) ?? asked.find(q => q.questionId === answer?.questionIds[0]) ?? asked[0];
  const cluster = sitting.clusters.find(c => c.clusterId === question?.clusterId);
  const respondents = cluster ? [cluster.main, ...cluster.related] : [];
  // The current turn's speaker if a related respondent is clarifying, else who answered the question.
  const speaking = sitting.currentTurn?.speakerId;
  const respondent =
    respondents.find(r => r.officialId === pickedRespondent) ??
    respondents.find(r => r.officialId === speaking) ??
    respondents.find(r => r.officialId === answer?.speakerId) ??
    respondents[0];
  const agencies = body?.agencies ?? [];
  const respondentAgency = body?.officials.find(o => o.officialId === respondent?.officialId)?.agencyId ?? null;
  const ownerValue = owner ?? respondentAgency ?? agencies[0]?.agencyId ?? '';

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!question) {
      return;
    }

    const ok = await state.run(t('chair.done.commitment'), () =>
      command(
        '/api/sittings/{sittingId}/commitments',
        { sittingId: sitting.sittingId },
        {
          questionId: question.questionId,
          respondentId: respondent?.officialId ?? null,
          agencyId: ownerValue || null,
          text: text.trim(),
          deadline: session ? null : deadline,
          beforeSession: session ? Number(session) : null,
        },
      ),
    );
    if (ok) {
      setText('');
      setOwner(null);
    }
  };

  return (
    <section class="panel" aria-labelledby="commitment-form-heading">
      <h2 id="commitment-form-heading" class="panel__title">
        {t('chair.commitment')} <kbd>C</kbd>
      </h2>
      {asked.length === 0 ? (
        <p class="muted">{t('chair.noAskedQuestions')}</p>
      ) : (
        <form class="form" onSubmit={submit} aria-busy={state.busy} data-testid="commitment-form">
          <label class="field">
            <span class="field__label">{t('chair.commitmentText')}</span>
            <input ref={textRef} name="commitmentText" required maxLength={4000} value={text} onInput={e => setText(e.currentTarget.value)} />
          </label>
          <div class="field-grid">
            <label class="field">
              <span class="field__label">{t('chair.commitmentQuestion')}</span>
              <select value={question?.questionId ?? ''} onChange={e => setPickedQuestion(e.currentTarget.value)} name="questionId">
                {asked.map(q => (
                  <option key={q.questionId} value={q.questionId}>
                    {q.deputyName}: {q.text.length > 60 ? `${q.text.slice(0, 60)}…` : q.text}
                  </option>
                ))}
              </select>
            </label>
            <label class="field">
              <span class="field__label">{t('chair.commitmentRespondent')}</span>
              <select value={respondent?.officialId ?? ''} onChange={e => setPickedRespondent(e.currentTarget.value)} name="respondentId">
                {respondents.map(r => (
                  <option key={r.officialId} value={r.officialId}>
                    {r.name} — {r.office}
                  </option>
                ))}
              </select>
            </label>
            <AgencySelect body={body} label={t('chair.commitmentOwner')} value={ownerValue} onChange={setOwner} />
            <DeadlineKind body={body} value={session} onChange={setSession} />
            <div hidden={session !== ''}>
              <label class="field">
                <span class="field__label">{t('chair.commitmentDeadline')}</span>
                <input
                  name="deadline"
                  type="date"
                  required={session === ''}
                  value={deadline}
                  aria-describedby="deadline-said"
                  onInput={e => setDeadline(e.currentTarget.value)}
                />
              </label>
              {/* The browser writes the date its own way; this says it in words, in the page's language. */}
              <p id="deadline-said" class="muted field__hint" data-testid="deadline-said">
                {/^\d{4}-\d{2}-\d{2}$/.test(deadline) ? formatDay(deadline, lang(), 'long') : ''}
              </p>
            </div>
          </div>
          <button type="submit" class="button" disabled={state.busy}>
            {t('chair.recordCommitment')} <kbd>Enter</kbd>
          </button>
          <CommandFeedback state={state} />
        </form>
      )}
    </section>
  );
}
