import { useState } from 'preact/hooks';
import { navigate, paths } from '../../app/router';
import { t } from '../../i18n/i18n';
import { normalizeCode } from './codes';

/** Follow a petition by its code, typed as a voter types it: any case, with or without hyphens. */
export function CodeBox() {
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState(false);
  return (
    <form
      class="code-box"
      role="search"
      aria-label={t('petitions.follow')}
      data-testid="code-box"
      onSubmit={e => {
        e.preventDefault();
        const code = normalizeCode(text);
        setInvalid(code === null);
        if (code) {
          navigate(paths.petitionByCode(code));
        }
      }}
    >
      <label class="field">
        <span class="field__label">{t('petitions.follow')}</span>
        <span class="code-box__row">
          <input
            name="code"
            required
            maxLength={40}
            autoComplete="off"
            spellcheck={false}
            aria-describedby="code-box-hint"
            aria-invalid={invalid}
            value={text}
            onInput={e => setText(e.currentTarget.value)}
          />
          <button type="submit" class="button">
            {t('petitions.followGo')}
          </button>
        </span>
      </label>
      <p id="code-box-hint" class="muted field__hint code-box__hint">
        {t('petitions.followHint')}
      </p>
      <p role="alert" class="code-box__error">
        {invalid ? t('petitions.badCode') : ''}
      </p>
    </form>
  );
}
