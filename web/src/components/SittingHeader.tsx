import type { ComponentChildren } from 'preact';
import type { SittingView } from '../api/types';
import { lang, t } from '../i18n/i18n';
import { formatDateTime } from '../time/format';
import { useBodies } from './hooks';
import { sittingStatusLabel } from './labels';

/** The sitting's title, body, time and status, with room for a screen's own links. */
export function SittingHeader({ sitting, children }: { readonly sitting: SittingView; readonly children?: ComponentChildren }) {
  const body = useBodies()?.find(b => b.bodyId === sitting.bodyId);
  const bodyName = body ? (lang() === 'en' ? body.nameEn : body.name) : '';
  return (
    <header class="sitting-header">
      <p class="sitting-header__body">{bodyName}</p>
      <h1 class="sitting-header__title">{sitting.title}</h1>
      <p class="sitting-header__meta">
        <span class={`badge badge--${sitting.status}`} data-testid="sitting-status">
          {sittingStatusLabel(sitting.status)}
        </span>
        <span>
          {t('sitting.startsAt')} <time dateTime={sitting.startsAt}>{formatDateTime(sitting.startsAt, lang())}</time>
        </span>
      </p>
      {children}
    </header>
  );
}
