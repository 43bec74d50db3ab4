import { useState } from 'preact/hooks';
import { Link, navigate, paths } from '../../app/router';
import type { ScreenProps } from '../../app/App';
import { register } from '../../auth/session';
import { ProblemMessage } from '../../components/ProblemMessage';
import { t } from '../../i18n/i18n';
import { useTitle } from '../useTitle';

/** A voter creates their own account (no role) to follow commitments and file petitions; it is signed in at once. */
export default function RegisterScreen({ route }: ScreenProps) {
  useTitle(t('auth.createAccount'));
  const next = route.name === 'register' ? route.next : null;
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await register(username.trim(), displayName.trim(), password);
      navigate(next ?? paths.home(), true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="page page--narrow">
      <h1>{t('auth.createAccount')}</h1>
      <p class="muted">{t('auth.registerIntro')}</p>
      <form class="form panel" onSubmit={submit} aria-busy={busy}>
        <label class="field">
          <span class="field__label">{t('auth.displayName')}</span>
          <input name="displayName" autoComplete="name" required maxLength={100} value={displayName} onInput={e => setDisplayName(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span class="field__label">{t('auth.username')}</span>
          <input
            name="username"
            autoComplete="username"
            required
            minLength={3}
            maxLength={32}
            aria-describedby="username-hint"
            value={username}
            onInput={e => setUsername(e.currentTarget.value)}
          />
          <span id="username-hint" class="muted">
            {t('auth.usernameHint')}
          </span>
        </label>
        <label class="field">
          <span class="field__label">{t('auth.newPassword')}</span>
          <input
            name="password"
            type="password"
            autoComplete="new-password"
            required
            minLength={12}
            maxLength={200}
            aria-describedby="password-hint"
            value={password}
            onInput={e => setPassword(e.currentTarget.value)}
          />
          <span id="password-hint" class="muted">
            {t('auth.passwordHint')}
          </span>
        </label>
        <ProblemMessage error={error} />
        <button type="submit" class="button" disabled={busy}>
          {t('auth.createAccount')}
        </button>
      </form>
      <p>
        {t('auth.haveAccount')} <Link href={next ? paths.signIn(next) : paths.signIn()}>{t('auth.signIn')}</Link>
      </p>
    </div>
  );
}
