import { useState } from 'preact/hooks';
import { command } from '../../api/client';
import type { ExplanationView, RefusalGround } from '../../api/types';
import { AgencySelect } from '../../components/AgencySelect';
import { BodySelect } from '../../components/BodySelect';
import { CommandFeedback } from '../../components/CommandFeedback';
import { useBodyView } from '../../components/hooks';
import { useCommand } from '../../components/useCommand';
import { t } from '../../i18n/i18n';
import { vietnamDayPlus } from '../../time/format';
import { groundLabel, refusalGrounds } from './parts';

/** The steps the officers of the agency holding a request take on it; who may take each is the decider's rule. */

interface ActionProps {
  readonly view: ExplanationView;
  readonly onDone: () => Promise<unknown>;
}

/** Within five working days: accept (the server sets the explain-by day), refuse on a ground, or send it to the right agency. */
export function AcknowledgeActions({ view, onDone }: ActionProps) {
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
export function ExplainActions({ view, onDone }: ActionProps) {
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
