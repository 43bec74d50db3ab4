import { ApiError } from '../api/client';
import { hasMessage, t } from '../i18n/i18n';

/**
 * A refusal in plain words: the catalogue's translation of the server's problem code when it has one,
 * otherwise the server's own explanation; field errors of a malformed request listed under it.
 */
export function problemText(error: unknown): string {
  if (!(error instanceof ApiError)) {
    return t('problem.unknown');
  }

  const key = `problem.${error.code ?? ''}`;
  if (error.code && hasMessage(key)) {
    return t(key);
  }

  if (error.status === 0) {
    return t('problem.network');
  }

  if (error.status === 401) {
    return t('problem.sign_in_required');
  }

  if (error.status === 429) {
    return t('problem.tooMany');
  }

  return error.detail ?? (error.status >= 500 ? t('problem.server') : error.message);
}

export function ProblemMessage({ error }: { readonly error: unknown }) {
  if (!error) {
    return null;
  }

  const fields = error instanceof ApiError ? Object.entries(error.fieldErrors) : [];
  return (
    <div class="problem" role="alert" data-testid="problem">
      <p>{problemText(error)}</p>
      {fields.length > 0 && (
        <ul>
          {fields.map(([field, messages]) => (
            <li key={field}>
              <code>{field}</code>: {messages.join(' ')}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
