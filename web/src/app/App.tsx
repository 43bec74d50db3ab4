import type { ComponentType } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t, useLang } from '../i18n/i18n';
import { SiteFooter, SiteHeader } from './SiteChrome';
import { useRoute, type Route } from './router';

export interface ScreenProps {
  readonly route: Route;
}

type ScreenModule = { default: ComponentType<ScreenProps> };

// One chunk per screen: a voter opening a watch page downloads the watch screen, not the consoles.
const screens: Record<Route['name'], () => Promise<ScreenModule>> = {
  home: () => import('../screens/home/HomeScreen'),
  signIn: () => import('../screens/signin/SignInScreen'),
  register: () => import('../screens/signin/RegisterScreen'),
  watch: () => import('../screens/watch/WatchScreen'),
  deputy: () => import('../screens/deputy/DeputyScreen'),
  respondent: () => import('../screens/respondent/RespondentScreen'),
  chair: () => import('../screens/chair/ChairScreen'),
  scheduleSitting: () => import('../screens/schedule/ScheduleSittingScreen'),
  commitments: () => import('../screens/commitments/LedgerScreen'),
  commitment: () => import('../screens/commitments/CommitmentScreen'),
  accountability: () => import('../screens/commitments/AccountabilityScreen'),
  follows: () => import('../screens/commitments/FollowsScreen'),
  resolutions: () => import('../screens/commitments/ResolutionsScreen'),
  resolution: () => import('../screens/commitments/ResolutionsScreen'),
  petitions: () => import('../screens/petitions/PetitionsScreen'),
  petitionNew: () => import('../screens/petitions/NewPetitionScreen'),
  petition: () => import('../screens/petitions/PetitionScreen'),
  petitionByCode: () => import('../screens/petitions/PetitionScreen'),
  contactMeeting: () => import('../screens/petitions/ContactMeetingScreen'),
  search: () => import('../screens/search/SearchScreen'),
  explanations: () => import('../screens/explanations/ExplanationListScreen'),
  explanationNew: () => import('../screens/explanations/FileExplanationScreen'),
  explanationByCode: () => import('../screens/explanations/ByCodeScreen'),
  explanation: () => import('../screens/explanations/ExplanationScreen'),
  supervisionList: () => import('../screens/supervision/SupervisionListScreen'),
  supervisionNew: () => import('../screens/supervision/NewTopicScreen'),
  supervisionTopic: () => import('../screens/supervision/TopicScreen'),
  admin: () => import('../screens/admin/AdminScreen'),
  notFound: () => import('../screens/NotFoundScreen'),
};

export function App() {
  useLang();
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    // After moving to another screen, start screen readers and keyboards at its content.
    if (first.current) {
      first.current = false;
    } else {
      main.current?.focus();
    }
  }, [route]);

  return (
    <>
      <a class="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <SiteHeader compact={route.name === 'respondent'} />
      <main id="main" ref={main} tabIndex={-1} class={`main main--${route.name}`}>
        <Screen route={route} />
      </main>
      {route.name !== 'respondent' && <SiteFooter />}
    </>
  );
}

function Screen({ route }: ScreenProps) {
  const [loaded, setLoaded] = useState<{ name: Route['name']; module: ScreenModule } | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let current = true;
    setFailed(false);
    screens[route.name]().then(
      module => current && setLoaded({ name: route.name, module }),
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, [route.name]);

  if (failed) {
    return <p role="alert">{t('app.loadFailed')}</p>;
  }

  if (!loaded || loaded.name !== route.name) {
    return <p class="muted loading">{t('common.loading')}</p>;
  }

  const Component = loaded.module.default;
  return <Component route={route} />;
}
