import { useEffect, useState } from 'preact/hooks';
import { api, command } from '../../api/client';
import type { AccountCreated, AccountSummary, BodyView, Role, RoleGrantRecord } from '../../api/types';
import { CommandFeedback } from '../../components/CommandFeedback';
import { ProblemMessage } from '../../components/ProblemMessage';
import { useCommand } from '../../components/useCommand';
import { t } from '../../i18n/i18n';
import { AdminForm, optional } from './AdminForm';
import { servingMembers, servingOfficials } from '../../api/roster';

const roles: readonly Role[] = ['chair', 'secretariat', 'deputy', 'respondent', 'agencyOfficer', 'supervisor', 'admin'];

/** Accounts, and who holds which role in the body: grant, revoke with a reason, and the whole public history. */
export function AccessAdmin({ body }: { readonly body: BodyView; readonly system: boolean }) {
  const [accounts, setAccounts] = useState<AccountSummary[]>([]);
  const [history, setHistory] = useState<RoleGrantRecord[]>([]);
  const [reload, setReload] = useState(0);
  const again = () => setReload(r => r + 1);
  useEffect(() => {
    void api.accounts().then(setAccounts, () => setAccounts([]));
    void api.grants(body.bodyId, true).then(setHistory, () => setHistory([]));
  }, [body.bodyId, body.version, reload]);

  const people = (role: string): readonly (readonly [string, string])[] =>
    role === 'deputy'
      ? servingMembers(body).map(m => [m.memberId, m.name] as const)
      : role === 'respondent'
        ? servingOfficials(body).map(o => [o.officialId, o.name] as const)
        : role === 'agencyOfficer'
          ? body.agencies.map(a => [a.agencyId, a.name] as const)
          : [['', t('admin.none')] as const];
  const [role, setRole] = useState<Role>('chair');
  const held = history.filter(g => !g.revokedAt);
  return (
    <section class="panel admin__section" aria-labelledby="admin-access-heading">
      <h3 id="admin-access-heading">{t('admin.access')}</h3>
      <CreateAccount onDone={again} />
      <label class="field">
        <span class="field__label">{t('admin.grant.role')}</span>
        <select name="grantRole" value={role} onChange={e => setRole(e.currentTarget.value as Role)} data-testid="grant-role">
          {roles.map(r => (
            <option key={r} value={r}>
              {t(`admin.role.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <AdminForm
        key={`${role}|${accounts.length}|${body.members.length}|${body.officials.length}|${body.agencies.length}`}
        id="grant"
        heading="admin.grant"
        submit="admin.grant.submit"
        done="admin.grant.done"
        fields={[
          { name: 'username', label: 'admin.account', options: accounts.map(a => [a.username, `${a.displayName} (${a.username})`] as const) },
          { name: 'personId', label: 'admin.grant.person', options: people(role) },
        ]}
        action={v => command('/api/admin/bodies/{bodyId}/grants', { bodyId: body.bodyId }, { username: v.username ?? '', role, personId: optional(v.personId) })}
        onDone={again}
      />
      <h4>{t('admin.grants.held')}</h4>
      <ul class="admin__list" data-testid="admin-grants">
        {held.map(g => (
          <li key={`${g.userId}|${g.role}|${g.personId ?? ''}`}>
            <Revoke bodyId={body.bodyId} grant={g} onDone={again} />
          </li>
        ))}
      </ul>
      <h4>{t('admin.grants.history')}</h4>
      <ul class="admin__list" data-testid="admin-history">
        {history.map((g, i) => (
          <li key={i}>
            {t('admin.history.granted', { name: g.displayName, role: t(`admin.role.${g.role}`), by: g.grantedBy.name, at: g.grantedAt.slice(0, 10) })}
            {g.revokedAt && ` ${t('admin.history.revoked', { by: g.revokedBy?.name ?? '', at: g.revokedAt.slice(0, 10), reason: g.revokedReason ?? '' })}`}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Revoke({ bodyId, grant, onDone }: { readonly bodyId: string; readonly grant: RoleGrantRecord; readonly onDone: () => void }) {
  const [reason, setReason] = useState('');
  const state = useCommand();
  const label = `${grant.displayName} — ${t(`admin.role.${grant.role}`)}${grant.personId ? ` (${grant.personId})` : ''}`;
  return (
    <form
      class="admin-revoke"
      aria-label={t('admin.revoke.for', { who: label })}
      onSubmit={async e => {
        e.preventDefault();
        if (
          await state.run(t('admin.revoke.done'), () =>
            command('/api/admin/bodies/{bodyId}/grants/revocation', { bodyId }, { userId: grant.userId, role: grant.role, personId: grant.personId ?? null, reason }),
          )
        ) {
          onDone();
        }
      }}
    >
      <span>{label}</span>{' '}
      <label>
        <span class="visually-hidden">{t('admin.revoke.reason')}</span>
        <input name="reason" required maxLength={500} placeholder={t('admin.revoke.reason')} value={reason} onInput={e => setReason(e.currentTarget.value)} />
      </label>{' '}
      <button type="submit" class="button button--secondary" disabled={state.busy}>
        {t('admin.revoke')}
      </button>
      <CommandFeedback state={state} />
    </form>
  );
}

/** A new account: the administrator gives the first password, or the server makes one and shows it here once. */
function CreateAccount({ onDone }: { readonly onDone: () => void }) {
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [created, setCreated] = useState<AccountCreated | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      class="form admin-form"
      aria-labelledby="account-heading"
      data-testid="account-form"
      onSubmit={async e => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        try {
          setCreated(await api.createAccount({ username, displayName, password: password.length > 0 ? password : null }));
          setUsername('');
          setDisplayName('');
          setPassword('');
          onDone();
        } catch (failure) {
          setError(failure);
        } finally {
          setBusy(false);
        }
      }}
    >
      <h4 id="account-heading">{t('admin.account.create')}</h4>
      <div class="field-grid">
        <label class="field">
          <span class="field__label">{t('auth.username')}</span>
          <input name="username" required maxLength={100} value={username} onInput={e => setUsername(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span class="field__label">{t('admin.personName')}</span>
          <input name="displayName" required maxLength={200} value={displayName} onInput={e => setDisplayName(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span class="field__label">{t('admin.account.password')}</span>
          <input
            name="password"
            type="password"
            autocomplete="new-password"
            maxLength={200}
            aria-describedby="account-password-hint"
            value={password}
            onInput={e => setPassword(e.currentTarget.value)}
          />
          <span id="account-password-hint" class="muted">
            {t('auth.passwordHint')}
          </span>
        </label>
      </div>
      <button type="submit" class="button" disabled={busy}>
        {t('admin.account.submit')}
      </button>
      <p class="feedback" role="status" data-testid="account-created">
        {created &&
          (created.oneTimePassword ? (
            <>
              {t('admin.account.oneTime', { username: created.username })} <span class="admin__secret">{created.oneTimePassword}</span>
            </>
          ) : (
            t('admin.account.done', { username: created.username })
          ))}
      </p>
      <ProblemMessage error={error} />
    </form>
  );
}
