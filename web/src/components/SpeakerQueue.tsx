import type { RegistrationState, SittingView } from '../api/types';
import { t } from '../i18n/i18n';

interface Props {
  readonly sitting: SittingView;
  /** Mark this deputy's own place. */
  readonly me?: string | null;
  /** Show each registered question's text (the respondent screen). */
  readonly withQuestions?: boolean;
  readonly headingLevel?: 2 | 3;
}

/** The open cluster's speakers: those the chair has called, then those waiting, in the order they will be called. */
export function SpeakerQueue({ sitting, me = null, withQuestions = false, headingLevel = 2 }: Props) {
  const cluster = sitting.clusters.find(c => c.clusterId === sitting.openClusterId);
  const byId = new Map(sitting.registrations.map(r => [r.registrationId, r]));
  const called = (cluster?.called ?? []).flatMap(id => byId.get(id) ?? []);
  const waiting = (cluster?.queue ?? []).flatMap(id => byId.get(id) ?? []);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const item = (r: RegistrationState, label: string) => {
    const question = withQuestions ? sitting.questions.find(q => q.questionId === r.questionId) : undefined;
    return (
      <li key={r.registrationId} id={`queue-${r.registrationId}`} class={`queue__item${r.deputyId === me ? ' queue__item--me' : ''}`}>
        <span class="queue__place">{label}</span>
        <span class="queue__name">
          {r.deputyName}
          {r.deputyId === me && <span class="tag tag--me">{t('queue.you')}</span>}
        </span>
        {question && <span class="queue__question">{question.text}</span>}
      </li>
    );
  };

  return (
    <section class="panel" aria-labelledby="queue-heading">
      <Heading id="queue-heading" class="panel__title">
        {t('queue.title')}
      </Heading>
      {!cluster ? (
        <p class="muted">{t('queue.noCluster')}</p>
      ) : called.length + waiting.length === 0 ? (
        <p class="muted">{t('queue.empty')}</p>
      ) : (
        <ol class="queue" data-testid="queue">
          {called.map(r => item(r, t('queue.called')))}
          {waiting.map((r, i) => item(r, String(i + 1)))}
        </ol>
      )}
    </section>
  );
}
