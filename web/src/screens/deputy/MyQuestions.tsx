import type { QuestionState, SittingView } from '../../api/types';
import { questionStatusLabel } from '../../components/labels';
import { lang, t } from '../../i18n/i18n';
import { formatDuration, parseTimeSpan } from '../../time/clock';
import { formatDay, formatTime } from '../../time/format';

/** The deputy's own questions: where each stands, its answers (with their transcript), its commitments, or its written-answer deadline. */
export function MyQuestions({ sitting, deputyId }: { readonly sitting: SittingView; readonly deputyId: string }) {
  const mine = sitting.questions.filter(q => q.deputyId === deputyId);
  return (
    <section class="panel" aria-labelledby="my-questions-heading">
      <h2 id="my-questions-heading" class="panel__title">
        {t('deputy.myQuestions')}
      </h2>
      {mine.length === 0 ? (
        <p class="muted">{t('deputy.noQuestions')}</p>
      ) : (
        <ul class="my-questions" data-testid="my-questions">
          {mine.map(q => (
            <MyQuestion key={q.questionId} sitting={sitting} question={q} />
          ))}
        </ul>
      )}
    </section>
  );
}

function MyQuestion({ sitting, question: q }: { readonly sitting: SittingView; readonly question: QuestionState }) {
  const cluster = sitting.clusters.find(c => c.clusterId === q.clusterId);
  const answers = [...sitting.turns, ...(sitting.currentTurn ? [sitting.currentTurn] : [])].filter(
    turn => turn.kind === 'answer' && turn.questionIds.includes(q.questionId),
  );
  const answerIds = answers.map(a => a.turnId);
  const segments = sitting.transcript.filter(s => s.turnId !== null && answerIds.includes(s.turnId));
  const commitments = sitting.commitments.filter(c => c.questionId === q.questionId);
  return (
    <li class="my-question" id={`question-${q.questionId}`}>
      <p class="my-question__text">{q.text}</p>
      <p class="my-question__meta muted">
        <span class={`badge badge--q-${q.status}`}>{questionStatusLabel(q.status)}</span> {cluster ? cluster.title : t('deputy.outsideClusters')} ·{' '}
        {t('speaker.to', { name: q.respondent.name, office: q.respondent.office })}
      </p>
      {q.status === 'writtenAnswerDue' && q.writtenAnswerDueBy && (
        <p class="my-question__due">
          <strong>{t('deputy.writtenDue', { date: formatDay(q.writtenAnswerDueBy, lang()) })}</strong>
        </p>
      )}
      {answers.map(a => (
        <p key={a.turnId} class="my-question__answer">
          {t('deputy.answeredBy', { name: a.speakerName, time: formatTime(a.startedAt, lang()) })}
          {a.duration && ` · ${formatDuration(parseTimeSpan(a.duration))}`}
          {a.overrun && parseTimeSpan(a.overrun) >= 1000 && (
            <strong class="overrun"> · {t('turns.overrun', { time: formatDuration(parseTimeSpan(a.overrun)) })}</strong>
          )}
        </p>
      ))}
      {segments.map(s => (
        <div key={s.segmentId} class="prose my-question__transcript" dangerouslySetInnerHTML={{ __html: s.html }} />
      ))}
      {commitments.map(c => (
        <p key={c.commitmentId} class="my-question__commitment">
          <strong>{t('deputy.commitment')}</strong> {c.text} ({c.owner}, {formatDay(c.deadline, lang())})
        </p>
      ))}
    </li>
  );
}
