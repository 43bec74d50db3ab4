import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client';
import type { FollowKind } from '../../api/types';
import { Link, paths } from '../../app/router';
import { useMe } from '../../auth/session';
import { ProblemMessage } from '../../components/ProblemMessage';
import { t } from '../../i18n/i18n';

interface Props {
  readonly kind: FollowKind;
  readonly followKey: string;
  readonly bodyId: string | null;
  readonly label: string;
  /** Offer a visitor to sign in (once per page is enough). */
  readonly signInHint?: boolean;
}

/** Follows or unfollows a commitment, an agency or an official; a visitor is offered to sign in first. */
export function FollowButton({ kind, followKey, bodyId, label, signInHint = true }: Props) {
  const me = useMe();
  const [following, setFollowing] = useState<boolean | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (!me?.signedIn) {
      return;
    }

    api.follows().then(
      list => setFollowing(list.items.some(i => i.kind === kind && i.key === followKey && (kind === 'commitment' || i.bodyId === bodyId))),
      setError,
    );
  }, [me?.signedIn, kind, followKey, bodyId]);

  if (!me?.signedIn) {
    return !signInHint ? null : (
      <p class="muted follow">
        <Link href={paths.signIn(location.pathname + location.search)}>{t('follow.signIn')}</Link>
      </p>
    );
  }

  const toggle = async () => {
    setError(null);
    try {
      await (following ? api.unfollow : api.follow)({ kind, key: followKey, bodyId });
      setFollowing(!following);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <div class="follow">
      <button type="button" class="button button--small button--secondary" aria-pressed={following ?? false} disabled={following === null} onClick={() => void toggle()} data-testid="follow-button">
        {following ? t('follow.unfollow', { what: label }) : t('follow.follow', { what: label })}
      </button>
      <ProblemMessage error={error} />
    </div>
  );
}
