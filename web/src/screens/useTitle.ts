import { useEffect } from 'preact/hooks';
import { t } from '../i18n/i18n';

/** The window title: the screen's own, then the site's name. */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} — ${t('app.name')}` : t('app.name');
  }, [title]);
}
