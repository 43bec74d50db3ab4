import { Link, paths, type SittingScreen } from '../app/router';
import { t, type MessageKey } from '../i18n/i18n';

const screens: readonly { readonly screen: SittingScreen; readonly label: MessageKey }[] = [
  { screen: 'watch', label: 'home.watch' },
  { screen: 'deputy', label: 'home.deputy' },
  { screen: 'respondent', label: 'home.respondent' },
  { screen: 'chair', label: 'home.chair' },
];

/** Links between one sitting's screens; the current one is marked, not linked. */
export function SittingScreenLinks({ sittingId, current }: { readonly sittingId: string; readonly current: SittingScreen }) {
  return (
    <nav class="screen-links" aria-label={t('sitting.screens')}>
      {screens.map(s =>
        s.screen === current ? (
          <span key={s.screen} aria-current="page" class="screen-links__current">
            {t(s.label)}
          </span>
        ) : (
          <Link key={s.screen} href={paths.sitting(s.screen, sittingId)}>
            {t(s.label)}
          </Link>
        ),
      )}
    </nav>
  );
}
