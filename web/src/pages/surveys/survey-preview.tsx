import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale, Question } from '../../../../src/http/api-types';
import { surveyText } from '../../../../src/modules/surveys/messages';
import { LOCALES } from '../../i18n/setup';
import { scaleOf } from '../../lib/domain';
import type { SurveyDraft } from './types';

/** How a respondent sees the survey, in any of the four languages, as it is being edited. */
export function SurveyPreview({ draft }: { draft: SurveyDraft }) {
  const { t } = useTranslation();
  const [locale, setLocale] = useState<Locale>(draft.defaultLocale);
  return (
    <section className="preview" aria-label={t('surveys.preview')}>
      <div className="row">
        <h2>{t('surveys.preview')}</h2>
        <fieldset className="tabs">
          <legend className="visually-hidden">{t('surveys.previewLanguage')}</legend>
          {LOCALES.map((l) => (
            <button key={l} type="button" aria-pressed={l === locale} onClick={() => setLocale(l)}>
              {l.toUpperCase()}
            </button>
          ))}
        </fieldset>
      </div>
      <div lang={locale} data-testid="preview">
        {draft.texts.intro?.[locale] && <p className="free-text">{draft.texts.intro[locale]}</p>}
        {draft.questions.map((q) => (
          <PreviewQuestion key={q.id} q={q} locale={locale} fallback={draft.defaultLocale} />
        ))}
        <button type="button" disabled>
          {surveyText.messages[locale]['survey.submit']}
        </button>
      </div>
    </section>
  );
}

function PreviewQuestion({ q, locale, fallback }: { q: Question; locale: Locale; fallback: string }) {
  const { t } = useTranslation();
  const id = useId();
  const text = q.text[locale] || q.text[fallback];
  const strings = surveyText.messages[locale];
  const range = scaleOf(q);
  const labelKey =
    q.type === 'nps' || q.type === 'csat' || q.type === 'ces' || q.type === 'rating' ? q.type : null;
  return (
    <fieldset className="preview-question">
      <legend id={id}>
        {text ? (
          <span className="free-text">{text}</span>
        ) : (
          <em className="warn">{t('surveys.missingText', { locale })}</em>
        )}
        {q.required && <span aria-hidden="true"> *</span>}
      </legend>
      {range && labelKey && (
        <div className="scale">
          <span className="muted">{strings[`survey.${labelKey}.low` as keyof typeof strings]}</span>
          {Array.from({ length: range.max - range.min + 1 }, (_, i) => range.min + i).map((v) => (
            <button key={v} type="button" disabled>
              {v}
            </button>
          ))}
          <span className="muted">{strings[`survey.${labelKey}.high` as keyof typeof strings]}</span>
        </div>
      )}
      {q.type === 'choice' && (
        <ul className="plain">
          {(q.options ?? []).map((o) => (
            <li key={o.id}>
              <span aria-hidden="true">{q.multiple ? '☐' : '○'}</span>{' '}
              {o.text[locale] || o.text[fallback] || o.id}
            </li>
          ))}
        </ul>
      )}
      {q.type === 'text' && <textarea rows={2} disabled aria-labelledby={id} />}
    </fieldset>
  );
}
