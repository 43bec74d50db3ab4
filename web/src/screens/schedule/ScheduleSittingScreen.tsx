import { useState } from 'preact/hooks';
import type { ScreenProps } from '../../app/App';
import { Link, paths } from '../../app/router';
import { useMe } from '../../auth/session';
import { useBodies } from '../../components/hooks';
import { lang, t } from '../../i18n/i18n';
import { useTitle } from '../useTitle';
import { ScheduleForm } from './ScheduleForm';
import { schedulingBodies } from './plan';
import './schedule.css';

/**
 * Scheduling a questioning sitting, for a body's secretariat (or its administrator): the bodies offered are those
 * the account holds that role in. Anyone else is told the screen is not for them and sees no form; the server
 * refuses them again whatever they send.
 */
export default function ScheduleSittingScreen({ route }: ScreenProps) {
  useTitle(t('schedule.title'));
  const me = useMe();
  const bodies = useBodies();
  const [chosen, setChosen] = useState<string | null>(null);
  if (!me || !bodies) {
    return <p class="muted">{t('common.loading')}</p>;
  }

  const allowed = schedulingBodies(me, bodies);
  if (allowed.length === 0) {
    return (
      <section class="panel notice" role="alert" data-testid="schedule-not-allowed">
        <h1>{t('schedule.title')}</h1>
        <p>{me.signedIn ? t('schedule.notAllowed') : t('schedule.signInFirst')}</p>
        {!me.signedIn && (
          <Link class="button" href={paths.signIn(location.pathname + location.search)}>
            {t('auth.signIn')}
          </Link>
        )}
      </section>
    );
  }

  const asked = route.name === 'scheduleSitting' ? route.bodyId : null;
  const bodyId = allowed.find(b => b.bodyId === (chosen ?? asked))?.bodyId ?? allowed[0]!.bodyId;
  return (
    <div class="page schedule">
      <p>
        <Link href={paths.home()}>{t('schedule.back')}</Link>
      </p>
      <h1>{t('schedule.title')}</h1>
      <p class="muted">{t('schedule.intro')}</p>
      <label class="field schedule__body">
        <span class="field__label">{t('schedule.body')}</span>
        <select name="body" value={bodyId} onChange={e => setChosen(e.currentTarget.value)}>
          {allowed.map(b => (
            <option key={b.bodyId} value={b.bodyId}>
              {lang() === 'en' ? b.nameEn : b.name}
            </option>
          ))}
        </select>
      </label>
      <ScheduleForm key={bodyId} bodyId={bodyId} />
    </div>
  );
}
