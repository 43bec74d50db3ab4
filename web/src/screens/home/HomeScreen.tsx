import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client';
import type { BodySummary, SittingSummary } from '../../api/types';
import { Link, paths } from '../../app/router';
import { useMe } from '../../auth/session';
import { bodyKindLabel, sittingStatusLabel } from '../../components/labels';
import { ProblemMessage } from '../../components/ProblemMessage';
import { lang, t, type MessageKey } from '../../i18n/i18n';
import { formatDateTime } from '../../time/format';
import { schedulingBodies } from '../schedule/plan';
import { useTitle } from '../useTitle';
import './home.css';

type Group = 'live' | 'upcoming' | 'past';

const groups: readonly { readonly group: Group; readonly title: MessageKey; readonly none: MessageKey }[] = [
  { group: 'live', title: 'home.live', none: 'home.noLive' },
  { group: 'upcoming', title: 'home.upcoming', none: 'home.noUpcoming' },
  { group: 'past', title: 'home.past', none: 'home.noPast' },
];

/** Open sittings are live, scheduled ones upcoming (soonest first), closed ones past (latest first). */
export function groupSittings(sittings: readonly SittingSummary[]): Record<Group, SittingSummary[]> {
  const byStart = (a: SittingSummary, b: SittingSummary) => Date.parse(a.startsAt) - Date.parse(b.startsAt);
  return {
    live: sittings.filter(s => s.status === 'open').sort(byStart),
    upcoming: sittings.filter(s => s.status === 'scheduled' || s.status === 'none').sort(byStart),
    past: sittings.filter(s => s.status === 'closed').sort((a, b) => byStart(b, a)),
  };
}

export default function HomeScreen() {
  useTitle('');
  const [data, setData] = useState<{ bodies: BodySummary[]; sittings: SittingSummary[] } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const me = useMe();
  useEffect(() => {
    Promise.all([api.bodies(), api.sittings()]).then(([bodies, sittings]) => setData({ bodies, sittings }), setError);
  }, []);

  return (
    <div class="page home">
      <section class="home__intro">
        <h1>{t('home.title')}</h1>
        <p>{t('home.intro')}</p>
      </section>
      <ProblemMessage error={error} />
      {!data && !error && <p class="muted">{t('common.loading')}</p>}
      {data?.bodies.map(body => (
        <BodySittings
          key={body.bodyId}
          body={body}
          sittings={data.sittings.filter(s => s.bodyId === body.bodyId)}
          schedules={schedulingBodies(me, [body]).length > 0}
        />
      ))}
    </div>
  );
}

/** A body's sittings; its secretariat (or administrator) also finds the way to schedule one here. */
function BodySittings(props: { readonly body: BodySummary; readonly sittings: readonly SittingSummary[]; readonly schedules: boolean }) {
  const { body, sittings } = props;
  const grouped = groupSittings(sittings);
  const headingId = `body-${body.bodyId}`;
  return (
    <section class="body-block" aria-labelledby={headingId} data-testid={`body-${body.bodyId}`}>
      <h2 id={headingId} class="body-block__name">
        {lang() === 'en' ? body.nameEn : body.name}
      </h2>
      <p class="muted body-block__kind">
        {bodyKindLabel(body.kind)} · {t('home.term', { term: body.term })}
      </p>
      {props.schedules && (
        <p class="body-block__schedule">
          <Link class="button button--small" href={paths.scheduleSitting(body.bodyId)}>
            {t('home.schedule')}
          </Link>
        </p>
      )}
      <div class="body-block__groups">
        {groups.map(g => (
          <div class={`sitting-group sitting-group--${g.group}`} key={g.group} data-testid={`group-${g.group}`}>
            <h3 class="sitting-group__title">
              {g.group === 'live' && <span class="live-dot" aria-hidden="true" />}
              {t(g.title)}
            </h3>
            {grouped[g.group].length === 0 ? (
              <p class="muted">{t(g.none)}</p>
            ) : (
              grouped[g.group].map(s => <SittingCard key={s.sittingId} sitting={s} />)
            )}
          </div>
        ))}
      </div>
    </section>
  );
}

function SittingCard({ sitting }: { readonly sitting: SittingSummary }) {
  return (
    <article class="sitting-card" id={`sitting-${sitting.sittingId}`}>
      <h4 class="sitting-card__title">
        <Link href={paths.sitting('watch', sitting.sittingId)}>{sitting.title}</Link>
      </h4>
      <p class="sitting-card__when">
        <span class={`badge badge--${sitting.status}`}>{sittingStatusLabel(sitting.status)}</span>{' '}
        <time dateTime={sitting.startsAt}>{formatDateTime(sitting.startsAt, lang())}</time>
      </p>
      <p class="sitting-card__counts muted">
        {t('home.counts', { clusters: sitting.clusters, questions: sitting.questions, commitments: sitting.commitments })}
      </p>
      <nav class="sitting-card__links" aria-label={t('home.screensFor', { title: sitting.title })}>
        <Link href={paths.sitting('watch', sitting.sittingId)} class="button button--small">
          {t('home.watch')}
        </Link>
        <span class="sitting-card__roles">
          <span class="muted">{t('home.workspaces')}</span> <Link href={paths.sitting('deputy', sitting.sittingId)}>{t('home.deputy')}</Link>
          {' · '}
          <Link href={paths.sitting('respondent', sitting.sittingId)}>{t('home.respondent')}</Link>
          {' · '}
          <Link href={paths.sitting('chair', sitting.sittingId)}>{t('home.chair')}</Link>
        </span>
      </nav>
    </article>
  );
}
