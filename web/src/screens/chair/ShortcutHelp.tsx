import { t, type MessageKey } from '../../i18n/i18n';

const keys: readonly (readonly [string, MessageKey])[] = [
  ['N', 'chair.key.callOne'],
  ['Shift+N', 'chair.key.callBatch'],
  ['Q', 'chair.key.question'],
  ['A', 'chair.key.answer'],
  ['E', 'chair.key.end'],
  ['O', 'chair.key.opening'],
  ['K', 'chair.key.closing'],
  ['I', 'chair.key.invite'],
  ['C', 'chair.key.commitment'],
  ['T', 'chair.key.transcript'],
  ['?', 'chair.key.help'],
];

/** The console's keyboard shortcuts; they act only when the cursor is not in a field. */
export function ShortcutHelp({ open, onToggle }: { readonly open: boolean; readonly onToggle: () => void }) {
  return (
    <section class="panel shortcuts" aria-labelledby="shortcuts-heading">
      <h2 id="shortcuts-heading" class="panel__title">
        <button type="button" class="link-button" aria-expanded={open} aria-controls="shortcut-list" onClick={onToggle}>
          {t('chair.shortcuts')} <kbd>?</kbd>
        </button>
      </h2>
      {open && (
        <>
          <p class="muted">{t('chair.shortcutsHint')}</p>
          <dl id="shortcut-list" class="shortcuts__list">
            {keys.map(([key, label]) => (
              <div key={key}>
                <dt>
                  <kbd>{key}</kbd>
                </dt>
                <dd>{t(label)}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </section>
  );
}
