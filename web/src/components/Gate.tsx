import type { ComponentChildren } from 'preact';
import type { Me, Role } from '../api/types';
import { holds, useMe } from '../auth/session';
import { Link, paths } from '../app/router';
import { t } from '../i18n/i18n';

interface Props {
  readonly bodyId: string;
  readonly roles: readonly Role[];
  readonly children: (me: Me) => ComponentChildren;
}

/** Shows a console only to someone holding one of `roles` in the sitting's body; otherwise says why and how to sign in. */
export function Gate({ bodyId, roles, children }: Props) {
  const me = useMe();
  if (!me) {
    return <p class="muted">{t('common.loading')}</p>;
  }

  if (!me.signedIn) {
    return (
      <div class="panel notice">
        <p>{t('gate.signInFirst')}</p>
        <Link class="button" href={paths.signIn(location.pathname)}>
          {t('auth.signIn')}
        </Link>
      </div>
    );
  }

  if (!roles.some(r => holds(me, r, bodyId))) {
    return (
      <div class="panel notice" role="alert">
        <p>{t('gate.notAllowed')}</p>
      </div>
    );
  }

  return <>{children(me)}</>;
}
