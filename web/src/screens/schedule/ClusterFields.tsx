import type { Official } from '../../api/types';
import { t } from '../../i18n/i18n';
import { toggleRelated, withMain, type ClusterDraft } from './plan';

const officialLabel = (o: Official) => `${o.name} — ${o.office}`;

/** One issue cluster: its title, the official who answers for it, and the related officials invited to answer too. */
export function ClusterFields(props: {
  readonly index: number;
  readonly cluster: ClusterDraft;
  readonly officials: readonly Official[];
  readonly onChange: (cluster: ClusterDraft) => void;
  readonly onRemove: (() => void) | null;
}) {
  const { index, cluster, officials, onChange } = props;
  const name = (field: string) => `cluster-${index}-${field}`;
  const others = officials.filter(o => o.officialId !== cluster.main);
  return (
    <li>
      <fieldset class="panel schedule__fieldset" data-testid={`cluster-${index}`}>
        <legend>{t('schedule.cluster', { number: index + 1 })}</legend>
        <label class="field">
          <span class="field__label">{t('schedule.clusterTitle')}</span>
          <input name={name('title')} type="text" required maxLength={300} value={cluster.title} onInput={e => onChange({ ...cluster, title: e.currentTarget.value })} />
        </label>
        <label class="field">
          <span class="field__label">{t('schedule.main')}</span>
          <select name={name('main')} required value={cluster.main} onChange={e => onChange(withMain(cluster, e.currentTarget.value))}>
            <option value="">{t('schedule.chooseOfficial')}</option>
            {officials.map(o => (
              <option key={o.officialId} value={o.officialId}>
                {officialLabel(o)}
              </option>
            ))}
          </select>
        </label>
        {others.length > 0 && (
          <fieldset class="field">
            <legend class="field__label">{t('schedule.related')}</legend>
            <div class="schedule__related">
              {others.map(o => (
                <label class="choice" key={o.officialId}>
                  <input
                    type="checkbox"
                    name={name('related')}
                    value={o.officialId}
                    checked={cluster.related.includes(o.officialId)}
                    onChange={e => onChange(toggleRelated(cluster, o.officialId, e.currentTarget.checked))}
                  />
                  {officialLabel(o)}
                </label>
              ))}
            </div>
          </fieldset>
        )}
        {props.onRemove && (
          <div class="button-row">
            <button type="button" class="button button--secondary button--small" onClick={props.onRemove}>
              {t('schedule.removeCluster', { number: index + 1 })}
            </button>
          </div>
        )}
      </fieldset>
    </li>
  );
}
