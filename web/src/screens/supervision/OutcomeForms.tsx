import { useState } from 'preact/hooks';
import { command } from '../../api/client';
import { AgencySelect } from '../../components/AgencySelect';
import { DeadlineKind } from '../../components/DeadlineKind';
import { useBodyView } from '../../components/hooks';
import { t } from '../../i18n/i18n';
import { vietnamDayPlus } from '../../time/format';
import type { FindingChoice } from './labels';
import { StepForm, type FormProps } from './StepForm';

/** The steps from what the supervision saw to its close: findings, recommendations, the resolution, follow-up, closing. */

export function FindingForm({ topic, onDone }: FormProps) {
  const [markdown, setMarkdown] = useState('');
  return (
    <StepForm
      id="finding"
      title={t('supervision.form.finding')}
      submit={t('supervision.form.findingButton')}
      done={t('supervision.done.finding')}
      onDone={onDone}
      reset={() => setMarkdown('')}
      action={() => command('/api/supervision/{topicId}/findings', { topicId: topic.topicId }, { markdown })}
    >
      <label class="field">
        <span class="field__label">{t('supervision.form.findingText')}</span>
        <textarea name="finding" required maxLength={20000} rows={4} value={markdown} onInput={e => setMarkdown(e.currentTarget.value)} />
        <span class="muted field__hint">{t('commitment.markdownHint')}</span>
      </label>
    </StepForm>
  );
}

/** A recommendation to one agency of the body, with a date or "before session N", answering some findings: it becomes a commitment. */
export function RecommendationForm({ topic, findings, onDone }: FormProps & { readonly findings: readonly FindingChoice[] }) {
  const body = useBodyView(topic.bodyId);
  const [agencyChoice, setAgencyChoice] = useState('');
  const agencyId = agencyChoice || topic.supervised.find(a => a.agencyBodyId === topic.bodyId)?.agencyId || body?.agencies[0]?.agencyId || '';
  const [text, setText] = useState('');
  const [expected, setExpected] = useState('');
  const [session, setSession] = useState('');
  const [deadline, setDeadline] = useState(() => vietnamDayPlus(90));
  const [answers, setAnswers] = useState<readonly string[]>([]);
  return (
    <StepForm
      id="recommendation"
      title={t('supervision.form.recommendation')}
      submit={t('supervision.form.recommendationButton')}
      done={t('supervision.done.recommendation')}
      onDone={onDone}
      reset={() => {
        setText('');
        setExpected('');
        setAnswers([]);
      }}
      disabled={!agencyId}
      action={() =>
        command(
          '/api/supervision/{topicId}/recommendations',
          { topicId: topic.topicId },
          {
            text,
            expectedResult: expected.trim() || null,
            agencyId,
            agencyBodyId: topic.bodyId,
            deadline: session ? null : deadline,
            beforeSession: session ? Number(session) : null,
            findingIds: [...answers],
          },
        )
      }
    >
      <label class="field">
        <span class="field__label">{t('supervision.form.recommendationText')}</span>
        <textarea name="recommendation" required maxLength={4000} rows={3} value={text} onInput={e => setText(e.currentTarget.value)} />
      </label>
      <label class="field">
        <span class="field__label">{t('commitment.expected')}</span>
        <input name="expectedResult" maxLength={4000} value={expected} onInput={e => setExpected(e.currentTarget.value)} />
      </label>
      <div class="field-grid">
        <AgencySelect body={body} label={t('supervision.form.recommendationAgency')} value={agencyId} onChange={setAgencyChoice} />
        <DeadlineKind body={body} value={session} onChange={setSession} />
        <label class="field" hidden={session !== ''}>
          <span class="field__label">{t('commitment.newDeadline')}</span>
          <input name="deadline" type="date" required={session === ''} value={deadline} onInput={e => setDeadline(e.currentTarget.value)} />
        </label>
      </div>
      {findings.length > 0 && (
        <fieldset class="field">
          <legend class="field__label">{t('supervision.form.answers')}</legend>
          {findings.map((f, i) => (
            <label key={f.findingId} class="choice">
              <input
                type="checkbox"
                name="findingIds"
                value={f.findingId}
                checked={answers.includes(f.findingId)}
                onChange={e => setAnswers(e.currentTarget.checked ? [...answers, f.findingId] : answers.filter(a => a !== f.findingId))}
              />{' '}
              {t('supervision.form.findingNumber', { number: i + 1 })}: {f.text}
            </label>
          ))}
        </fieldset>
      )}
    </StepForm>
  );
}

/** The body's resolution on the supervision, once findings are recorded: the secretariat or the chair enters it. */
export function ResolutionForm({ topic, onDone }: FormProps) {
  const [reference, setReference] = useState('');
  const [adoptedOn, setAdoptedOn] = useState(() => vietnamDayPlus(0));
  const [markdown, setMarkdown] = useState('');
  return (
    <StepForm
      id="resolution"
      title={t('supervision.form.resolution')}
      submit={t('supervision.form.resolutionButton')}
      done={t('supervision.done.resolution')}
      onDone={onDone}
      action={() =>
        command('/api/supervision/{topicId}/resolution', { topicId: topic.topicId }, { reference, adoptedOn, markdown: markdown.trim() || null })
      }
    >
      <div class="field-grid">
        <label class="field">
          <span class="field__label">{t('resolutions.number')}</span>
          <input name="reference" required maxLength={200} value={reference} onInput={e => setReference(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span class="field__label">{t('resolutions.adoptedOn')}</span>
          <input name="adoptedOn" type="date" required max={vietnamDayPlus(0)} value={adoptedOn} onInput={e => setAdoptedOn(e.currentTarget.value)} />
        </label>
      </div>
      <label class="field">
        <span class="field__label">{t('supervision.form.resolutionText')}</span>
        <textarea name="resolutionText" maxLength={50000} rows={5} value={markdown} onInput={e => setMarkdown(e.currentTarget.value)} />
      </label>
    </StepForm>
  );
}

export function FollowUpForm({ topic, onDone }: FormProps) {
  const [markdown, setMarkdown] = useState('');
  return (
    <StepForm
      id="follow-up"
      title={t('supervision.form.followUp')}
      submit={t('supervision.form.followUpButton')}
      done={t('supervision.done.followUp')}
      onDone={onDone}
      reset={() => setMarkdown('')}
      action={() => command('/api/supervision/{topicId}/follow-ups', { topicId: topic.topicId }, { markdown })}
    >
      <label class="field">
        <span class="field__label">{t('supervision.form.followUpText')}</span>
        <textarea name="followUp" required maxLength={20000} rows={3} value={markdown} onInput={e => setMarkdown(e.currentTarget.value)} />
      </label>
    </StepForm>
  );
}

export function CloseForm({ topic, onDone }: FormProps) {
  const [summary, setSummary] = useState('');
  return (
    <StepForm
      id="close"
      title={t('supervision.form.close')}
      submit={t('supervision.form.closeButton')}
      done={t('supervision.done.closed')}
      onDone={onDone}
      action={() => command('/api/supervision/{topicId}/closure', { topicId: topic.topicId }, { summary })}
    >
      <label class="field">
        <span class="field__label">{t('supervision.form.summary')}</span>
        <textarea name="summary" required maxLength={20000} rows={3} value={summary} onInput={e => setSummary(e.currentTarget.value)} />
      </label>
    </StepForm>
  );
}
