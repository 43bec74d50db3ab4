import { useEffect, useState } from 'preact/hooks';
import { ApiError, api } from '../../api/client';
import type { ExplanationView, SatisfactionRating } from '../../api/types';
import type { ScreenProps } from '../../app/App';
import { Link, paths } from '../../app/router';
import { CommandFeedback } from '../../components/CommandFeedback';
import { ProblemMessage } from '../../components/ProblemMessage';
import { useCommand } from '../../components/useCommand';
import { t } from '../../i18n/i18n';
import { useTitle } from '../useTitle';
import { ExplanationDetails, ratingLabel, ratings } from './parts';
import { forgetSecret, storeSecret, storedSecret } from './secrets';
import '../commitments/commitments.css';
import './explanations.css';

/**
 * A request followed by its code. With the secret shown at filing (kept on this device, or pasted) the
 * requester sees it whole, rates the explanation and may have their details erased; anyone else sees it only
 * when the requester allowed publication, and otherwise learns nothing, not even that it exists.
 */
export default function ByCodeScreen({ route }: ScreenProps) {
  const code = route.name === 'explanationByCode' ? route.code : '';
  const [secret, setSecret] = useState(() => storedSecret(code));
  const [view, setView] = useState<ExplanationView | null>(null);
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [erased, setErased] = useState(false);
  const reload = async (withSecret = secret) => {
    try {
      const found = await api.explanationByCode(code, withSecret);
      setView(found);
      setMissing(false);
      setError(null);
      return found;
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) {
        setView(null);
        setMissing(true);
      } else {
        setError(e);
      }

      return null;
    }
  };

  useEffect(() => {
    setView(null);
    setMissing(false);
    setSecret(storedSecret(code));
    void reload(storedSecret(code));
  }, [code]);
  useTitle(view ? view.subject : t('explanations.byCode.title', { code }));

  const requester = view?.audience === 'requester' || (view?.audience === 'agency' && !!secret);
  const trySecret = async (pasted: string) => {
    const found = await reload(pasted);
    if (found?.audience === 'requester') {
      storeSecret(code, pasted);
      setSecret(pasted);
      return true;
    }

    return false;
  };

  return (
    <div class="page explanation-page">
      <p>
        <Link href={paths.explanations()}>{t('explanations.back')}</Link>
      </p>
      {erased && (
        <p class="notice" role="status" data-testid="erased">
          {t('explanations.erase.done')}
        </p>
      )}
      <ProblemMessage error={error} />
      {missing && (
        <>
          <h1>{t('explanations.byCode.title', { code })}</h1>
          <p class="notice" data-testid="not-found">
            {t('explanations.byCode.notFound')}
          </p>
        </>
      )}
      {!view && !missing && !error && <p class="muted">{t('common.loading')}</p>}
      {view && (
        <ExplanationDetails view={view}>
          {requester && view.status === 'explained' && <RatingForm view={view} secret={secret} onDone={() => reload()} />}
        </ExplanationDetails>
      )}
      {requester && view && (
        <EraseDetails
          code={code}
          secret={secret}
          onDone={async () => {
            forgetSecret(code);
            setSecret(null);
            setErased(true);
            await reload(null);
          }}
        />
      )}
      {!requester && (view || missing) && <SecretForm onSubmit={trySecret} />}
      {requester && <p class="muted">{t('explanations.byCode.secretKept')}</p>}
    </div>
  );
}

/** The requester pastes the secret they were given: kept on this device once it proves to be theirs. */
function SecretForm({ onSubmit }: { readonly onSubmit: (secret: string) => Promise<boolean> }) {
  const [value, setValue] = useState('');
  const [wrong, setWrong] = useState(false);
  const [busy, setBusy] = useState(false);
  return (
    <section class="panel" aria-labelledby="secret-heading" data-testid="secret-form">
      <h2 id="secret-heading" class="panel__title">
        {t('explanations.byCode.areYouRequester')}
      </h2>
      <form
        class="field-row"
        onSubmit={async e => {
          e.preventDefault();
          setBusy(true);
          const ok = await onSubmit(value.trim());
          setWrong(!ok);
          setBusy(false);
        }}
      >
        <label class="field">
          <span class="field__label">{t('explanations.receipt.secret')}</span>
          <input name="secret" required maxLength={100} autoComplete="off" value={value} onInput={e => setValue(e.currentTarget.value)} />
        </label>
        <button type="submit" class="button button--secondary" disabled={busy}>
          {t('explanations.byCode.useSecret')}
        </button>
      </form>
      <p class="muted">{t('explanations.byCode.secretHint')}</p>
      {wrong && (
        <p class="problem" role="alert">
          {t('explanations.byCode.secretWrong')}
        </p>
      )}
    </section>
  );
}

function RatingForm(props: { readonly view: ExplanationView; readonly secret: string | null; readonly onDone: () => Promise<unknown> }) {
  const state = useCommand();
  const [rating, setRating] = useState<SatisfactionRating>(props.view.rating ?? 'satisfied');
  const [comment, setComment] = useState(props.view.ratingComment ?? '');
  return (
    <section class="panel" aria-labelledby="rating-heading" data-testid="rating-form">
      <h2 id="rating-heading" class="panel__title">
        {t('explanations.rate.title')}
      </h2>
      {props.view.rating && <p>{t('explanations.rate.current', { rating: ratingLabel(props.view.rating) })}</p>}
      <form
        class="form"
        onSubmit={async e => {
          e.preventDefault();
          const ok = await state.run(t('explanations.rate.done'), () =>
            api.rateExplanation(props.view.code, props.secret, { rating, comment: comment.trim() || null }),
          );
          if (ok) {
            await props.onDone();
          }
        }}
      >
        <fieldset class="field">
          <legend class="field__label">{t('explanations.ratingLabel')}</legend>
          {ratings.map(r => (
            <label key={r} class="choice">
              <input type="radio" name="rating" value={r} checked={rating === r} onChange={() => setRating(r)} /> {ratingLabel(r)}
            </label>
          ))}
        </fieldset>
        <label class="field">
          <span class="field__label">{t('explanations.rate.comment')}</span>
          <textarea name="comment" maxLength={1000} rows={3} value={comment} onInput={e => setComment(e.currentTarget.value)} />
        </label>
        <button type="submit" class="button" disabled={state.busy}>
          {t('explanations.rate.submit')}
        </button>
      </form>
      <CommandFeedback state={state} />
    </section>
  );
}

/** Erasing one's details: asked twice, since it cannot be undone and the secret stops working. */
function EraseDetails(props: { readonly code: string; readonly secret: string | null; readonly onDone: () => Promise<void> }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return (
    <section class="panel" aria-labelledby="erase-heading" data-testid="erase">
      <h2 id="erase-heading" class="panel__title">
        {t('explanations.erase.title')}
      </h2>
      <p class="muted">{t('explanations.erase.intro')}</p>
      {confirming ? (
        <div class="button-row">
          <button
            type="button"
            class="button button--danger"
            disabled={busy}
            onClick={async () => {
              setBusy(true);
              setError(null);
              try {
                await api.eraseExplanationRequester(props.code, props.secret);
                await props.onDone();
              } catch (e) {
                setError(e);
              } finally {
                setBusy(false);
              }
            }}
          >
            {t('explanations.erase.confirm')}
          </button>
          <button type="button" class="button button--secondary" onClick={() => setConfirming(false)}>
            {t('explanations.erase.cancel')}
          </button>
        </div>
      ) : (
        <button type="button" class="button button--secondary" onClick={() => setConfirming(true)}>
          {t('explanations.erase.button')}
        </button>
      )}
      <ProblemMessage error={error} />
    </section>
  );
}
