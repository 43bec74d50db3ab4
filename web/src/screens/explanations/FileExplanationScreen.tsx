import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../../api/client';
import type { FilingReceipt, RequesterKind } from '../../api/types';
import { Link, paths } from '../../app/router';
import { useMe } from '../../auth/session';
import { AgencySelect } from '../../components/AgencySelect';
import { BodySelect } from '../../components/BodySelect';
import { useBodies, useBodyView } from '../../components/hooks';
import { ProblemMessage } from '../../components/ProblemMessage';
import { lang, t } from '../../i18n/i18n';
import { formatDay } from '../../time/format';
import { useTitle } from '../useTitle';
import { newIdempotencyKey, storeSecret } from './secrets';
import '../commitments/commitments.css';
import './explanations.css';

/** Decree 59: one person signs for themself; 2–4 may all sign; 5–10 appoint 1 or 2; more than 10 up to 5. */
export function maxRepresentatives(represented: number): number {
  return represented <= 1 ? 1 : represented <= 4 ? represented : represented <= 10 ? 2 : 5;
}

/**
 * A person or an organisation asks an agency to explain a decision or an act that affects them (Decree
 * 59/2019). No account is needed: the filer gets a code to follow the request and a secret, shown once, that
 * proves they filed it. Who they are goes to the agency only; the matter is public only with their consent.
 */
export default function FileExplanationScreen() {
  useTitle(t('explanations.new.title'));
  const bodies = useBodies();
  const me = useMe();
  // An agency's officer may also take a request down in person, for their own agency, and hand the requester the secret.
  const officerOf = me?.grants.find(g => g.role === 'agencyOfficer' && g.personId);
  const [inPerson, setInPerson] = useState(false);
  const [bodyChoice, setBodyChoice] = useState('');
  const bodyId = inPerson && officerOf ? officerOf.bodyId : bodyChoice || bodies?.[0]?.bodyId || '';
  const body = useBodyView(bodyId || undefined);
  const [agencyChoice, setAgencyChoice] = useState('');
  const agencyId =
    inPerson && officerOf
      ? (officerOf.personId ?? '')
      : body?.agencies.some(a => a.agencyId === agencyChoice)
        ? agencyChoice
        : (body?.agencies[0]?.agencyId ?? '');
  const [kind, setKind] = useState<RequesterKind>('person');
  const [represented, setRepresented] = useState('1');
  const [representatives, setRepresentatives] = useState('1');
  const [subject, setSubject] = useState('');
  const [matter, setMatter] = useState('');
  const [decisionReference, setDecisionReference] = useState('');
  const [publish, setPublish] = useState(false);
  const [fullName, setFullName] = useState('');
  const [contact, setContact] = useState('');
  const [address, setAddress] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [receipt, setReceipt] = useState<FilingReceipt | null>(null);
  // One key per filing: a double submit or a retry after a dropped answer files once, with the same code and secret.
  const key = useRef(newIdempotencyKey());

  const count = Math.max(1, Number(represented) || 1);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) {
      return;
    }

    setBusy(true);
    setError(null);
    try {
      const file = inPerson ? api.fileExplanationInPerson : api.fileExplanation;
      const filed = await file(
        {
          agencyId,
          agencyBodyId: bodyId,
          kind,
          represented: count,
          representatives: Math.max(1, Number(representatives) || 1),
          subject,
          matter,
          decisionReference: decisionReference.trim() || null,
          publish,
          requester: { fullName, contact, address: address.trim() || null, idNumber: idNumber.trim() || null },
        },
        key.current,
      );
      // Taken down in person, the secret is the requester's to keep, not this officer's browser's.
      if (!inPerson) {
        storeSecret(filed.code, filed.secret);
      }

      setReceipt(filed);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  if (receipt) {
    return (
      <div class="page page--narrow explanation-new">
        <h1>{t('explanations.new.title')}</h1>
        <Receipt receipt={receipt} inPerson={inPerson} />
      </div>
    );
  }

  return (
    <div class="page page--narrow explanation-new">
      <p>
        <Link href={paths.explanations()}>{t('explanations.back')}</Link>
      </p>
      <h1>{t('explanations.new.title')}</h1>
      <p class="muted">{t('explanations.new.intro')}</p>
      <form class="form" onSubmit={submit} data-testid="file-explanation">
        <fieldset class="panel">
          <legend class="panel__title">{t('explanations.new.agencyLegend')}</legend>
          {officerOf && (
            <label class="choice">
              <input type="checkbox" name="inPerson" checked={inPerson} onChange={e => setInPerson(e.currentTarget.checked)} />{' '}
              {t('explanations.new.inPerson')}
            </label>
          )}
          {inPerson && (
            <p data-testid="in-person-agency">
              {t('explanations.agency')}: <strong>{body?.agencies.find(a => a.agencyId === agencyId)?.name ?? agencyId}</strong>
            </p>
          )}
          <div class="field-grid" hidden={inPerson}>
            <BodySelect
              value={bodyId}
              onChange={v => {
                setBodyChoice(v);
                setAgencyChoice('');
              }}
            />
            <AgencySelect body={body} label={t('explanations.agency')} value={agencyId} onChange={setAgencyChoice} />
          </div>
        </fieldset>
        <fieldset class="panel">
          <legend class="panel__title">{t('explanations.new.requestLegend')}</legend>
          <fieldset class="field">
            <legend class="field__label">{t('explanations.kind')}</legend>
            {(['person', 'organisation'] as const).map(k => (
              <label key={k} class="choice">
                <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} /> {t(`explanations.kind.${k}`)}
              </label>
            ))}
          </fieldset>
          <div class="field-grid">
            <label class="field">
              <span class="field__label">{t('explanations.new.represented')}</span>
              <input name="represented" type="number" min={1} max={100000} required value={represented} onInput={e => setRepresented(e.currentTarget.value)} />
            </label>
            <label class="field">
              <span class="field__label">{t('explanations.new.representatives')}</span>
              <input
                name="representatives"
                type="number"
                min={1}
                max={maxRepresentatives(count)}
                required
                value={representatives}
                onInput={e => setRepresentatives(e.currentTarget.value)}
                aria-describedby="representatives-hint"
              />
              <span id="representatives-hint" class="muted field__hint">
                {t('explanations.new.representativesHint', { max: maxRepresentatives(count) })}
              </span>
            </label>
          </div>
          <label class="field">
            <span class="field__label">{t('explanations.subject')}</span>
            <input name="subject" required maxLength={200} value={subject} onInput={e => setSubject(e.currentTarget.value)} />
          </label>
          <label class="field">
            <span class="field__label">{t('explanations.matter')}</span>
            <textarea
              name="matter"
              required
              maxLength={8000}
              rows={6}
              value={matter}
              onInput={e => setMatter(e.currentTarget.value)}
              aria-describedby="matter-hint"
            />
            <span id="matter-hint" class="muted field__hint">
              {t('explanations.new.matterHint')}
            </span>
          </label>
          <label class="field">
            <span class="field__label">{t('explanations.decisionReference')}</span>
            <input name="decisionReference" maxLength={200} value={decisionReference} onInput={e => setDecisionReference(e.currentTarget.value)} />
          </label>
          <label class="choice explanation-new__consent">
            <input type="checkbox" name="publish" checked={publish} onChange={e => setPublish(e.currentTarget.checked)} /> {t('explanations.new.publish')}
          </label>
        </fieldset>
        <fieldset class="panel explanation-new__private" aria-describedby="private-note">
          <legend class="panel__title">{t('explanations.new.requesterLegend')}</legend>
          <p id="private-note" class="notice">
            {t('explanations.new.privateNote')}
          </p>
          <div class="field-grid">
            <label class="field">
              <span class="field__label">{t('explanations.new.fullName')}</span>
              <input name="fullName" required maxLength={200} autoComplete="name" value={fullName} onInput={e => setFullName(e.currentTarget.value)} />
            </label>
            <label class="field">
              <span class="field__label">{t('explanations.new.contact')}</span>
              <input name="contact" required maxLength={200} value={contact} onInput={e => setContact(e.currentTarget.value)} />
            </label>
            <label class="field">
              <span class="field__label">{t('explanations.new.address')}</span>
              <input name="address" maxLength={500} autoComplete="street-address" value={address} onInput={e => setAddress(e.currentTarget.value)} />
            </label>
            <label class="field">
              <span class="field__label">{t('explanations.new.idNumber')}</span>
              <input name="idNumber" maxLength={40} value={idNumber} onInput={e => setIdNumber(e.currentTarget.value)} />
            </label>
          </div>
        </fieldset>
        <button type="submit" class="button" disabled={busy || !agencyId}>
          {t('explanations.new.submit')}
        </button>
        <ProblemMessage error={error} />
      </form>
    </div>
  );
}

function Receipt({ receipt, inPerson }: { readonly receipt: FilingReceipt; readonly inPerson: boolean }) {
  // The form is gone: start the reader at what they must keep.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section class="panel explanation-receipt" aria-labelledby="receipt-heading" data-testid="receipt">
      <h2 id="receipt-heading" class="panel__title" tabIndex={-1} ref={heading}>
        {t('explanations.receipt.title')}
      </h2>
      <dl class="facts">
        <dt>{t('explanations.code')}</dt>
        <dd>
          <code data-testid="receipt-code">{receipt.code}</code>
        </dd>
        <dt>{t('explanations.receipt.secret')}</dt>
        <dd>
          <code data-testid="receipt-secret">{receipt.secret}</code>
        </dd>
        <dt>{t('explanations.acknowledgeBy')}</dt>
        <dd data-testid="receipt-acknowledge-by">
          <time dateTime={receipt.acknowledgeBy}>{formatDay(receipt.acknowledgeBy, lang(), 'long')}</time>
        </dd>
      </dl>
      <p class="notice">{inPerson ? t('explanations.receipt.inPersonNote') : t('explanations.receipt.secretNote')}</p>
      <p class="muted">{t('explanations.receipt.ackNote')}</p>
      <p>
        <Link href={paths.explanationByCode(receipt.code)} class="button">
          {t('explanations.receipt.follow')}
        </Link>
      </p>
    </section>
  );
}
