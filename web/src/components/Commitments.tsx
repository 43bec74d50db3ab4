import type { CommitmentState, SittingView } from '../api/types';
import { lang, t } from '../i18n/i18n';
import { formatDay } from '../time/format';

interface Props {
  readonly sitting: SittingView;
  /** Only these (a respondent's own, a deputy's questions'); all when absent. */
  readonly filter?: (c: CommitmentState) => boolean;
  readonly title?: string;
  readonly headingLevel?: 2 | 3;
}

/** Commitments (cam kết) recorded from answers, each with its one owner and deadline, as they are recorded. */
export function Commitments({ sitting, filter, title, headingLevel = 2 }: Props) {
  const list = filter ? sitting.commitments.filter(filter) : sitting.commitments;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section class="panel" aria-labelledby="commitments-heading">
      <Heading id="commitments-heading" class="panel__title">
        {title ?? t('commitments.title')}
      </Heading>
      {list.length === 0 ? (
        <p class="muted">{t('commitments.empty')}</p>
      ) : (
        <div role="log" aria-live="polite">
          <ul class="commitments" data-testid="commitments">
          {list.map(c => (
            <li key={c.commitmentId} id={`commitment-${c.commitmentId}`} class="commitment">
              <p class="commitment__text">{c.text}</p>
              <dl class="commitment__facts">
                <div>
                  <dt>{t('commitments.owner')}</dt>
                  <dd>{c.owner}</dd>
                </div>
                <div>
                  <dt>{t('commitments.deadline')}</dt>
                  <dd>
                    <time dateTime={c.deadline}>{formatDay(c.deadline, lang())}</time>
                  </dd>
                </div>
                <div>
                  <dt>{t('commitments.by')}</dt>
                  <dd>
                    {c.respondent.name}, {c.respondent.office}
                  </dd>
                </div>
              </dl>
            </li>
          ))}
          </ul>
        </div>
      )}
    </section>
  );
}
