import { useEffect, useState } from 'preact/hooks';
import { api, command } from '../../api/client';
import { Link, paths } from '../../app/router';
import { servingMembers, servingOfficials } from '../../api/roster';
import type { BodyView, PersonDeparture, RulesProfile } from '../../api/types';
import { t } from '../../i18n/i18n';
import { AccessAdmin } from './AccessAdmin';
import { AdminForm, optional } from './AdminForm';
import { DepartureForm } from './DepartureForm';

/** One body's set-up: term, members, agencies, officials, rules profiles, sessions, then accounts and roles. */
export function BodyAdmin({ bodyId, system }: { readonly bodyId: string; readonly system: boolean }) {
  const [body, setBody] = useState<BodyView | null | undefined>(undefined);
  const [defaults, setDefaults] = useState<RulesProfile | null>(null);
  const [reload, setReload] = useState(0);
  const again = () => setReload(r => r + 1);
  useEffect(() => {
    void api.body(bodyId).then(setBody, () => setBody(null));
  }, [bodyId, reload]);
  useEffect(() => {
    void api.rulesDefaults(bodyId).then(setDefaults, () => setDefaults(null));
  }, [bodyId]);

  if (body === undefined) {
    return <p class="muted">{t('common.loading')}</p>;
  }

  if (body === null) {
    return (
      <p class="notice" role="alert">
        {t('admin.bodyMissing')}
      </p>
    );
  }

  const path = { bodyId };
  const unseated = new Map(body.unseated.map(d => [d.personId, d]));
  const relieved = new Map(body.relieved.map(d => [d.personId, d]));
  return (
    <div data-testid="body-admin">
      <h2>{body.name}</h2>
      <p class="muted">
        {body.bodyId} · {t('admin.term')}: {body.term || t('admin.none')}
      </p>

      <section class="panel admin__section" aria-labelledby="admin-term-heading">
        <h3 id="admin-term-heading">{t('admin.term')}</h3>
        <AdminForm
          key={body.term}
          id="term"
          heading="admin.term.set"
          submit="admin.save"
          done="admin.saved"
          fields={[
            { name: 'term', label: 'admin.term', required: true, maxLength: 40, initial: body.term },
            { name: 'startsOn', label: 'admin.startsOn', type: 'date', required: true },
            { name: 'endsOn', label: 'admin.endsOn', type: 'date' },
          ]}
          action={v => command('/api/admin/bodies/{bodyId}/term', path, { term: v.term ?? '', startsOn: v.startsOn ?? '', endsOn: optional(v.endsOn) })}
          onDone={again}
        />
      </section>

      <section class="panel admin__section" aria-labelledby="admin-members-heading">
        <h3 id="admin-members-heading">{t('admin.members', { count: body.members.length - unseated.size })}</h3>
        <ul class="admin__list" data-testid="admin-members">
          {body.members.map(m => (
            <li key={m.memberId}>
              {m.name} <span class="muted">({m.memberId}{m.group ? ` · ${m.group}` : ''})</span>
              <Left departure={unseated.get(m.memberId)} text="admin.member.left" />
            </li>
          ))}
        </ul>
        <AdminForm
          id="member"
          heading="admin.member.seat"
          submit="admin.member.submit"
          done="admin.member.done"
          fields={[
            { name: 'memberId', label: 'admin.personId', required: true, maxLength: 64 },
            { name: 'name', label: 'admin.personName', required: true },
            { name: 'group', label: 'admin.group' },
          ]}
          action={v => command('/api/admin/bodies/{bodyId}/members', path, { memberId: v.memberId ?? '', name: v.name ?? '', group: optional(v.group) })}
          onDone={again}
        />
        <DepartureForm
          key={`unseat|${body.version}`}
          id="unseat"
          heading="admin.member.unseat"
          confirmText="admin.member.unseatConfirm"
          done="admin.member.unseated"
          people={servingMembers(body).map(m => [m.memberId, m.name] as const)}
          action={d => command('/api/admin/bodies/{bodyId}/members/{memberId}/unseating', { bodyId, memberId: d.personId }, { reason: d.reason, on: d.on })}
          onDone={again}
        />
      </section>

      <section class="panel admin__section" aria-labelledby="admin-agencies-heading">
        <h3 id="admin-agencies-heading">{t('admin.agencies')}</h3>
        <ul class="admin__list" data-testid="admin-agencies">
          {body.agencies.map(a => (
            <li key={a.agencyId}>
              {a.name} <span class="muted">({a.agencyId})</span>
            </li>
          ))}
        </ul>
        <AdminForm
          id="agency"
          heading="admin.agency.register"
          submit="admin.agency.submit"
          done="admin.agency.done"
          fields={[
            { name: 'agencyId', label: 'admin.agencyId', required: true, maxLength: 64 },
            { name: 'name', label: 'admin.name', required: true },
            { name: 'nameEn', label: 'admin.nameEn' },
          ]}
          action={v => command('/api/admin/bodies/{bodyId}/agencies', path, { agencyId: v.agencyId ?? '', name: v.name ?? '', nameEn: optional(v.nameEn) })}
          onDone={again}
        />
      </section>

      <section class="panel admin__section" aria-labelledby="admin-officials-heading">
        <h3 id="admin-officials-heading">{t('admin.officials')}</h3>
        <ul class="admin__list" data-testid="admin-officials">
          {body.officials.map(o => (
            <li key={o.officialId}>
              {o.name}, {o.office} <span class="muted">({o.officialId}{o.agencyId ? ` · ${o.agencyId}` : ''})</span>
              <Left departure={relieved.get(o.officialId)} text="admin.official.left" />
            </li>
          ))}
        </ul>
        <AdminForm
          key={body.agencies.length}
          id="official"
          heading="admin.official.appoint"
          submit="admin.official.submit"
          done="admin.official.done"
          fields={[
            { name: 'officialId', label: 'admin.personId', required: true, maxLength: 64 },
            { name: 'name', label: 'admin.personName', required: true },
            { name: 'office', label: 'admin.office', required: true },
            { name: 'agencyId', label: 'admin.agency', options: [['', t('admin.none')], ...body.agencies.map(a => [a.agencyId, a.name] as const)] },
          ]}
          action={v =>
            command('/api/admin/bodies/{bodyId}/officials', path, {
              officialId: v.officialId ?? '',
              name: v.name ?? '',
              office: v.office ?? '',
              agencyId: optional(v.agencyId),
              agency: null,
            })
          }
          onDone={again}
        />
        <DepartureForm
          key={`relieve|${body.version}`}
          id="relieve"
          heading="admin.official.relieve"
          confirmText="admin.official.relieveConfirm"
          done="admin.official.relievedDone"
          people={servingOfficials(body).map(o => [o.officialId, o.name] as const)}
          action={d => command('/api/admin/bodies/{bodyId}/officials/{officialId}/relief', { bodyId, officialId: d.personId }, { reason: d.reason, on: d.on })}
          onDone={again}
        />
      </section>

      <section class="panel admin__section" aria-labelledby="admin-rules-heading">
        <h3 id="admin-rules-heading">{t('admin.rules')}</h3>
        <ul class="admin__list" data-testid="admin-rules">
          {body.rulesProfiles.map(p => (
            <li key={p.effectiveFrom}>
              {p.name} — {t('admin.rules.from', { date: p.effectiveFrom })}: {t('admin.rules.limits', { question: p.questionLimit, answer: p.answerLimit })}
            </li>
          ))}
        </ul>
        {defaults && (
          <AdminForm
            key={defaults.effectiveFrom}
            id="rules"
            heading="admin.rules.adopt"
            submit="admin.rules.submit"
            done="admin.rules.done"
            fields={[
              { name: 'name', label: 'admin.name', required: true, initial: defaults.name },
              { name: 'effectiveFrom', label: 'admin.rules.effectiveFrom', type: 'date', required: true, initial: defaults.effectiveFrom },
              { name: 'questionLimit', label: 'admin.rules.question', required: true, initial: defaults.questionLimit },
              { name: 'answerLimit', label: 'admin.rules.answer', required: true, initial: defaults.answerLimit },
              { name: 'writtenAnswerDays', label: 'admin.rules.writtenDays', type: 'number', required: true, initial: String(defaults.writtenAnswerDays) },
            ]}
            action={v =>
              command('/api/admin/bodies/{bodyId}/rules-profiles', path, {
                ...defaults,
                name: v.name ?? defaults.name,
                effectiveFrom: v.effectiveFrom ?? defaults.effectiveFrom,
                questionLimit: v.questionLimit ?? defaults.questionLimit,
                answerLimit: v.answerLimit ?? defaults.answerLimit,
                writtenAnswerDays: Number(v.writtenAnswerDays ?? defaults.writtenAnswerDays),
              })
            }
            onDone={again}
          />
        )}
      </section>

      <section class="panel admin__section" aria-labelledby="admin-sessions-heading">
        <h3 id="admin-sessions-heading">{t('admin.sessions')}</h3>
        <ul class="admin__list" data-testid="admin-sessions">
          {body.sessions.map(s => (
            <li key={s.number}>{t('admin.session', { number: s.number, date: s.opensOn })}</li>
          ))}
        </ul>
        <p>
          <Link class="button button--secondary button--small" href={paths.scheduleSitting(bodyId)}>
            {t('home.schedule')}
          </Link>
        </p>
        <AdminForm
          id="session"
          heading="admin.session.schedule"
          submit="admin.session.submit"
          done="admin.session.done"
          fields={[
            { name: 'number', label: 'admin.session.number', type: 'number', required: true },
            { name: 'opensOn', label: 'admin.session.opensOn', type: 'date', required: true },
          ]}
          action={v => command('/api/admin/bodies/{bodyId}/sessions', path, { number: Number(v.number), opensOn: v.opensOn ?? '' })}
          onDone={again}
        />
      </section>

      <AccessAdmin body={body} system={system} />
    </div>
  );
}

/** A member's or official's departure in the roster: from when and why, as the public record says. */
function Left({ departure, text }: { readonly departure: PersonDeparture | undefined; readonly text: 'admin.member.left' | 'admin.official.left' }) {
  return departure ? (
    <span class="muted" data-testid="departure">
      {' '}
      — {t(text, { date: departure.on, reason: departure.reason })}
    </span>
  ) : null;
}
