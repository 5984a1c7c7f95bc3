import { useTranslation } from 'react-i18next';

/** A secret the server shows once (a generated password, an API key): copy it now. */
export function SecretOnce({ label, value }: { label: string; value: string }) {
  const { t } = useTranslation();
  return (
    <div className="secret" role="status">
      <p>{t('common.shownOnce', { what: label })}</p>
      <code data-testid="secret">{value}</code>
      <button type="button" onClick={() => void navigator.clipboard?.writeText(value)}>
        {t('common.copy')}
      </button>
    </div>
  );
}
