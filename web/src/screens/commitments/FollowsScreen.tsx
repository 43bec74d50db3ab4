import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../../api/client';
import type { FollowsView, LedgerPage } from '../../api/types';
import { Link, paths } from '../../app/router';
import { useMe } from '../../auth/session';
import { ProblemMessage } from '../../components/ProblemMessage';
import { LedgerLink } from '../../live/ledgerLink';
import { t } from '../../i18n/i18n';
import { useTitle } from '../useTitle';
import { CommitmentCard } from './LedgerScreen';
import './commitments.css';

/**
 * A signed-in voter's follow list: the commitments followed directly or through their agency or official,
 * updated live as they change, with the list's own Atom feed and deadline calendar.
 */
export default function FollowsScreen() {
  useTitle(t('follows.title'));
  const me = useMe();
  const [list, setList] = useState<FollowsView | null>(null);
  const [page, setPage] = useState<LedgerPage | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [updated, setUpdated] = useState(0);
  const link = useRef<LedgerLink | null>(null);

  const load = () =>
    Promise.all([api.follows(), api.followed(0)]).then(([l, p]) => {
      setList(l);
      setPage(p);
      void link.current?.watch(new Map(p.items.map(c => [c.commitmentId, c.version])));
    }, setError);

  useEffect(() => {
    if (!me?.signedIn) {
      return undefined;
    }

    link.current = new LedgerLink(() => {
      setUpdated(n => n + 1);
      void load();
    });
    void load();
    return () => link.current?.stop();
  }, [me?.signedIn]);

  if (!me) {
    return <p class="muted page">{t('common.loading')}</p>;
  }

  if (!me.signedIn) {
    return (
      <div class="page">
        <h1>{t('follows.title')}</h1>
        <p>
          {t('follows.signIn')} <Link href={paths.signIn('/follows')}>{t('auth.signIn')}</Link>
        </p>
      </div>
    );
  }

  const remove = async (item: FollowsView['items'][number]) => {
    try {
      await api.unfollow({ kind: item.kind, key: item.key, bodyId: item.bodyId ?? null });
      await load();
    } catch (e) {
      setError(e);
    }
  };

  // Named as the ledger names them; an item with no commitments yet shows its id.
  const label = (item: FollowsView['items'][number]) =>
    (item.kind === 'commitment'
      ? page?.items.find(c => c.commitmentId === item.key)?.text
      : item.kind === 'agency'
        ? page?.items.find(c => c.agencyId === item.key && c.bodyId === item.bodyId)?.agencyName
        : page?.items.find(c => c.officialId === item.key && c.bodyId === item.bodyId)?.officialName) ?? item.key;

  return (
    <div class="page follows">
      <h1>{t('follows.title')}</h1>
      <ProblemMessage error={error} />
      {list && (
        <>
          <p class="ledger__exports" data-testid="follow-feeds">
            <span class="muted">{t('follows.feeds')}</span> <a href={`/api/follows/${list.feedToken}/feed.atom`}>{t('ledger.atom')}</a>
            {' · '}
            <a href={`/api/follows/${list.feedToken}/deadlines.ics`}>{t('ledger.calendar')}</a>
          </p>
          {list.items.length === 0 ? (
            <p class="muted">
              {t('follows.empty')} <Link href={paths.commitments()}>{t('nav.ledger')}</Link>
            </p>
          ) : (
            <ul class="follows__items" data-testid="follow-items">
              {list.items.map(item => (
                <li key={`${item.kind}/${item.bodyId ?? ''}/${item.key}`}>
                  <span class="tag">{t(`follows.kind.${item.kind}`)}</span> {label(item)}{' '}
                  <button type="button" class="link-button" onClick={() => void remove(item)}>
                    {t('follows.remove')}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <p class="muted" role="status" data-testid="follows-live">
        {updated > 0 ? t('follows.updated', { count: updated }) : t('follows.live')}
      </p>
      <ol class="ledger__list" data-testid="ledger">
        {page?.items.map(c => (
          <li key={`${c.commitmentId}/${c.version}`}>
            <CommitmentCard commitment={c} />
          </li>
        ))}
      </ol>
    </div>
  );
}
