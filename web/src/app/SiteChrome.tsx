import { useState } from 'preact/hooks';
import { signOut, signOutEverywhere, useMe } from '../auth/session';
import { lang, setLang, t } from '../i18n/i18n';
import { Link, navigate, paths } from './router';

/** The site's header: name, language switch, and who is signed in. */
export function SiteHeader({ compact }: { readonly compact: boolean }) {
  const me = useMe();
  const other = lang() === 'vi' ? 'en' : 'vi';
  return (
    <header class={`site-header${compact ? ' site-header--compact' : ''}`}>
      <div class="site-header__inner">
        <Link href={paths.home()} class="brand">
          <span class="brand__mark" aria-hidden="true">
            ★
          </span>
          <span class="brand__text">
            <span class="brand__name">{t('app.name')}</span>
            {!compact && <span class="brand__tagline">{t('app.tagline')}</span>}
          </span>
        </Link>
        {!compact && <SiteSearch />}
        <nav class="site-nav" aria-label={t('app.accountNav')}>
          <Link href={paths.commitments()} class="site-nav__link">
            {t('nav.ledger')}
          </Link>
          <Link href={paths.accountability()} class="site-nav__link">
            {t('nav.accountability')}
          </Link>
          <Link href={paths.petitions()} class="site-nav__link">
            {t('nav.petitions')}
          </Link>
          {me?.grants
            .filter(g => g.role === 'agencyOfficer' && g.personId)
            .map(g => (
              <Link
                key={`${g.bodyId}/${g.personId}`}
                href={paths.petitions(`agency=${encodeURIComponent(g.personId ?? '')}&window=open`)}
                class="site-nav__link"
              >
                {t('nav.petitionQueue')}
              </Link>
            ))}
          <Link href={paths.explanations()} class="site-nav__link">
            {t('nav.explanations')}
          </Link>
          <Link href={paths.supervisionList()} class="site-nav__link">
            {t('nav.supervision')}
          </Link>
          {me?.grants.some(g => g.role === 'admin') && (
            <Link href={paths.admin()} class="site-nav__link">
              {t('nav.admin')}
            </Link>
          )}
          <button type="button" class="link-button" lang={other} onClick={() => setLang(other)} data-testid="language-switch">
            {t('app.switchLanguage')}
          </button>
          {me?.signedIn ? (
            <>
              <Link href={paths.follows()} class="site-nav__link">
                {t('nav.follows')}
              </Link>
              <span class="site-nav__user" data-testid="signed-in-as">
                {me.name}
              </span>
              <button type="button" class="link-button" onClick={() => void signOut()}>
                {t('auth.signOut')}
              </button>
              <button type="button" class="link-button" onClick={() => void signOutEverywhere()} data-testid="sign-out-everywhere">
                {t('auth.signOutEverywhere')}
              </button>
            </>
          ) : (
            <Link href={paths.signIn(location.pathname === '/sign-in' ? undefined : location.pathname)} class="site-nav__link">
              {t('auth.signIn')}
            </Link>
          )}
        </nav>
      </div>
    </header>
  );
}

/** The one public search, on every page: petitions, questions, answers, commitments, explanations, supervision. */
function SiteSearch() {
  const [text, setText] = useState('');
  return (
    <form
      class="site-search"
      role="search"
      aria-label={t('search.site')}
      onSubmit={e => {
        e.preventDefault();
        if (text.trim()) {
          navigate(paths.search(new URLSearchParams({ q: text.trim() }).toString()));
          setText('');
        }
      }}
    >
      <label for="site-search" class="visually-hidden">
        {t('search.site')}
      </label>
      <input id="site-search" name="q" type="search" maxLength={200} placeholder={t('search.site')} value={text} onInput={e => setText(e.currentTarget.value)} data-testid="site-search" />
      <button type="submit" class="site-search__button">
        {t('search.go')}
      </button>
    </form>
  );
}

export function SiteFooter() {
  return (
    <footer class="site-footer">
      <p>{t('app.footer')}</p>
    </footer>
  );
}
