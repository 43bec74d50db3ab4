import { useEffect, useState } from 'preact/hooks';
import { api, command } from '../../api/client';
import type { BodyKind, BodySummary } from '../../api/types';
import type { ScreenProps } from '../../app/App';
import { Link, paths } from '../../app/router';
import { useMe } from '../../auth/session';
import { lang, t } from '../../i18n/i18n';
import { useTitle } from '../useTitle';
import { AdminForm, optional } from './AdminForm';
import { BodyAdmin } from './BodyAdmin';
import './admin.css';

export const kinds: readonly BodyKind[] = ['nationalAssembly', 'provincialCouncil', 'communeCouncil'];

/**
 * Administration: the bodies, and for the chosen one its term, people, rules, sessions and who holds which role.
 * Shown to administrators (of a body or of all); everyone else is told plainly that it is not for them. The
 * server decides every step again: a body's administrator is refused outside its body.
 */
export default function AdminScreen({ route }: ScreenProps) {
  useTitle(t('admin.title'));
  const me = useMe();
  const bodyId = route.name === 'admin' ? route.bodyId : null;
  const [bodies, setBodies] = useState<BodySummary[] | null>(null);
  const [reload, setReload] = useState(0);
  const admin = me?.grants.some(g => g.role === 'admin') ?? false;
  const system = me?.grants.some(g => g.role === 'admin' && g.bodyId === '*') ?? false;
  useEffect(() => {
    if (admin) {
      void api.bodies().then(setBodies, () => setBodies([]));
    }
  }, [admin, reload]);

  if (!me) {
    return <p class="muted">{t('common.loading')}</p>;
  }

  if (!admin) {
    return (
      <section class="panel notice" role="alert" data-testid="admin-not-allowed">
        <h1>{t('admin.title')}</h1>
        <p>{me.signedIn ? t('admin.notAllowed') : t('admin.signInFirst')}</p>
        {!me.signedIn && (
          <Link class="button" href={paths.signIn(location.pathname + location.search)}>
            {t('auth.signIn')}
          </Link>
        )}
      </section>
    );
  }

  const name = (b: BodySummary) => (lang() === 'en' && b.nameEn ? b.nameEn : b.name);
  return (
    <div class="admin">
      <h1>{t('admin.title')}</h1>
      <p class="muted">{t('admin.intro')}</p>
      <div class="admin__layout">
        <nav class="panel admin__bodies" aria-labelledby="admin-bodies-heading">
          <h2 id="admin-bodies-heading">{t('admin.bodies')}</h2>
          {bodies === null ? (
            <p class="muted">{t('common.loading')}</p>
          ) : bodies.length === 0 ? (
            <p class="muted">{t('admin.noBodies')}</p>
          ) : (
            <ul class="admin__list" data-testid="admin-bodies">
              {bodies.map(b => (
                <li key={b.bodyId}>
                  <Link href={paths.admin(b.bodyId)} aria-current={b.bodyId === bodyId ? 'page' : undefined}>
                    {name(b)}
                  </Link>{' '}
                  <span class="muted">({b.bodyId})</span>
                </li>
              ))}
            </ul>
          )}
          {system && (
            <AdminForm
              id="establish"
              heading="admin.establish"
              submit="admin.establish.submit"
              done="admin.establish.done"
              fields={[
                { name: 'bodyId', label: 'admin.bodyId', required: true, maxLength: 64 },
                { name: 'kind', label: 'admin.kind', options: kinds.map(k => [k, t(`admin.kind.${k}`)]) },
                { name: 'name', label: 'admin.name', required: true },
                { name: 'nameEn', label: 'admin.nameEn' },
                { name: 'parentBodyId', label: 'admin.parent', maxLength: 64 },
              ]}
              action={v =>
                command('/api/admin/bodies', {}, {
                  bodyId: v.bodyId ?? '',
                  kind: v.kind as BodyKind,
                  name: v.name ?? '',
                  nameEn: optional(v.nameEn),
                  parentBodyId: optional(v.parentBodyId),
                  term: null,
                })
              }
              onDone={() => setReload(reload + 1)}
            />
          )}
        </nav>
        <div class="admin__body">
          {bodyId ? <BodyAdmin key={bodyId} bodyId={bodyId} system={system} /> : <p class="muted">{t('admin.chooseBody')}</p>}
        </div>
      </div>
    </div>
  );
}
