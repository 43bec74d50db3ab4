import { useEffect, useState } from 'preact/hooks';
import { ApiError, api } from '../../api/client';
import type { ExplanationView, Me, RequesterDetails } from '../../api/types';
import type { ScreenProps } from '../../app/App';
import { Link, paths } from '../../app/router';
import { useMe } from '../../auth/session';
import { ProblemMessage } from '../../components/ProblemMessage';
import { lang, t } from '../../i18n/i18n';
import { formatDateTime } from '../../time/format';
import { useTitle } from '../useTitle';
import { AcknowledgeActions, ExplainActions } from './OfficerActions';
import { ExplanationDetails } from './parts';
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
