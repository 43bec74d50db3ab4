import type { ScreenProps } from '../../app/App';
import { Agenda } from '../../components/Agenda';
import { ClusterNow } from '../../components/ClusterNow';
import { Commitments } from '../../components/Commitments';
import { QuestionList } from '../../components/QuestionList';
import { ConnectionBanner } from '../../components/ConnectionBanner';
import { SittingHeader } from '../../components/SittingHeader';
import { SpeakerNow } from '../../components/SpeakerNow';
import { SpeakerQueue } from '../../components/SpeakerQueue';
import { Transcript } from '../../components/Transcript';
import { TurnHistory } from '../../components/TurnHistory';
import { VideoEmbed } from '../../components/VideoEmbed';
import { t } from '../../i18n/i18n';
import { SittingLoader } from '../SittingLoader';
import { SittingScreenLinks } from '../SittingScreenLinks';
import './watch.css';

/** The public page: anyone may watch, no sign-in. */
export default function WatchScreen({ route }: ScreenProps) {
  if (route.name !== 'watch') {
    return null;
  }

  return (
    <SittingLoader sittingId={route.sittingId} title={t('watch.title')}>
      {(sitting, live) => (
        <div class="page watch">
          <ConnectionBanner link={live.link} status={sitting.status} />
          <SittingHeader sitting={sitting}>
            <SittingScreenLinks sittingId={sitting.sittingId} current="watch" />
          </SittingHeader>
          <div class="watch__grid">
            <div class="watch__main">
              <div class="watch__speaker">
                <SpeakerNow sitting={sitting} offsetMs={live.offsetMs} size="large" />
              </div>
              <div class="watch__video">
                <VideoEmbed url={sitting.videoUrl} live={sitting.status === 'open'} />
              </div>
              <div class="watch__transcript">
                <Transcript sitting={sitting} />
              </div>
              <div class="watch__questions">
                <QuestionList sitting={sitting} />
              </div>
            </div>
            <div class="watch__side">
              {sitting.status === 'open' && (
                <>
                  <div class="watch__cluster">
                    <ClusterNow sitting={sitting} />
                  </div>
                  <div class="watch__queue">
                    <SpeakerQueue sitting={sitting} />
                  </div>
                </>
              )}
              <div class="watch__commitments">
                <Commitments sitting={sitting} />
              </div>
              <div class="watch__turns">
                <TurnHistory sitting={sitting} />
              </div>
              <div class="watch__agenda">
                <Agenda sitting={sitting} />
              </div>
            </div>
          </div>
        </div>
      )}
    </SittingLoader>
  );
}
