import { useTranslation } from 'react-i18next';
import type { Question, QuestionType } from '../../../../src/http/api-types';
import { LOCALES } from '../../i18n/setup';
import { QUESTION_TYPES } from '../../lib/domain';

type Props = {
  q: Question;
  index: number;
  count: number;
  onChange: (q: Question) => void;
  onRemove: () => void;
  onMove: (delta: number) => void;
};

/** One question: its type, whether it must be answered, and its text in each language. */
export function QuestionEditor({ q, index, count, onChange, onRemove, onMove }: Props) {
  const { t } = useTranslation();
  const n = index + 1;
  const setText = (locale: string, value: string) => onChange({ ...q, text: { ...q.text, [locale]: value } });
  const setType = (type: QuestionType) =>
    onChange({
      ...q,
      type,
      options:
        type === 'choice'
          ? (q.options ?? [
              { id: 'a', text: {} },
              { id: 'b', text: {} },
            ])
          : undefined,
      scale: type === 'rating' ? (q.scale ?? 5) : undefined,
    });
  return (
    <fieldset className="card question-editor" data-testid="question">
      <legend>{t('surveys.questionN', { n })}</legend>
      <div className="row">
        <label>
          {t('surveys.type')}
          <select value={q.type} onChange={(e) => setType(e.target.value as QuestionType)}>
            {QUESTION_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`questionTypes.${type}`)}
              </option>
            ))}
          </select>
        </label>
        {q.type === 'rating' && (
          <label>
            {t('surveys.scale')}
            <input
              type="number"
              min={2}
              max={10}
              value={q.scale ?? 5}
              onChange={(e) => onChange({ ...q, scale: Number(e.target.value) })}
            />
          </label>
        )}
        <label className="check">
          <input
            type="checkbox"
            checked={Boolean(q.required)}
            onChange={(e) => onChange({ ...q, required: e.target.checked })}
          />
          {t('surveys.required')}
        </label>
        <span className="spacer" />
        <button
          type="button"
          onClick={() => onMove(-1)}
          disabled={index === 0}
          aria-label={t('surveys.moveUp', { n })}
        >
          ↑
        </button>
        <button
          type="button"
          onClick={() => onMove(1)}
          disabled={index === count - 1}
          aria-label={t('surveys.moveDown', { n })}
        >
          ↓
        </button>
        <button type="button" className="danger" onClick={onRemove} disabled={count === 1}>
          {t('surveys.removeQuestion')}
        </button>
      </div>
      {LOCALES.map((locale) => (
        <label key={locale}>
          {t('surveys.textIn', { language: t(`locales.${locale}`) })}
          <input
            lang={locale}
            maxLength={2000}
            value={q.text[locale] ?? ''}
            onChange={(e) => setText(locale, e.target.value)}
          />
        </label>
      ))}
      {q.type === 'choice' && (
        <div className="stack">
          {(q.options ?? []).map((o, i) => (
            <div className="row" key={o.id}>
              {LOCALES.map((locale) => (
                <label key={locale}>
                  {t('surveys.optionIn', { n: i + 1, language: locale.toUpperCase() })}
                  <input
                    lang={locale}
                    value={o.text[locale] ?? ''}
                    maxLength={2000}
                    onChange={(e) =>
                      onChange({
                        ...q,
                        options: q.options!.map((x) =>
                          x.id === o.id ? { ...x, text: { ...x.text, [locale]: e.target.value } } : x,
                        ),
                      })
                    }
                  />
                </label>
              ))}
            </div>
          ))}
          <button
            type="button"
            onClick={() =>
              onChange({
                ...q,
                options: [...(q.options ?? []), { id: `o${(q.options?.length ?? 0) + 1}`, text: {} }],
              })
            }
          >
            {t('surveys.addOption')}
          </button>
        </div>
      )}
    </fieldset>
  );
}
