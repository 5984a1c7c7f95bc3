import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

/** A failed request in the reader's language; field errors name the field the API named. */
export function ErrorMessage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const status = error instanceof ApiError ? error.status : 0;
  const key =
    status === 400 || status === 422
      ? 'errors.invalid'
      : status === 401
        ? 'errors.unauthorized'
        : status === 403
          ? 'errors.forbidden'
          : status === 404
            ? 'errors.notFound'
            : status === 409
              ? 'errors.conflict'
              : status === 429
                ? 'errors.rateLimited'
                : 'errors.generic';
  const fields = error instanceof ApiError ? (error.problem.errors ?? []) : [];
  return (
    <div role="alert" className="error">
      <p>{t(key)}</p>
      {fields.length > 0 && (
        <ul>
          {fields.map((f) => (
            <li key={f.field}>{t('errors.field', { field: f.field.replace(/^(body|query|path)\./, '') })}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
