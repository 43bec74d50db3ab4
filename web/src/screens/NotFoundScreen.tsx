import { Link, paths } from '../app/router';
import { t } from '../i18n/i18n';
import { useTitle } from './useTitle';

export default function NotFoundScreen() {
  useTitle(t('notFound.title'));
  return (
    <div class="page">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.text')}</p>
      <Link href={paths.home()}>{t('notFound.home')}</Link>
    </div>
  );
}
