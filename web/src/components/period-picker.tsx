import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Two dates and an Apply button; the page keeps them in its URL. */
export function PeriodPicker({
  from,
  to,
  onChange,
}: {
  from: string;
  to: string;
  onChange: (p: { from: string; to: string }) => void;
}) {
  const { t } = useTranslation();
  const [f, setF] = useState(from);
  const [tt, setT] = useState(to);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onChange({ from: f, to: tt });
  };
  return (
    <form className="row no-print" onSubmit={submit}>
      <label>
        {t('common.from')}
        <input type="date" required value={f} max={tt} onChange={(e) => setF(e.target.value)} />
      </label>
      <label>
        {t('common.to')}
        <input type="date" required value={tt} min={f} onChange={(e) => setT(e.target.value)} />
      </label>
      <button type="submit">{t('common.apply')}</button>
    </form>
  );
}
