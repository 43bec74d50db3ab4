import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client';
import type { Scorecard, StatusPoint, TimeDisciplineView } from '../../api/types';
import type { ScreenProps } from '../../app/App';
import { Link, navigate, paths } from '../../app/router';
import { BodySelect } from '../../components/BodySelect';
import { useBodies } from '../../components/hooks';
import { ProblemMessage } from '../../components/ProblemMessage';
import { lang, t } from '../../i18n/i18n';
import { useTitle } from '../useTitle';
import { FollowUpList } from './FollowUpList';
import './commitments.css';

interface Data {
  readonly agencies: Scorecard[];
  readonly officials: Scorecard[];
  readonly history: StatusPoint[];
  readonly discipline: TimeDisciplineView;
}

/**
 * Directive 53's accountability, for one body: each agency's and official's record on its commitments, the
 * commitments by status month by month, and how speakers kept to their time limits.
 */
export default function AccountabilityScreen({ route }: ScreenProps) {
  useTitle(t('score.title'));
  const bodies = useBodies();
  const query = new URLSearchParams(route.name === 'accountability' ? route.query : '');
  const bodyId = query.get('body') ?? bodies?.[0]?.bodyId ?? '';
  const [data, setData] = useState<Data | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (!bodyId) {
      return;
    }

    let current = true;
    setData(null);
    setError(null);
    Promise.all([api.scorecards(bodyId, 'agency'), api.scorecards(bodyId, 'official'), api.history(bodyId), api.discipline(bodyId)]).then(
      ([agencies, officials, history, discipline]) => current && setData({ agencies, officials, history, discipline }),
      e => current && setError(e),
    );
    return () => {
      current = false;
    };
  }, [bodyId]);

  return (
    <div class="page accountability">
      <h1>{t('score.title')}</h1>
      <p class="muted">
        {t('score.intro')} <Link href={paths.resolutions(bodyId)}>{t('resolutions.title')}</Link>
      </p>
      <BodySelect class="field accountability__body" value={bodyId} onChange={v => navigate(paths.accountability(v), true)} />
      <ProblemMessage error={error} />
      {!data && !error && <p class="muted">{t('common.loading')}</p>}
      {data && (
        <>
          <ScoreTable caption={t('score.byAgency')} cards={data.agencies} bodyId={bodyId} testId="score-agencies" agencies />
          <ScoreTable caption={t('score.byOfficial')} cards={data.officials} bodyId={bodyId} testId="score-officials" />
          <FollowUpList bodyId={bodyId} />
          <HistoryChart points={data.history} />
          <DisciplineTable view={data.discipline} />
        </>
      )}
    </div>
  );
}

function ScoreTable(props: {
  readonly caption: string;
  readonly cards: readonly Scorecard[];
  readonly bodyId: string;
  readonly testId: string;
  readonly agencies?: boolean;
}) {
  return (
    <section class="panel table-scroll">
      <table class="data-table" data-testid={props.testId}>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.agencies ? t('ledger.agency') : t('score.official')}</th>
            <th scope="col">{t('score.made')}</th>
            <th scope="col">{t('score.onTime')}</th>
            <th scope="col">{t('score.late')}</th>
            <th scope="col">{t('score.overdue')}</th>
            <th scope="col">{t('score.medianLate')}</th>
            <th scope="col">{t('score.verified')}</th>
            <th scope="col">{t('score.claimed')}</th>
            <th scope="col">{t('score.disputed')}</th>
          </tr>
        </thead>
        <tbody>
          {props.cards.length === 0 && (
            <tr>
              <td colSpan={9} class="muted">
                {t('score.none')}
              </td>
            </tr>
          )}
          {props.cards.map(c => (
            <tr key={c.key}>
              <th scope="row">
                {props.agencies ? (
                  <Link href={paths.commitments(`body=${encodeURIComponent(props.bodyId)}&agency=${encodeURIComponent(c.key)}`)}>{c.name}</Link>
                ) : (
                  c.name
                )}
              </th>
              <td>{c.made}</td>
              <td>{c.fulfilledOnTime}</td>
              <td>{c.fulfilledLate}</td>
              <td class={c.overdueNow > 0 ? 'data-table__bad' : ''}>{c.overdueNow}</td>
              <td>{c.medianDaysLate ?? '—'}</td>
              <td>{c.verified}</td>
              <td>{c.onlyClaimed}</td>
              <td>{c.disputed}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

const SERIES = [
  { key: 'made', label: 'score.series.made', color: '#1d4ed8' },
  { key: 'kept', label: 'score.series.kept', color: '#166534' },
  { key: 'overdue', label: 'score.series.overdue', color: '#8f1b1f' },
] as const;

/** Made, kept and overdue at each month's end, as lines; the same figures follow in a table for screen readers. */
function HistoryChart({ points }: { readonly points: readonly StatusPoint[] }) {
  const width = 640;
  const height = 220;
  const pad = 32;
  const max = Math.max(1, ...points.map(p => p.made));
  const x = (i: number) => pad + (points.length < 2 ? 0 : (i * (width - 2 * pad)) / (points.length - 1));
  const y = (v: number) => height - pad - (v * (height - 2 * pad)) / max;
  // At most about six month labels, so they never run into each other.
  const step = Math.max(1, Math.ceil(points.length / 6));
  return (
    <section class="panel" aria-labelledby="history-heading">
      <h2 id="history-heading" class="panel__title">
        {t('score.history')}
      </h2>
      <svg class="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="history-heading" data-testid="history-chart">
        <line x1={pad} y1={height - pad} x2={width - pad} y2={height - pad} stroke="#d5d7dc" />
        <text x={4} y={pad} font-size="12" fill="#4d525b">
          {max}
        </text>
        {SERIES.map(s => (
          <polyline
            key={s.key}
            fill="none"
            stroke={s.color}
            stroke-width="3"
            points={points.map((p, i) => `${x(i)},${y(p[s.key])}`).join(' ')}
          />
        ))}
        {points.map((p, i) =>
          i % step === 0 || i === points.length - 1 ? (
            <text key={p.month} x={x(i)} y={height - 8} font-size="12" text-anchor="middle" fill="#4d525b">
              {`${p.month.slice(5)}/${p.month.slice(2, 4)}`}
            </text>
          ) : null,
        )}
      </svg>
      <p class="chart__legend">
        {SERIES.map(s => (
          <span key={s.key} class="chart__key">
            <span class="chart__swatch" style={{ background: s.color }} aria-hidden="true" /> {t(s.label)}
          </span>
        ))}
      </p>
      <details>
        <summary>{t('score.asTable')}</summary>
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">{t('score.month')}</th>
              {SERIES.map(s => (
                <th scope="col" key={s.key}>
                  {t(s.label)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {points.map(p => (
              <tr key={p.month}>
                <th scope="row">{p.month}</th>
                <td>{p.made}</td>
                <td>{p.kept}</td>
                <td>{p.overdue}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}

function DisciplineTable({ view }: { readonly view: TimeDisciplineView }) {
  const share = (within: number, turns: number) => (turns === 0 ? '—' : `${Math.round((100 * within) / turns)}%`);
  return (
    <section class="panel table-scroll">
      <table class="data-table" data-testid="discipline">
        <caption>
          {t('score.discipline', {
            sittings: view.sittings,
            share: share(view.withinLimit, view.turns),
            minutes: view.overrunMinutes.toLocaleString(lang()),
          })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('score.speaker')}</th>
            <th scope="col">{t('score.role')}</th>
            <th scope="col">{t('score.turns')}</th>
            <th scope="col">{t('score.withinLimit')}</th>
            <th scope="col">{t('score.overrunMinutes')}</th>
          </tr>
        </thead>
        <tbody>
          {view.speakers.map(s => (
            <tr key={`${s.role}/${s.speakerId}`}>
              <th scope="row">{s.speakerName}</th>
              <td>{t(s.role === 'deputy' ? 'score.role.deputy' : s.role === 'chair' ? 'score.role.chair' : 'score.role.respondent')}</td>
              <td>{s.turns}</td>
              <td>{share(s.withinLimit, s.turns)}</td>
              <td>{s.overrunMinutes.toLocaleString(lang())}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
