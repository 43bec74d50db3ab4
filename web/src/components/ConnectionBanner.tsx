import type { LinkStatus } from '../live/connection';
import { t } from '../i18n/i18n';

/**
 * Says when the live link is down ("Reconnecting…") or cannot be had at all. Silent while connecting the first time: the page
 * already shows the sitting as just loaded, and the link catches up from that version.
 */
export function ConnectionBanner({ link }: { readonly link: LinkStatus }) {
  return (
    <div class={`connection connection--${link}`} role="status" data-testid="connection" data-link={link}>
      {link === 'reconnecting' ? (
        t('link.reconnecting')
      ) : link === 'unavailable' ? (
        t('link.unavailable')
      ) : (
        <span class="visually-hidden">{link === 'live' ? t('link.live') : t('link.connecting')}</span>
      )}
    </div>
  );
}
