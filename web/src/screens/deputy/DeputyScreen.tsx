import type { ScreenProps } from '../../app/App';
import { personIn } from '../../auth/session';
import { ConnectionBanner } from '../../components/ConnectionBanner';
import { Gate } from '../../components/Gate';
import { SittingHeader } from '../../components/SittingHeader';
import { SpeakerQueue } from '../../components/SpeakerQueue';
import { t } from '../../i18n/i18n';
import { SittingLoader } from '../SittingLoader';
import { SittingScreenLinks } from '../SittingScreenLinks';
import { FileQuestionForm } from './FileQuestionForm';
import { MyPlace } from './MyPlace';
import { MyQuestions } from './MyQuestions';
import { RegisterForm } from './RegisterForm';
import './deputy.css';

/** A deputy's console: file slips before the sitting, register to speak, follow one's place and one's questions. */
export default function DeputyScreen({ route }: ScreenProps) {
  if (route.name !== 'deputy') {
    return null;
  }

  return (
    <SittingLoader sittingId={route.sittingId} title={t('deputy.title')}>
      {(sitting, live) => (
        <div class="page deputy">
          <ConnectionBanner link={live.link} />
          <SittingHeader sitting={sitting}>
            <SittingScreenLinks sittingId={sitting.sittingId} current="deputy" />
          </SittingHeader>
          <Gate bodyId={sitting.bodyId} roles={['deputy']}>
            {me => {
              const deputyId = personIn(me, 'deputy', sitting.bodyId) ?? '';
              return (
                <div class="deputy__grid">
                  <div class="deputy__main">
                    <MyPlace sitting={sitting} deputyId={deputyId} offsetMs={live.offsetMs} />
                    {sitting.status === 'open' && <RegisterForm sitting={sitting} deputyId={deputyId} />}
                    {sitting.status !== 'closed' && <FileQuestionForm sitting={sitting} />}
                  </div>
                  <div class="deputy__side">
                    <SpeakerQueue sitting={sitting} me={deputyId} />
                    <MyQuestions sitting={sitting} deputyId={deputyId} />
                  </div>
                </div>
              );
            }}
          </Gate>
        </div>
      )}
    </SittingLoader>
  );
}
