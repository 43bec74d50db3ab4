import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client';
import type { PetitionFigures } from '../../api/types';
import { useBodies } from '../../components/hooks';
import { lang, t } from '../../i18n/i18n';

const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part * 100) / whole) : 0);

/**
 * Each body's petitions in figures (one body when one is chosen). "Answered" and "resolved" are separate
 * columns, each with its share of the petitions received, so a high answer rate never reads as a resolution rate;
 * late answers and those overdue now stand beside them, and the voters' verdicts after.
 */
export function PetitionFiguresTable({ bodyId }: { readonly bodyId: string }) {
  const bodies = useBodies();
  const ids = bodyId ? [bodyId] : (bodies?.map(b => b.bodyId) ?? []);
  const [figures, setFigures] = useState<PetitionFigures[] | null>(null);
  useEffect(() => {
    let current = true;
    if (ids.length > 0) {
      Promise.all(ids.map(id => api.petitionFigures(id))).then(
        f => current && setFigures(f),
        () => current && setFigures([]),
      );
    }

    return () => {
      current = false;
    };
  }, [ids.join('|')]);

  const name = (id: string) => {
    const b = bodies?.find(x => x.bodyId === id);
    return b ? (lang() === 'en' ? b.nameEn : b.name) : id;
  };
  return (
    <section class="panel petition-figures" aria-labelledby="petition-figures-heading" data-testid="petition-figures">
      <h2 id="petition-figures-heading" class="panel__title">
        {t('petitions.figures.title')}
      </h2>
      <p class="petition-figures__note">{t('petitions.figures.note')}</p>
      <div class="table-scroll">
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">{t('ledger.body')}</th>
              <th scope="col">{t('petitions.figures.filed')}</th>
              <th scope="col">{t('petitions.figures.routed')}</th>
              <th scope="col" class="petition-figures__key">
                {t('petitions.figures.answered')}
              </th>
              <th scope="col">{t('petitions.figures.answeredLate')}</th>
              <th scope="col" class="petition-figures__key">
                {t('petitions.figures.resolved')}
              </th>
              <th scope="col">{t('petitions.figures.overdueNow')}</th>
              <th scope="col">{t('petitions.figures.reportedBack')}</th>
              <th scope="col">{t('petitions.figures.satisfaction')}</th>
            </tr>
          </thead>
          <tbody>
            {figures?.map(f => (
              <tr key={f.bodyId} data-body={f.bodyId}>
                <th scope="row">{name(f.bodyId)}</th>
                <td data-figure="filed">{f.filed}</td>
                <td data-figure="routed">{f.routed}</td>
                <td class="petition-figures__key">
                  <span data-figure="answered">{f.answered}</span> <span class="muted">({percent(f.answered, f.filed)}%)</span>
                </td>
                <td data-figure="answeredLate" class={f.answeredLate > 0 ? 'data-table__bad' : ''}>
                  {f.answeredLate}
                </td>
                <td class="petition-figures__key">
                  <span data-figure="resolved">{f.resolved}</span> <span class="muted">({percent(f.resolved, f.filed)}%)</span>
                </td>
                <td data-figure="overdueNow" class={f.overdueNow > 0 ? 'data-table__bad' : ''}>
                  {f.overdueNow}
                </td>
                <td data-figure="reportedBack">{f.reportedBack}</td>
                <td data-figure="satisfaction" class="petition-figures__ratings">
                  {t('petitions.figures.ratings', { satisfied: f.satisfied, partly: f.partlySatisfied, unsatisfied: f.unsatisfied })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
