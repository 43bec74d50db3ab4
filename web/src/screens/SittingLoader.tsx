import type { ComponentChildren } from 'preact';
import type { SittingView } from '../api/types';
import { ProblemMessage } from '../components/ProblemMessage';
import { t } from '../i18n/i18n';
import { useLiveSitting, type LiveSitting } from '../live/useLiveSitting';
import { useTitle } from './useTitle';

interface Props {
  readonly sittingId: string;
  readonly title: string;
  readonly children: (sitting: SittingView, live: LiveSitting) => ComponentChildren;
}

/** Loads a sitting and keeps it live; shows loading, or why it could not be loaded. */
export function SittingLoader({ sittingId, title, children }: Props) {
  const live = useLiveSitting(sittingId);
  useTitle(live.sitting ? `${title}: ${live.sitting.title}` : title);
  if (live.error) {
    return (
      <div class="page">
        <h1>{title}</h1>
        {live.error.status === 404 ? <p role="alert">{t('sitting.notFound')}</p> : <ProblemMessage error={live.error} />}
      </div>
    );
  }

  if (!live.sitting) {
    return <p class="page muted loading">{t('common.loading')}</p>;
  }

  return <>{children(live.sitting, live)}</>;
}
