import { useState } from 'preact/hooks';
import { api, command } from '../../api/client';
import type { CommandAccepted, EvidenceKind, SupervisionEvidenceView } from '../../api/types';
import { lang, t } from '../../i18n/i18n';
import { vietnamDayPlus } from '../../time/format';
import { GUID, useProvinces } from './labels';
import { AgencyChoice, StepForm, lines, type FormProps } from './StepForm';

/** The steps from the plan to the fieldwork: the plan, the evidence, the agencies' reports and supplements, field visits. */

/** The plan and report outline, with the programme's working sessions: each at least ten days after it goes out. */
export function PlanForm({ topic, onDone }: FormProps) {
  const [outline, setOutline] = useState('');
  const [sessions, setSessions] = useState<string[]>(() => (topic.workingSessions.length > 0 ? [...topic.workingSessions] : [vietnamDayPlus(14)]));
  const setSession = (i: number, value: string) => setSessions(sessions.map((s, j) => (j === i ? value : s)));
  return (
    <StepForm
      id="plan"
      title={topic.stage === 'planned' ? t('supervision.form.amendPlan') : t('supervision.form.plan')}
      submit={t('supervision.form.sendPlan')}
      done={t('supervision.done.plan')}
      onDone={onDone}
      action={() =>
        command('/api/supervision/{topicId}/plan', { topicId: topic.topicId }, { outlineMarkdown: outline, workingSessions: sessions.filter(Boolean), programmeSentOn: null })
      }
    >
      <label class="field">
        <span class="field__label">{t('supervision.form.outline')}</span>
        <textarea name="outline" required maxLength={20000} rows={5} value={outline} onInput={e => setOutline(e.currentTarget.value)} />
        <span class="muted field__hint">{t('commitment.markdownHint')}</span>
      </label>
      <fieldset class="field">
        <legend class="field__label">{t('supervision.workingSessions')}</legend>
        <p class="muted field__hint">{t('supervision.form.noticeHint')}</p>
        {sessions.map((s, i) => (
          <div key={i} class="field-row">
            <label class="field">
              <span class="field__label">{t('supervision.form.session', { number: i + 1 })}</span>
              <input name="workingSession" type="date" required value={s} onInput={e => setSession(i, e.currentTarget.value)} />
            </label>
            {sessions.length > 1 && (
              <button type="button" class="button button--small button--secondary" onClick={() => setSessions(sessions.filter((_, j) => j !== i))}>
                {t('supervision.form.removeSession', { number: i + 1 })}
              </button>
            )}
          </div>
        ))}
        <button type="button" class="button button--small button--secondary" onClick={() => setSessions([...sessions, vietnamDayPlus(14)])}>
          {t('supervision.form.addSession')}
        </button>
      </fieldset>
    </StepForm>
  );
}

/** Links a petition (by its code or id) or a commitment (by id); and unlinks one, with the reason. */
export function EvidenceForms({ topic, evidence, onDone }: FormProps & { readonly evidence: readonly SupervisionEvidenceView[] }) {
  const [kind, setKind] = useState<EvidenceKind>('petition');
  const [reference, setReference] = useState('');
  const [removal, setRemoval] = useState('');
  const [reason, setReason] = useState('');
  const chosen = evidence.find(e => `${e.kind}/${e.id}` === removal) ?? evidence[0];
  const link = async (): Promise<CommandAccepted> => {
    const text = reference.trim();
    // A petition is found by the code voters are given; an id is taken as it is.
    const id = kind === 'petition' && !GUID.test(text) ? (await api.petitionByCode(text)).petition.petitionId : text;
    return command('/api/supervision/{topicId}/evidence', { topicId: topic.topicId }, { links: [{ kind, id }] });
  };

  return (
    <>
      <StepForm
        id="evidence"
        title={t('supervision.form.link')}
        submit={t('supervision.form.linkButton')}
        done={t('supervision.done.linked')}
        onDone={onDone}
        reset={() => setReference('')}
        action={link}
      >
        <div class="field-grid">
          <label class="field">
            <span class="field__label">{t('supervision.form.kind')}</span>
            <select name="evidenceKind" value={kind} onChange={e => setKind(e.currentTarget.value as EvidenceKind)}>
              <option value="petition">{t('supervision.form.kind.petition')}</option>
              <option value="commitment">{t('supervision.form.kind.commitment')}</option>
            </select>
          </label>
          <label class="field">
            <span class="field__label">{kind === 'petition' ? t('supervision.form.petitionRef') : t('supervision.form.commitmentRef')}</span>
            <input name="evidenceRef" required maxLength={60} autoComplete="off" value={reference} onInput={e => setReference(e.currentTarget.value)} />
          </label>
        </div>
      </StepForm>
      {evidence.length > 0 && chosen && (
        <StepForm
          id="unlink"
          title={t('supervision.form.unlink')}
          submit={t('supervision.form.unlinkButton')}
          done={t('supervision.done.unlinked')}
          onDone={onDone}
          reset={() => setReason('')}
          action={() =>
            command('/api/supervision/{topicId}/evidence/removal', { topicId: topic.topicId }, { kind: chosen.kind, id: chosen.id, reason })
          }
        >
          <label class="field">
            <span class="field__label">{t('supervision.form.linked')}</span>
            <select name="linked" value={`${chosen.kind}/${chosen.id}`} onChange={e => setRemoval(e.currentTarget.value)}>
              {evidence.map(e => (
                <option key={`${e.kind}/${e.id}`} value={`${e.kind}/${e.id}`}>
                  {e.petition ? `${e.petition.code} — ${e.petition.title}` : (e.commitment?.text ?? e.id)}
                </option>
              ))}
            </select>
          </label>
          <label class="field">
            <span class="field__label">{t('supervision.form.reason')}</span>
            <input name="unlinkReason" required maxLength={2000} value={reason} onInput={e => setReason(e.currentTarget.value)} />
          </label>
        </StepForm>
      )}
    </>
  );
}

/** A supervised agency's report (or its supplement), filed by its officer or the secretariat. */
export function ReportForm({ topic, agencies, onDone }: FormProps & { readonly agencies: readonly string[] }) {
  const [agencyChoice, setAgencyChoice] = useState('');
  const agencyId = agencies.includes(agencyChoice) ? agencyChoice : (agencies[0] ?? '');
  const [markdown, setMarkdown] = useState('');
  const [attachments, setAttachments] = useState('');
  return (
    <StepForm
      id="report"
      title={t('supervision.form.report')}
      submit={t('supervision.form.reportButton')}
      done={t('supervision.done.report')}
      onDone={onDone}
      reset={() => {
        setMarkdown('');
        setAttachments('');
      }}
      action={() =>
        command('/api/supervision/{topicId}/reports', { topicId: topic.topicId }, { agencyId, markdown, attachments: lines(attachments) })
      }
    >
      <AgencyChoice topic={topic} agencies={agencies} value={agencyId} onChange={setAgencyChoice} />
      <label class="field">
        <span class="field__label">{t('supervision.form.reportText')}</span>
        <textarea name="report" required maxLength={50000} rows={6} value={markdown} onInput={e => setMarkdown(e.currentTarget.value)} />
        <span class="muted field__hint">{t('commitment.markdownHint')}</span>
      </label>
      <label class="field">
        <span class="field__label">{t('supervision.form.attachments')}</span>
        <textarea name="attachments" rows={2} value={attachments} onInput={e => setAttachments(e.currentTarget.value)} />
      </label>
    </StepForm>
  );
}

/** Asks an agency to supplement its report: due five days on (the server counts it). */
export function SupplementForm({ topic, onDone }: FormProps) {
  const [agencyChoice, setAgencyChoice] = useState('');
  const agencyId = agencyChoice || topic.supervised[0]?.agencyId || '';
  const [what, setWhat] = useState('');
  return (
    <StepForm
      id="supplement"
      title={t('supervision.form.supplement')}
      submit={t('supervision.form.supplementButton')}
      done={t('supervision.done.supplement')}
      onDone={onDone}
      reset={() => setWhat('')}
      action={() => command('/api/supervision/{topicId}/supplements', { topicId: topic.topicId }, { agencyId, what })}
    >
      <AgencyChoice topic={topic} value={agencyId} onChange={setAgencyChoice} />
      <label class="field">
        <span class="field__label">{t('supervision.form.what')}</span>
        <textarea name="what" required maxLength={4000} rows={3} value={what} onInput={e => setWhat(e.currentTarget.value)} />
      </label>
    </StepForm>
  );
}

/** A field visit once held: the day, the place and what it found. */
export function VisitForm({ topic, onDone }: FormProps) {
  const provinces = useProvinces();
  const today = vietnamDayPlus(0);
  const [date, setDate] = useState(today);
  // A People's Council's province from its id ("pc-hue", "pc-hue-thuan-hoa" → hue); otherwise the first.
  const guess = provinces?.find(p => topic.bodyId === `pc-${p.provinceId}` || topic.bodyId.startsWith(`pc-${p.provinceId}-`))?.provinceId;
  const [provinceChoice, setProvinceChoice] = useState('');
  const provinceId = provinceChoice || guess || provinces?.[0]?.provinceId || '';
  const [commune, setCommune] = useState('');
  const [notes, setNotes] = useState('');
  return (
    <StepForm
      id="visit"
      title={t('supervision.form.visit')}
      submit={t('supervision.form.visitButton')}
      done={t('supervision.done.visit')}
      onDone={onDone}
      reset={() => setNotes('')}
      disabled={!provinceId}
      action={() =>
        command('/api/supervision/{topicId}/visits', { topicId: topic.topicId }, { date, provinceId, commune: commune.trim() || null, notesMarkdown: notes })
      }
    >
      <div class="field-grid">
        <label class="field">
          <span class="field__label">{t('supervision.form.visitDate')}</span>
          <input name="visitDate" type="date" required max={today} value={date} onInput={e => setDate(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span class="field__label">{t('supervision.form.province')}</span>
          <select name="provinceId" required value={provinceId} onChange={e => setProvinceChoice(e.currentTarget.value)}>
            {provinces?.map(p => (
              <option key={p.provinceId} value={p.provinceId}>
                {lang() === 'en' ? p.nameEn : p.name}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span class="field__label">{t('supervision.form.commune')}</span>
          <input name="commune" maxLength={120} value={commune} onInput={e => setCommune(e.currentTarget.value)} />
        </label>
      </div>
      <label class="field">
        <span class="field__label">{t('supervision.form.visitNotes')}</span>
        <textarea name="visitNotes" required maxLength={20000} rows={4} value={notes} onInput={e => setNotes(e.currentTarget.value)} />
      </label>
    </StepForm>
  );
}
