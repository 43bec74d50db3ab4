import { useRef, useState } from 'preact/hooks';
import type { ScreenProps } from '../../app/App';
import type { Me, SittingView } from '../../api/types';
import { holds } from '../../auth/session';
import { CommandFeedback } from '../../components/CommandFeedback';
import { Commitments } from '../../components/Commitments';
import { ConnectionBanner } from '../../components/ConnectionBanner';
import { Gate } from '../../components/Gate';
import { SittingHeader } from '../../components/SittingHeader';
import { SpeakerNow } from '../../components/SpeakerNow';
import { SpeakerQueue } from '../../components/SpeakerQueue';
import { Transcript } from '../../components/Transcript';
import { useCommand } from '../../components/useCommand';
import { t } from '../../i18n/i18n';
import { SittingLoader } from '../SittingLoader';
import { RescheduleForm } from '../schedule/RescheduleForm';
import { SittingScreenLinks } from '../SittingScreenLinks';
import { CommitmentForm } from './CommitmentForm';
import { floor } from './floor';
import { FloorControls } from './FloorControls';
import { ShortcutHelp } from './ShortcutHelp';
import { TranscriptForm } from './TranscriptForm';
import { useShortcuts } from './useShortcuts';
import { VideoForm } from './VideoForm';
import './chair.css';

/** The chair's and secretariat's console: run the floor, record what is said and promised. */
export default function ChairScreen({ route }: ScreenProps) {
  if (route.name !== 'chair') {
    return null;
  }

  return (
    <SittingLoader sittingId={route.sittingId} title={t('chair.title')}>
      {(sitting, live) => (
        <div class="page chair">
          <ConnectionBanner link={live.link} />
          <SittingHeader sitting={sitting}>
            <SittingScreenLinks sittingId={sitting.sittingId} current="chair" />
          </SittingHeader>
          <Gate bodyId={sitting.bodyId} roles={['chair', 'secretariat']}>
            {me => <Console sitting={sitting} me={me} offsetMs={live.offsetMs} />}
          </Gate>
        </div>
      )}
    </SittingLoader>
  );
}

function Console({ sitting, me, offsetMs }: { readonly sitting: SittingView; readonly me: Me; readonly offsetMs: number }) {
  const isChair = holds(me, 'chair', sitting.bodyId);
  const isSecretariat = holds(me, 'secretariat', sitting.bodyId);
  const cmd = useCommand(`${sitting.status}:${sitting.openClusterId ?? ''}:${sitting.currentTurn?.turnId ?? ''}`);
  const f = floor(sitting, cmd);
  const [answerer, setAnswerer] = useState('');
  const [help, setHelp] = useState(true);
  const commitmentText = useRef<HTMLInputElement>(null);
  const transcriptText = useRef<HTMLTextAreaElement>(null);
  const cluster = f.cluster;
  const answererId = cluster && [cluster.main.officialId, ...cluster.invited].includes(answerer) ? answerer : (cluster?.main.officialId ?? '');
  const focus = (el: HTMLElement | null) => {
    el?.scrollIntoView({ block: 'center' });
    el?.focus();
  };

  useShortcuts({
    n: () => void f.call(1),
    N: () => void f.call(sitting.rules.callBatchSize),
    q: () => void f.startQuestion(),
    a: () => void f.start('answer', null, answererId || null),
    e: () => void f.end(),
    o: () => void f.start('opening'),
    k: () => void f.start('closing'),
    i: () => {
      const next = cluster?.related.find(r => !cluster.invited.includes(r.officialId));
      if (next) {
        void f.invite(next.officialId);
      }
    },
    c: () => focus(commitmentText.current),
    t: () => focus(transcriptText.current),
    '?': () => setHelp(h => !h),
  });

  return (
    <div class="chair__grid">
      <div class="chair__controls">
        <div class="chair__feedback" aria-live="polite">
          <CommandFeedback state={cmd} />
        </div>
        <FloorControls
          sitting={sitting}
          floor={f}
          busy={cmd.busy}
          isChair={isChair}
          offsetMs={offsetMs}
          answerer={answererId}
          onAnswerer={setAnswerer}
        />
        {isSecretariat ? (
          <>
            {sitting.status !== 'scheduled' && <CommitmentForm sitting={sitting} textRef={commitmentText} />}
            {sitting.status !== 'scheduled' && <TranscriptForm sitting={sitting} textRef={transcriptText} />}
            {sitting.status === 'scheduled' && <RescheduleForm sitting={sitting} />}
            <VideoForm sitting={sitting} />
          </>
        ) : (
          <p class="panel muted">{t('chair.secretariatOnly')}</p>
        )}
        <ShortcutHelp open={help} onToggle={() => setHelp(h => !h)} />
      </div>
      <div class="chair__live">
        <SpeakerNow sitting={sitting} offsetMs={offsetMs} />
        <SpeakerQueue sitting={sitting} />
        <Commitments sitting={sitting} />
        <Transcript sitting={sitting} />
      </div>
    </div>
  );
}
