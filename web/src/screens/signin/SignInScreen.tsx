import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../../api/client';
import type { SignInProviders } from '../../api/types';
import { Link, navigate, paths } from '../../app/router';
import type { ScreenProps } from '../../app/App';
import { signIn } from '../../auth/session';
import { ProblemMessage } from '../../components/ProblemMessage';
import { t } from '../../i18n/i18n';
import { useTitle } from '../useTitle';

export default function SignInScreen({ route }: ScreenProps) {
  useTitle(t('auth.signIn'));
  const next = route.name === 'signIn' ? route.next : null;
  // A refused identity-provider sign-in comes back here with the server's reason as ?error=.
  const returned = route.name === 'signIn' && route.error ? new ApiError(400, { code: route.error }) : null;
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(returned);
  const [providers, setProviders] = useState<SignInProviders | null>(null);

  useEffect(() => {
    api.providers().then(setProviders, () => setProviders(null));
  }, []);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(username.trim(), password);
      navigate(next ?? paths.home(), true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const oidc = providers?.oidc;
  return (
    <div class="page page--narrow">
      <h1>{t('auth.signIn')}</h1>
      <p class="muted">{t('auth.intro')}</p>
      {oidc && (
        <p>
          {/* A full page load: the identity provider's pages are not part of this app. */}
          <a class="button button--secondary" href={`${oidc.challengeUrl}?returnUrl=${encodeURIComponent(next ?? paths.home())}`} data-testid="oidc-sign-in">
            {t('auth.withProvider', { provider: oidc.displayName })}
          </a>
        </p>
      )}
      <form class="form panel" onSubmit={submit} aria-busy={busy}>
        <label class="field">
          <span class="field__label">{t('auth.username')}</span>
          <input name="username" autoComplete="username" required value={username} onInput={e => setUsername(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span class="field__label">{t('auth.password')}</span>
          <input name="password" type="password" autoComplete="current-password" required value={password} onInput={e => setPassword(e.currentTarget.value)} />
        </label>
        <ProblemMessage error={error} />
        <button type="submit" class="button" disabled={busy}>
          {t('auth.signIn')}
        </button>
      </form>
      <p>
        {t('auth.noAccount')}{' '}
        <Link href={paths.register(next)}>
          {t('auth.createAccount')}
        </Link>
      </p>
    </div>
  );
}
