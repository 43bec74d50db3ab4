import { useState } from 'preact/hooks';
import { command } from '../../api/client';
import type { ScreenProps } from '../../app/App';
import { Link, navigate, paths } from '../../app/router';
import { holds, useMe } from '../../auth/session';
import { BodySelect } from '../../components/BodySelect';
import { CommandFeedback } from '../../components/CommandFeedback';
import { useBodyView } from '../../components/hooks';
import { useCommand } from '../../components/useCommand';
import { lang, t } from '../../i18n/i18n';
import { useTitle } from '../useTitle';
import '../commitments/commitments.css';
import './supervision.css';

/**
 * The body decides a topic of supervision: its title and scope, the delegation or committee that supervises,
 * and the agencies supervised. The secretariat or the chair of the body does this; the plan is then due within
 * fifteen days (the server counts it).
 */
export default function NewTopicScreen({ route }: ScreenProps) {
  useTitle(t('supervision.new.title'));
  const me = useMe();
  const [bodyChoice, setBodyId] = useState(route.name === 'supervisionNew' && route.bodyId ? route.bodyId : '');
  // Without a body in the address, the first body this account decides for (as its secretariat or chair).
  const led = me?.grants.find(g => (g.role === 'secretariat' || g.role === 'chair') && g.bodyId !== '*')?.bodyId;
  const bodyId = bodyChoice || led || '';
  const body = useBodyView(bodyId || undefined);
  const [title, setTitle] = useState('');
  const [scope, setScope] = useState('');
  const [assignedTo, setAssignedTo] = useState('');
  const [reference, setReference] = useState('');
  const [supervised, setSupervised] = useState<readonly string[]>([]);
  const state = useCommand();
  const allowed = !!bodyId && (holds(me, 'secretariat', bodyId) || holds(me, 'chair', bodyId) || holds(me, 'admin', bodyId));
  const toggle = (agencyId: string, on: boolean) => setSupervised(on ? [...supervised, agencyId] : supervised.filter(a => a !== agencyId));
  const submit = async (e: Event) => {
    e.preventDefault();
    let id: string | null = null;
    const ok = await state.run(t('supervision.done.decided'), async () => {
      const accepted = await command(
        '/api/bodies/{bodyId}/supervision',
        { bodyId },
        {
          title,
          scopeMarkdown: scope,
          assignedTo,
          decisionReference: reference.trim() || null,
          supervised: supervised.map(agencyId => ({ agencyId, bodyId: null })),
        },
      );
      id = accepted.id ?? null;
      return accepted;
    });
    if (ok && id) {
      navigate(paths.supervisionTopic(id));
    }
  };

  return (
    <div class="page page--narrow supervision-new">
      <p>
        <Link href={paths.supervisionList(bodyId ? `body=${encodeURIComponent(bodyId)}` : undefined)}>{t('supervision.back')}</Link>
      </p>
      <h1>{t('supervision.new.title')}</h1>
      <p class="muted">{t('supervision.new.intro')}</p>
      <form class="form" onSubmit={submit} data-testid="new-topic">
        <BodySelect
          value={bodyId}
          onChange={v => {
            setBodyId(v);
            setSupervised([]);
          }}
        />
        {bodyId && !allowed && (
          <p class="notice" data-testid="not-allowed">
            {me?.signedIn ? t('supervision.new.notAllowed') : t('supervision.signInHint')}{' '}
            {!me?.signedIn && <Link href={paths.signIn(location.pathname + location.search)}>{t('auth.signIn')}</Link>}
          </p>
        )}
        <label class="field">
          <span class="field__label">{t('supervision.titleField')}</span>
          <input name="title" required maxLength={300} value={title} onInput={e => setTitle(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span class="field__label">{t('supervision.scope')}</span>
          <textarea name="scope" required maxLength={20000} rows={6} value={scope} onInput={e => setScope(e.currentTarget.value)} />
          <span class="muted field__hint">{t('commitment.markdownHint')}</span>
        </label>
        <div class="field-grid">
          <label class="field">
            <span class="field__label">{t('supervision.assignedTo')}</span>
            <input name="assignedTo" required maxLength={300} value={assignedTo} onInput={e => setAssignedTo(e.currentTarget.value)} />
          </label>
          <label class="field">
            <span class="field__label">{t('supervision.decisionReference')}</span>
            <input name="decisionReference" maxLength={200} value={reference} onInput={e => setReference(e.currentTarget.value)} />
          </label>
        </div>
        <fieldset class="field">
          <legend class="field__label">{t('supervision.supervised')}</legend>
          {!body && <p class="muted">{t('ledger.pickBody')}</p>}
          {body?.agencies.map(a => (
            <label key={a.agencyId} class="choice">
              <input
                type="checkbox"
                name="supervised"
                value={a.agencyId}
                checked={supervised.includes(a.agencyId)}
                onChange={e => toggle(a.agencyId, e.currentTarget.checked)}
              />{' '}
              {lang() === 'en' && a.nameEn ? a.nameEn : a.name}
            </label>
          ))}
        </fieldset>
        <button type="submit" class="button" disabled={state.busy || !allowed}>
          {t('supervision.new.submit')}
        </button>
        <CommandFeedback state={state} />
      </form>
    </div>
  );
}
