import type { ScreenProps } from '../../app/App';
import type { SittingView } from '../../api/types';
import { personIn, useMe } from '../../auth/session';
import { Commitments } from '../../components/Commitments';
import { ConnectionBanner } from '../../components/ConnectionBanner';
import { Countdown } from '../../components/Countdown';
import { turnKindLabel } from '../../components/labels';
import { SpeakerQueue } from '../../components/SpeakerQueue';
import { t } from '../../i18n/i18n';
import type { LinkStatus } from '../../live/connection';
import { SittingLoader } from '../SittingLoader';
import { SittingScreenLinks } from '../SittingScreenLinks';
import './respondent.css';

/**
 * On-screen answering: the screen in front of the minister, read from a distance. It shows the question
 * being asked and who asks it, the clock for the turn, what is still queued in the cluster, and the
 * respondent's own commitments. All of it is public; a signed-in respondent sees their own commitments,
 * anyone else those of the open cluster's main respondent.
 */
export default function RespondentScreen({ route }: ScreenProps) {
  if (route.name !== 'respondent') {
    return null;
  }

  return (
    <SittingLoader sittingId={route.sittingId} title={t('respondent.title')}>
      {(sitting, live) => <RespondentView sitting={sitting} offsetMs={live.offsetMs} link={live.link} />}
    </SittingLoader>
  );
}

function RespondentView({ sitting, offsetMs, link }: { readonly sitting: SittingView; readonly offsetMs: number; readonly link: LinkStatus }) {
  const me = useMe();
  const cluster = sitting.clusters.find(c => c.clusterId === sitting.openClusterId);
  const officialId = personIn(me, 'respondent', sitting.bodyId) ?? cluster?.main.officialId ?? sitting.clusters[0]?.main.officialId ?? '';
  const official = sitting.clusters.flatMap(c => [c.main, ...c.related]).find(r => r.officialId === officialId);
  const turn = sitting.currentTurn;
  const shown = turn
    ? sitting.questions.filter(q => turn.questionIds.includes(q.questionId))
    : cluster?.awaitingAnswer
      ? sitting.questions.filter(q => q.clusterId === cluster.clusterId && q.status === 'asked')
      : [];

  return (
    <div class="respondent">
      <ConnectionBanner link={link} />
      <header class="respondent__top">
        <div>
          <p class="respondent__cluster-label">{cluster ? t('respondent.cluster') : sitting.title}</p>
          <h1 class="respondent__cluster">{cluster ? cluster.title : t('cluster.none')}</h1>
        </div>
        {official && (
          <p class="respondent__who" data-testid="respondent-who">
            {official.name}
            <span>{official.office}</span>
          </p>
        )}
      </header>

      <section class="respondent__stage" aria-labelledby="stage-heading">
        <h2 id="stage-heading" class="visually-hidden">
          {t('respondent.stage')}
        </h2>
        <div class="respondent__now" aria-live="polite" aria-atomic="true" data-testid="respondent-now">
          {turn ? (
            <p class="respondent__speaker">
              <span class={`tag tag--${turn.kind}`}>{turnKindLabel(turn.kind)}</span> {turn.speakerName}
            </p>
          ) : (
            <p class="respondent__speaker">{cluster?.awaitingAnswer ? t('respondent.yourAnswer') : t('respondent.waiting')}</p>
          )}
        </div>
        {shown.map(q => (
          <figure class="respondent__question" key={q.questionId} data-testid="respondent-question">
            <blockquote>{q.text}</blockquote>
            <figcaption>{t('speaker.askedBy', { name: q.deputyName })}</figcaption>
          </figure>
        ))}
        {turn && (
          <div class="respondent__clock">
            <p class="respondent__clock-label">{turn.kind === 'answer' || turn.kind === 'clarification' ? t('respondent.answerTime') : t('respondent.turnTime')}</p>
            <Countdown turn={turn} offsetMs={offsetMs} size="huge" />
          </div>
        )}
      </section>

      <div class="respondent__below">
        <SpeakerQueue sitting={sitting} withQuestions />
        <Commitments
          sitting={sitting}
          filter={c => c.respondent.officialId === officialId}
          title={me && personIn(me, 'respondent', sitting.bodyId) ? t('respondent.myCommitments') : t('respondent.commitmentsOf', { name: official?.name ?? '' })}
        />
      </div>
      <SittingScreenLinks sittingId={sitting.sittingId} current="respondent" />
    </div>
  );
}
