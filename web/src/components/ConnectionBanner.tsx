import type { SittingStatus } from '../api/types';
import type { LinkStatus } from '../live/connection';
import { t } from '../i18n/i18n';

/**
 * Says when the live link is down ("Reconnecting…") or cannot be had at all. Silent while connecting the first time: the page
 * already shows the sitting as just loaded, and the link catches up from that version. Given the sitting's
 * status, it says instead that a closed sitting no longer changes and that a scheduled one has not begun
 * (the page updates by itself when it opens): "updating live" would be untrue of both.
 */
export function ConnectionBanner({ link, status }: { readonly link: LinkStatus; readonly status?: SittingStatus }) {
  const notice = status === 'closed' ? t('link.closed') : status === 'scheduled' && link !== 'reconnecting' ? t('link.notOpen') : null;
  return (
    <div class={`connection connection--${notice ? status : link}`} role="status" data-testid="connection" data-link={link} data-status={status}>
      {notice ??
        (link === 'reconnecting' ? (
          t('link.reconnecting')
        ) : link === 'unavailable' ? (
          t('link.unavailable')
        ) : (
          <span class="visually-hidden">{link === 'live' ? t('link.live') : t('link.connecting')}</span>
        ))}
    </div>
  );
}
