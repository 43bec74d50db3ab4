import { useEffect, useState } from 'preact/hooks';
import { ApiError, api, command } from '../../api/client';
import type { ExplanationView, Me, RefusalGround, RequesterDetails } from '../../api/types';
import type { ScreenProps } from '../../app/App';
import { Link, paths } from '../../app/router';
import { useMe } from '../../auth/session';
import { AgencySelect } from '../../components/AgencySelect';
import { BodySelect } from '../../components/BodySelect';
import { CommandFeedback } from '../../components/CommandFeedback';
import { useBodyView } from '../../components/hooks';
import { ProblemMessage } from '../../components/ProblemMessage';
import { useCommand } from '../../components/useCommand';
import { lang, t } from '../../i18n/i18n';
import { formatDateTime, vietnamDayPlus } from '../../time/format';
import { useTitle } from '../useTitle';
import { ExplanationDetails, groundLabel, refusalGrounds } from './parts';
import '../commitments/commitments.css';
import './explanations.css';

/** True when the account is an officer of the agency holding the request: the one who acknowledges and explains. */
export function isOfficerOf(me: Me | null, agencyId: string, agencyBodyId: string): boolean {
  return me?.grants.some(g => g.role === 'agencyOfficer' && g.bodyId === agencyBodyId && g.personId === agencyId) ?? false;
}

/**
 * One request for explanation. The agency holding it accepts, refuses or sends it on while it waits, then
 * extends once, records meetings and gives the explanation; it and the secretariat see who asked. Anyone else
 * sees what the server shows them: a published request without its requester, or nothing.
 */
export default function ExplanationScreen({ route }: ScreenProps) {
  const requestId = route.name === 'explanation' ? route.requestId : '';
  const me = useMe();
  const [view, setView] = useState<ExplanationView | null>(null);
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const reload = () =>
    api.explanation(requestId).then(
      v => {
        setView(v);
        setMissing(false);
      },
      e => (e instanceof ApiError && e.status === 404 ? setMissing(true) : setError(e)),
    );
  // Signing in or out changes what the server shows: ask again.
  useEffect(() => {
    setView(null);
    setError(null);
    void reload();
  }, [requestId, me?.userId]);
  useTitle(view ? view.subject : t('explanations.title'));

  if (error) {
    return (
      <div class="page">
        <ProblemMessage error={error} />
      </div>
    );
  }

  if (missing) {
    return (
      <div class="page">
        <p>
          <Link href={paths.explanations()}>{t('explanations.back')}</Link>
        </p>
        <p class="notice" data-testid="not-found">
          {t('explanations.byCode.notFound')}
        </p>
        {!me?.signedIn && (
          <p class="muted">
            {t('explanations.signInHint')} <Link href={paths.signIn(location.pathname)}>{t('auth.signIn')}</Link>
          </p>
        )}
      </div>
    );
  }

  if (!view) {
    return <p class="muted page">{t('common.loading')}</p>;
  }

  const officer = isOfficerOf(me, view.agency.agencyId, view.agency.agencyBodyId);
  return (
    <div class="page explanation-page">
      <p>
        <Link href={paths.explanations()}>{t('explanations.back')}</Link>
      </p>
      <ExplanationDetails view={view}>
        {view.audience === 'agency' && <Requester requestId={view.requestId} />}
        {officer && view.status === 'received' && <AcknowledgeActions view={view} onDone={reload} />}
        {officer && view.status === 'accepted' && <ExplainActions view={view} onDone={reload} />}
      </ExplanationDetails>
    </div>
  );
}

/** Who asked, for the agency side only, fetched when asked for so it is not on screen by default. */
function Requester({ requestId }: { readonly requestId: string }) {
  const [details, setDetails] = useState<RequesterDetails | null>(null);
  const [error, setError] = useState<unknown>(null);
  return (
    <section class="panel explanation-requester" aria-labelledby="requester-heading" data-testid="requester">
      <h2 id="requester-heading" class="panel__title">
        {t('explanations.requester.title')}
      </h2>
      <p class="muted">{t('explanations.requester.note')}</p>
      {details ? (
        details.erased ? (
          <p>{t('explanations.requester.erased', { date: details.erasedAt ? formatDateTime(details.erasedAt, lang()) : '' })}</p>
        ) : (
          <dl class="facts" data-testid="requester-details">
            <dt>{t('explanations.new.fullName')}</dt>
            <dd>{details.fullName}</dd>
            <dt>{t('explanations.new.contact')}</dt>
            <dd>{details.contact}</dd>
            {details.address && (
              <>
                <dt>{t('explanations.new.address')}</dt>
                <dd>{details.address}</dd>
              </>
            )}
            {details.idNumber && (
              <>
                <dt>{t('explanations.new.idNumber')}</dt>
                <dd>{details.idNumber}</dd>
              </>
            )}
          </dl>
        )
      ) : (
        <button type="button" class="button button--secondary" onClick={() => void api.explanationRequester(requestId).then(setDetails, setError)}>
          {t('explanations.requester.show')}
        </button>
      )}
      <ProblemMessage error={error} />
    </section>
  );
}

interface ActionProps {
  readonly view: ExplanationView;
  readonly onDone: () => Promise<unknown>;
}

/** Within five working days: accept (the server sets the explain-by day), refuse on a ground, or send it to the right agency. */
function AcknowledgeActions({ view, onDone }: ActionProps) {
  const state = useCommand();
  const params = { requestId: view.requestId };
  const [ground, setGround] = useState<RefusalGround>('notDirectlyAffected');
  const [refusal, setRefusal] = useState('');
  const [bodyId, setBodyId] = useState(view.agency.agencyBodyId);
  const body = useBodyView(bodyId);
  const others = body ? { ...body, agencies: body.agencies.filter(a => !(bodyId === view.agency.agencyBodyId && a.agencyId === view.agency.agencyId)) } : null;
  const [agencyChoice, setAgencyChoice] = useState('');
  const agencyId = others?.agencies.some(a => a.agencyId === agencyChoice) ? agencyChoice : (others?.agencies[0]?.agencyId ?? '');
  const [redirectReason, setRedirectReason] = useState('');
  const after = async (ok: boolean) => {
    if (ok) {
      await onDone();
    }
  };

  return (
    <section class="panel" aria-labelledby="acknowledge-heading" data-testid="acknowledge-actions">
      <h2 id="acknowledge-heading" class="panel__title">
        {t('explanations.officer.acknowledge')}
      </h2>
      <div class="explanation-action explanation-action--first">
        <h3>{t('explanations.officer.accept')}</h3>
        <p class="muted">{t('explanations.officer.acceptHint')}</p>
        <button
          type="button"
          class="button"
          disabled={state.busy}
          onClick={async () => after(await state.run(t('explanations.done.accepted'), () => command('/api/explanations/{requestId}/acceptance', params)))}
        >
          {t('explanations.officer.accept')}
        </button>
      </div>
      <form
        class="form explanation-action"
        aria-labelledby="refuse-heading"
        onSubmit={async e => {
          e.preventDefault();
          after(
            await state.run(t('explanations.done.refused'), () => command('/api/explanations/{requestId}/refusal', params, { ground, reason: refusal })),
          );
        }}
      >
        <h3 id="refuse-heading">{t('explanations.officer.refuse')}</h3>
        <label class="field">
          <span class="field__label">{t('explanations.officer.ground')}</span>
          <select name="ground" value={ground} onChange={e => setGround(e.currentTarget.value as RefusalGround)}>
            {refusalGrounds.map(g => (
              <option key={g} value={g}>
                {groundLabel(g)}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span class="field__label">{t('explanations.officer.reason')}</span>
          <textarea name="refusalReason" required maxLength={4000} rows={3} value={refusal} onInput={e => setRefusal(e.currentTarget.value)} />
        </label>
        <button type="submit" class="button button--danger" disabled={state.busy}>
          {t('explanations.officer.refuse')}
        </button>
      </form>
      <form
        class="form explanation-action"
        aria-labelledby="redirect-heading"
        onSubmit={async e => {
          e.preventDefault();
          after(
            await state.run(t('explanations.done.redirected'), () =>
              command('/api/explanations/{requestId}/redirection', params, { agencyId, agencyBodyId: bodyId, reason: redirectReason }),
            ),
          );
        }}
      >
        <h3 id="redirect-heading">{t('explanations.officer.redirect')}</h3>
        <div class="field-grid">
          <BodySelect value={bodyId} onChange={setBodyId} />
          <AgencySelect body={others} label={t('explanations.officer.redirectTo')} value={agencyId} onChange={setAgencyChoice} />
        </div>
        <label class="field">
          <span class="field__label">{t('explanations.officer.reason')}</span>
          <textarea name="redirectReason" required maxLength={4000} rows={2} value={redirectReason} onInput={e => setRedirectReason(e.currentTarget.value)} />
        </label>
        <button type="submit" class="button button--secondary" disabled={state.busy || !agencyId}>
          {t('explanations.officer.redirect')}
        </button>
      </form>
      <CommandFeedback state={state} />
    </section>
  );
}

/** After acceptance: one extension of up to 15 days with a reason, meetings with the requester, and the explanation itself. */
function ExplainActions({ view, onDone }: ActionProps) {
  const state = useCommand();
  const params = { requestId: view.requestId };
  const [days, setDays] = useState('15');
  const [extendReason, setExtendReason] = useState('');
  const [meetingDate, setMeetingDate] = useState(() => vietnamDayPlus(0));
  const [minutes, setMinutes] = useState('');
  const [markdown, setMarkdown] = useState('');
  const [legalBasis, setLegalBasis] = useState('');
  return (
    <section class="panel" aria-labelledby="explain-actions-heading" data-testid="explain-actions">
      <h2 id="explain-actions-heading" class="panel__title">
        {t('explanations.officer.explainTitle')}
      </h2>
      <form
        class="form explanation-action"
        aria-labelledby="explain-heading"
        onSubmit={async e => {
          e.preventDefault();
          const ok = await state.run(t('explanations.done.explained'), () =>
            command('/api/explanations/{requestId}/explanation', params, { markdown, legalBasis }),
          );
          if (ok) {
            await onDone();
          }
        }}
      >
        <h3 id="explain-heading">{t('explanations.officer.explain')}</h3>
        <label class="field">
          <span class="field__label">{t('explanations.explanation')}</span>
          <textarea name="explanation" required maxLength={20000} rows={8} value={markdown} onInput={e => setMarkdown(e.currentTarget.value)} />
          <span class="muted field__hint">{t('commitment.markdownHint')}</span>
        </label>
        <label class="field">
          <span class="field__label">{t('explanations.legalBasis')}</span>
          <textarea name="legalBasis" required maxLength={4000} rows={2} value={legalBasis} onInput={e => setLegalBasis(e.currentTarget.value)} />
        </label>
        <button type="submit" class="button" disabled={state.busy}>
          {t('explanations.officer.explain')}
        </button>
      </form>
      {!view.extended && (
        <form
          class="form explanation-action"
          aria-labelledby="extend-heading"
          onSubmit={async e => {
            e.preventDefault();
            const ok = await state.run(t('explanations.done.extended'), () =>
              command('/api/explanations/{requestId}/extension', params, { days: Number(days), reason: extendReason }),
            );
            if (ok) {
              setExtendReason('');
              await onDone();
            }
          }}
        >
          <h3 id="extend-heading">{t('explanations.officer.extend')}</h3>
          <p class="muted">{t('explanations.officer.extendHint')}</p>
          <div class="field-grid">
            <label class="field">
              <span class="field__label">{t('explanations.officer.days')}</span>
              <input name="days" type="number" min={1} max={15} required value={days} onInput={e => setDays(e.currentTarget.value)} />
            </label>
          </div>
          <label class="field">
            <span class="field__label">{t('explanations.officer.reason')}</span>
            <textarea name="extendReason" required maxLength={4000} rows={2} value={extendReason} onInput={e => setExtendReason(e.currentTarget.value)} />
          </label>
          <button type="submit" class="button button--secondary" disabled={state.busy}>
            {t('explanations.officer.extend')}
          </button>
        </form>
      )}
      <form
        class="form explanation-action"
        aria-labelledby="meeting-heading"
        onSubmit={async e => {
          e.preventDefault();
          const ok = await state.run(t('explanations.done.meeting'), () =>
            command('/api/explanations/{requestId}/meetings', params, { date: meetingDate, minutesMarkdown: minutes }),
          );
          if (ok) {
            setMinutes('');
            await onDone();
          }
        }}
      >
        <h3 id="meeting-heading">{t('explanations.officer.meeting')}</h3>
        <label class="field">
          <span class="field__label">{t('explanations.officer.meetingDate')}</span>
          <input name="meetingDate" type="date" required max={vietnamDayPlus(0)} value={meetingDate} onInput={e => setMeetingDate(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span class="field__label">{t('explanations.officer.minutes')}</span>
          <textarea name="minutes" required maxLength={20000} rows={4} value={minutes} onInput={e => setMinutes(e.currentTarget.value)} />
        </label>
        <button type="submit" class="button button--secondary" disabled={state.busy}>
          {t('explanations.officer.recordMeeting')}
        </button>
      </form>
      <CommandFeedback state={state} />
    </section>
  );
}
