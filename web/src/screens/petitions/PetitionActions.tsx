import { useState } from 'preact/hooks';
import { ApiError, api, command } from '../../api/client';
import type { EscalationTarget, PersonalDetails, PetitionOutcome, PetitionSummary } from '../../api/types';
import { AgencySelect } from '../../components/AgencySelect';
import { CommandFeedback } from '../../components/CommandFeedback';
import { useBodyView } from '../../components/hooks';
import { ProblemMessage } from '../../components/ProblemMessage';
import { useCommand } from '../../components/useCommand';
import { lang, t } from '../../i18n/i18n';
import { formatDateTime } from '../../time/format';
import { normalizeCode } from './codes';
import { outcomeLabel, petitionOutcomes, targetLabel } from './labels';

interface ActionProps {
  readonly petition: PetitionSummary;
  readonly onDone: () => Promise<unknown>;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The body's secretariat or supervising committee: route to one of the body's agencies (or reroute, saying why,
 * until it is answered), merge a duplicate into this one, and escalate an unsatisfactory or overdue petition.
 */
export function StewardActions({ petition: p, onDone }: ActionProps) {
  const merged = p.status === 'merged';
  return (
    <section class="panel" aria-labelledby="steward-heading" data-testid="steward-actions">
      <h2 id="steward-heading" class="panel__title">
        {t('petitions.steward')}
      </h2>
      {!merged && !p.agencyId && <RouteForm petition={p} onDone={onDone} />}
      {!merged && p.agencyId && p.answers === 0 && <RouteForm petition={p} onDone={onDone} reroute />}
      {!merged && <MergeForm petition={p} onDone={onDone} />}
      {!merged && <EscalateForm petition={p} onDone={onDone} />}
    </section>
  );
}

function RouteForm({ petition: p, onDone, reroute = false }: ActionProps & { readonly reroute?: boolean }) {
  const state = useCommand();
  const body = useBodyView(p.bodyId);
  const [chosen, setChosen] = useState('');
  const [reason, setReason] = useState('');
  const others = reroute ? (body?.agencies.filter(a => a.agencyId !== p.agencyId) ?? []) : (body?.agencies ?? []);
  const agencyId = chosen || others[0]?.agencyId || '';
  const submit = async (e: Event) => {
    e.preventDefault();
    const params = { petitionId: p.petitionId };
    const ok = await state.run(reroute ? t('petitions.done.rerouted') : t('petitions.done.routed'), () =>
      reroute
        ? command('/api/petitions/{petitionId}/rerouting', params, { agencyId, agencyBodyId: null, reason })
        : command('/api/petitions/{petitionId}/routing', params, { agencyId, agencyBodyId: null, reason: null }),
    );
    if (ok) {
      setReason('');
      await onDone();
    }
  };

  return (
    <form class="form petition-form" onSubmit={submit} data-testid={reroute ? 'reroute-form' : 'route-form'}>
      <h3 class="petition-form__title">{reroute ? t('petitions.reroute') : t('petitions.route')}</h3>
      <AgencySelect body={body ? { ...body, agencies: others } : null} label={t('petitions.agency')} value={agencyId} onChange={setChosen} />
      {!reroute && <p class="muted field__hint">{t('petitions.routeHint')}</p>}
      {reroute && (
        <label class="field">
          <span class="field__label">{t('petitions.reason')}</span>
          <textarea name="reason" required maxLength={2000} rows={2} value={reason} onInput={e => setReason(e.currentTarget.value)} />
        </label>
      )}
      <div class="button-row">
        <button type="submit" class={reroute ? 'button button--secondary' : 'button'} disabled={state.busy || !agencyId}>
          {reroute ? t('petitions.rerouteGo') : t('petitions.routeGo')}
        </button>
      </div>
      <CommandFeedback state={state} />
    </form>
  );
}

/** A duplicate named by its code (typed loosely) or its id is folded into this petition, with its sources and supporters. */
function MergeForm({ petition: p, onDone }: ActionProps) {
  const state = useCommand();
  const [other, setOther] = useState('');
  const submit = async (e: Event) => {
    e.preventDefault();
    const ok = await state.run(t('petitions.done.merged'), async () => {
      const text = other.trim();
      let duplicateId: string;
      if (GUID.test(text)) {
        duplicateId = text.toLowerCase();
      } else {
        const code = normalizeCode(text);
        if (!code) {
          throw new ApiError(400, { code: 'petition_code_invalid' });
        }

        duplicateId = (await api.petitionByCode(code)).petition.petitionId;
      }

      return command('/api/petitions/{petitionId}/merge', { petitionId: p.petitionId }, { duplicateId });
    });
    if (ok) {
      setOther('');
      await onDone();
    }
  };

  return (
    <form class="form petition-form" onSubmit={submit} data-testid="merge-form">
      <h3 class="petition-form__title">{t('petitions.merge')}</h3>
      <label class="field">
        <span class="field__label">{t('petitions.duplicate')}</span>
        <input name="duplicate" required maxLength={40} autoComplete="off" value={other} onInput={e => setOther(e.currentTarget.value)} />
      </label>
      <p class="muted field__hint">{t('petitions.mergeHint')}</p>
      <div class="button-row">
        <button type="submit" class="button button--secondary" disabled={state.busy}>
          {t('petitions.mergeGo')}
        </button>
      </div>
      <CommandFeedback state={state} />
    </form>
  );
}

function EscalateForm({ petition: p, onDone }: ActionProps) {
  const state = useCommand();
  const [target, setTarget] = useState<EscalationTarget>('supervisionTopic');
  const [targetId, setTargetId] = useState('');
  const [reason, setReason] = useState('');
  const submit = async (e: Event) => {
    e.preventDefault();
    const ok = await state.run(t('petitions.done.escalated'), () =>
      command('/api/petitions/{petitionId}/escalation', { petitionId: p.petitionId }, { target, targetId: targetId.trim(), reason }),
    );
    if (ok) {
      setReason('');
      await onDone();
    }
  };

  return (
    <form class="form petition-form" onSubmit={submit} data-testid="escalate-form">
      <h3 class="petition-form__title">{t('petitions.escalate')}</h3>
      <p class="muted field__hint">{t('petitions.escalateHint')}</p>
      <div class="field-grid">
        <label class="field">
          <span class="field__label">{t('petitions.target')}</span>
          <select name="target" value={target} onChange={e => setTarget(e.currentTarget.value as EscalationTarget)}>
            {(['supervisionTopic', 'question'] as const).map(x => (
              <option key={x} value={x}>
                {targetLabel(x)}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span class="field__label">{t('petitions.targetId')}</span>
          <input
            name="targetId"
            required
            pattern="[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
            autoComplete="off"
            value={targetId}
            onInput={e => setTargetId(e.currentTarget.value)}
          />
        </label>
      </div>
      <label class="field">
        <span class="field__label">{t('petitions.reason')}</span>
        <textarea name="escalationReason" required maxLength={2000} rows={2} value={reason} onInput={e => setReason(e.currentTarget.value)} />
      </label>
      <div class="button-row">
        <button type="submit" class="button button--secondary" disabled={state.busy}>
          {t('petitions.escalateGo')}
        </button>
      </div>
      <CommandFeedback state={state} />
    </form>
  );
}

/** The routed agency's officer answers, saying whether the matter is resolved, being resolved, or explained. */
export function AnswerForm({ petition: p, onDone }: ActionProps) {
  const state = useCommand();
  const [markdown, setMarkdown] = useState('');
  const [outcome, setOutcome] = useState<PetitionOutcome>('resolved');
  const submit = async (e: Event) => {
    e.preventDefault();
    const ok = await state.run(t('petitions.done.answered'), () =>
      command('/api/petitions/{petitionId}/answers', { petitionId: p.petitionId }, { markdown, outcome }),
    );
    if (ok) {
      setMarkdown('');
      await onDone();
    }
  };

  return (
    <section class="panel" aria-labelledby="answer-heading" data-testid="answer-form">
      <h2 id="answer-heading" class="panel__title">
        {t('petitions.answerHeading', { agency: p.agencyName ?? '' })}
      </h2>
      <form class="form" onSubmit={submit}>
        <label class="field">
          <span class="field__label">{t('petitions.answerText')}</span>
          <textarea name="markdown" required maxLength={20000} rows={6} value={markdown} onInput={e => setMarkdown(e.currentTarget.value)} />
          <span class="muted field__hint">{t('commitment.markdownHint')}</span>
        </label>
        <fieldset class="field">
          <legend class="field__label">{t('petitions.outcomeLabel')}</legend>
          {petitionOutcomes.map(o => (
            <label key={o} class="choice">
              <input type="radio" name="outcome" value={o} checked={outcome === o} onChange={() => setOutcome(o)} /> {outcomeLabel(o)}
            </label>
          ))}
        </fieldset>
        <p class="muted field__hint">{t('petitions.outcomeHint')}</p>
        <div class="button-row">
          <button type="submit" class="button" disabled={state.busy}>
            {t('petitions.answerGo')}
          </button>
        </div>
        <CommandFeedback state={state} />
      </form>
    </section>
  );
}

/** The secretariat, a deputy or the supervising committee records that voters were told of the answer. */
export function ReportBackForm({ petition: p, onDone }: ActionProps) {
  const state = useCommand();
  const [channel, setChannel] = useState('');
  const [note, setNote] = useState('');
  const submit = async (e: Event) => {
    e.preventDefault();
    const ok = await state.run(t('petitions.done.reportedBack'), () =>
      command('/api/petitions/{petitionId}/report-back', { petitionId: p.petitionId }, { channel, note: note.trim() || null }),
    );
    if (ok) {
      await onDone();
    }
  };

  return (
    <section class="panel" aria-labelledby="report-back-heading" data-testid="report-back-form">
      <h2 id="report-back-heading" class="panel__title">
        {t('petitions.reportBack')}
      </h2>
      <form class="form" onSubmit={submit}>
        <div class="field-grid">
          <label class="field">
            <span class="field__label">{t('petitions.reportChannel')}</span>
            <input name="channel" required maxLength={100} value={channel} onInput={e => setChannel(e.currentTarget.value)} />
          </label>
          <label class="field">
            <span class="field__label">{t('petitions.reportNote')}</span>
            <input name="note" maxLength={2000} value={note} onInput={e => setNote(e.currentTarget.value)} />
          </label>
        </div>
        <div class="button-row">
          <button type="submit" class="button" disabled={state.busy}>
            {t('petitions.reportBackGo')}
          </button>
        </div>
        <CommandFeedback state={state} />
      </form>
    </section>
  );
}

/** Who filed: for the body's secretariat and supervising committee and the answering agency only; never public. */
export function Submitters({ petition: p }: { readonly petition: PetitionSummary }) {
  const [list, setList] = useState<PersonalDetails[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const show = async () => {
    setBusy(true);
    setError(null);
    try {
      setList(await api.submitters(p.petitionId));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="panel" aria-labelledby="submitters-heading" data-testid="submitters">
      <h2 id="submitters-heading" class="panel__title">
        {t('petitions.submitters')}
      </h2>
      <p class="muted">{t('petitions.submittersNote')}</p>
      {list === null ? (
        <button type="button" class="button button--secondary button--small" disabled={busy} onClick={() => void show()}>
          {t('petitions.showSubmitters')}
        </button>
      ) : (
        <div role="status">
          {list.length === 0 ? (
            <p>{t('petitions.noSubmitters')}</p>
          ) : (
            <ul class="plain-list" data-testid="submitter-list">
              {list.map(s => (
                <li key={s.subjectId}>
                  {s.erasedAt
                    ? t('petitions.erasedOn', { date: formatDateTime(s.erasedAt, lang()) })
                    : [s.fullName, s.contact, s.address].filter(Boolean).join(' · ') || t('petitions.anonymous')}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <ProblemMessage error={error} />
    </section>
  );
}
