import type { CommitmentStatus } from '../../api/types';
import { lang, t, type MessageKey } from '../../i18n/i18n';
import { formatDay } from '../../time/format';

/** The statuses a commitment can be in, in the order of its life. */
export const commitmentStatuses: readonly CommitmentStatus[] = [
  'inProgress',
  'submitted',
  'claimed',
  'verified',
  'disputed',
  'partiallyFulfilled',
  'notFulfilled',
  'withdrawn',
];

const statusKeys: Record<CommitmentStatus, MessageKey> = {
  none: 'commitment.status.inProgress',
  inProgress: 'commitment.status.inProgress',
  submitted: 'commitment.status.submitted',
  claimed: 'commitment.status.claimed',
  verified: 'commitment.status.verified',
  disputed: 'commitment.status.disputed',
  partiallyFulfilled: 'commitment.status.partiallyFulfilled',
  notFulfilled: 'commitment.status.notFulfilled',
  withdrawn: 'commitment.status.withdrawn',
};

export function statusLabel(status: CommitmentStatus): string {
  return t(statusKeys[status]);
}

/** The status in words, and "overdue" beside it when the deadline has passed unkept: overdue is a fact, not a status. */
export function CommitmentStatusBadge({ status, overdue }: { readonly status: CommitmentStatus; readonly overdue: boolean }) {
  return (
    <>
      <span class={`badge badge--c-${status}`}>{statusLabel(status)}</span>
      {overdue && (
        <>
          {' '}
          <span class="badge badge--c-overdue">{t('commitment.overdue')}</span>
        </>
      )}
    </>
  );
}

/** A deadline in words: the date, and "before session N" when it was put that way. */
export function DeadlineText({ date, label }: { readonly date: string; readonly label?: string | null }) {
  const session = /^session:(\d+)$/.exec(label ?? '')?.[1];
  return (
    <>
      <time dateTime={date}>{formatDay(date, lang(), 'long')}</time>
      {session && <> ({t('commitments.beforeSession', { number: session })})</>}
    </>
  );
}
