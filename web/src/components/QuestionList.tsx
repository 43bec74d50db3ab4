import type { SittingView } from '../api/types';
import { lang, t } from '../i18n/i18n';
import { formatDay } from '../time/format';
import { questionStatusLabel } from './labels';

/** Every question of the sitting and where it stands; a question owed in writing shows its legal deadline. */
export function QuestionList({ sitting }: { readonly sitting: SittingView }) {
  return (
    <section class="panel" aria-labelledby="questions-heading">
      <h2 id="questions-heading" class="panel__title">
        {t('questions.title', { count: sitting.questions.length })}
      </h2>
      {sitting.questions.length === 0 ? (
        <p class="muted">{t('questions.empty')}</p>
      ) : (
        <ul class="question-list" data-testid="questions">
          {sitting.questions.map(q => (
            <li key={q.questionId} id={`question-${q.questionId}`} class="question-list__item">
              <p class="question-list__text">{q.text}</p>
              <p class="question-list__meta muted">
                <span class={`badge badge--q-${q.status}`}>{questionStatusLabel(q.status)}</span> {q.deputyName} ·{' '}
                {t('speaker.to', { name: q.respondent.name, office: q.respondent.office })}
              </p>
              {q.status === 'writtenAnswerDue' && q.writtenAnswerDueBy && (
                <p class="question-list__due">{t('questions.writtenDue', { date: formatDay(q.writtenAnswerDueBy, lang()) })}</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
