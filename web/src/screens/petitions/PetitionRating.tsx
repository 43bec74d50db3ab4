import { useState } from 'preact/hooks';
import { ApiError, api, command } from '../../api/client';
import type { CommandAccepted, PetitionSummary, SatisfactionRating } from '../../api/types';
import { CommandFeedback } from '../../components/CommandFeedback';
import { useCommand } from '../../components/useCommand';
import { t } from '../../i18n/i18n';
import { rememberSecret, storedSecret } from './codes';
import { ratingLabel, ratings } from './labels';

interface Props {
  readonly petition: PetitionSummary;
  readonly onDone: () => Promise<unknown>;
}

function RatingFields(props: {
  readonly idPrefix: string;
  readonly rating: SatisfactionRating;
  readonly onRating: (r: SatisfactionRating) => void;
  readonly comment: string;
  readonly onComment: (c: string) => void;
}) {
  return (
    <>
      <fieldset class="field">
        <legend class="field__label">{t('petitions.rateLegend')}</legend>
        {ratings.map(r => (
          <label key={r} class="choice">
            <input type="radio" name={`${props.idPrefix}-rating`} value={r} checked={props.rating === r} onChange={() => props.onRating(r)} />{' '}
            {ratingLabel(r)}
          </label>
        ))}
      </fieldset>
      <label class="field">
        <span class="field__label">{t('petitions.comment')}</span>
        <textarea name={`${props.idPrefix}-comment`} maxLength={1000} rows={2} value={props.comment} onInput={e => props.onComment(e.currentTarget.value)} />
      </label>
    </>
  );
}

/** A signed-in voter rates the latest answer; rating again replaces their earlier verdict. */
export function VoterRating({ petition: p, onDone }: Props) {
  const state = useCommand();
  const [rating, setRating] = useState<SatisfactionRating>('satisfied');
  const [comment, setComment] = useState('');
  const submit = async (e: Event) => {
    e.preventDefault();
    const ok = await state.run(t('petitions.done.rated'), () =>
      command('/api/petitions/{petitionId}/rating', { petitionId: p.petitionId }, { rating, comment: comment.trim() || null }),
    );
    if (ok) {
      setComment('');
      await onDone();
    }
  };

  return (
    <section class="panel" aria-labelledby="voter-rating-heading" data-testid="voter-rating">
      <h2 id="voter-rating-heading" class="panel__title">
        {t('petitions.rateHeading')}
      </h2>
      <form class="form" onSubmit={submit}>
        <RatingFields idPrefix="voter" rating={rating} onRating={setRating} comment={comment} onComment={setComment} />
        <div class="button-row">
          <button type="submit" class="button" disabled={state.busy}>
            {t('petitions.rateGo')}
          </button>
        </div>
        <CommandFeedback state={state} />
      </form>
    </section>
  );
}

/** A wrong code or secret is answered as "no such petition" by the server (on purpose, the same either way): say which to check. */
async function asFiler(action: () => Promise<unknown>): Promise<CommandAccepted> {
  try {
    await action();
    return { version: 0, id: null };
  } catch (e) {
    throw e instanceof ApiError && e.status === 404 ? new ApiError(404, { code: 'filer_secret_wrong' }) : e;
  }
}

/**
 * The filer, without an account: the secret given at filing (kept in this browser when filed here, or pasted)
 * lets them rate the answer and have their name and contact erased; the petition itself stays.
 */
export function FilerPanel({ petition: p, onDone }: Props) {
  const kept = storedSecret(p.code);
  const rate = useCommand();
  const erase = useCommand();
  const [secret, setSecret] = useState(kept ?? '');
  const [rating, setRating] = useState<SatisfactionRating>('satisfied');
  const [comment, setComment] = useState('');
  const [confirming, setConfirming] = useState(false);
  const usable = secret.trim();

  const submitRating = async (e: Event) => {
    e.preventDefault();
    const ok = await rate.run(t('petitions.done.rated'), () =>
      asFiler(() => api.rateAsFiler(p.code, usable, { rating, comment: comment.trim() || null })),
    );
    if (ok) {
      rememberSecret(p.code, usable);
      setComment('');
      await onDone();
    }
  };

  const submitErasure = async () => {
    const ok = await erase.run(t('petitions.done.erased'), () => asFiler(() => api.eraseAsFiler(p.code, usable)));
    if (ok) {
      setConfirming(false);
    }
  };

  const body = (
    <>
      <label class="field filer__secret">
        <span class="field__label">{t('petitions.filed.secret')}</span>
        <input
          name="secret"
          autoComplete="off"
          spellcheck={false}
          maxLength={100}
          value={secret}
          onInput={e => setSecret(e.currentTarget.value)}
        />
      </label>
      {p.answers > 0 ? (
        <form class="form" onSubmit={submitRating} data-testid="filer-rating">
          <RatingFields idPrefix="filer" rating={rating} onRating={setRating} comment={comment} onComment={setComment} />
          <div class="button-row">
            <button type="submit" class="button" disabled={rate.busy || !usable}>
              {t('petitions.filer.rateGo')}
            </button>
          </div>
          <CommandFeedback state={rate} />
        </form>
      ) : (
        <p class="muted">{t('petitions.filer.rateLater')}</p>
      )}
      <div class="filer__erase">
        <p class="muted">{t('petitions.filer.eraseHint')}</p>
        {confirming ? (
          <div class="button-row">
            <button type="button" class="button button--danger" disabled={erase.busy || !usable} onClick={() => void submitErasure()}>
              {t('petitions.filer.eraseConfirm')}
            </button>
            <button type="button" class="button button--secondary" onClick={() => setConfirming(false)}>
              {t('petitions.filer.cancel')}
            </button>
          </div>
        ) : (
          <button type="button" class="button button--secondary button--small" disabled={!usable} onClick={() => setConfirming(true)}>
            {t('petitions.filer.erase')}
          </button>
        )}
        <CommandFeedback state={erase} />
      </div>
    </>
  );

  // Kept in this browser: the filer's steps are offered at once; otherwise folded away behind a question.
  return (
    <section class="panel filer" aria-labelledby="filer-heading" data-testid="filer-panel">
      <h2 id="filer-heading" class="panel__title">
        {t('petitions.filer.heading')}
      </h2>
      {kept ? (
        <>
          <p data-testid="filer-kept">{t('petitions.filer.kept')}</p>
          {body}
        </>
      ) : (
        <details class="filer__details">
          <summary>{t('petitions.filer.intro')}</summary>
          {body}
        </details>
      )}
    </section>
  );
}
