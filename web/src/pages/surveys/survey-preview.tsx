import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale, Question } from '../../../../src/http/api-types';
import { type Answers, isVisible } from '../../../../src/modules/surveys/domain/questions';
import { surveyText } from '../../../../src/modules/surveys/messages';
import { scaleOf } from '../../lib/domain';
import type { SurveyDraft } from './types';

type Strings = (typeof surveyText.messages)[Locale];
type Key = keyof Strings;

/**
 * How a respondent sees the survey, in each of its languages, as it is being edited: every word
 * in the language previewed (the respondent page's own strings), branches revealed by the answers
 * clicked here, and the thank-you text.
 */
export function SurveyPreview({ draft, languages }: { draft: SurveyDraft; languages: readonly Locale[] }) {
  const { t, i18n } = useTranslation();
  const [chosen, setChosen] = useState<Locale | undefined>(undefined);
  const [answers, setAnswers] = useState<Answers>({});
  const locale = chosen && languages.includes(chosen) ? chosen : draft.defaultLocale;
  const strings = surveyText.messages[locale];
  const text = (texts: Record<string, string> | undefined) => texts?.[locale] || texts?.[draft.defaultLocale];
  const questions = draft.questions.filter((q) => isVisible(q as never, answers));
  return (
    <section className="preview" aria-label={t('surveys.preview')}>
      <div className="row">
        <h2>{t('surveys.preview')}</h2>
        {languages.length > 1 && (
          <fieldset className="tabs">
            <legend className="visually-hidden">{t('surveys.previewLanguage')}</legend>
            {languages.map((l) => (
              <button
                key={l}
                type="button"
                data-testid={`preview-language-${l}`}
                aria-pressed={l === locale}
                onClick={() => setChosen(l)}
              >
                {t(`locales.${l}`)}
              </button>
            ))}
          </fieldset>
        )}
      </div>
      <div lang={locale} data-testid="preview" data-locale={locale}>
        <h3 className="free-text" data-testid="preview-title">
          {text(draft.texts.title) || strings['survey.defaultTitle']}
        </h3>
        {text(draft.texts.intro) && <p className="free-text">{text(draft.texts.intro)}</p>}
        {questions.some((q) => q.required) && <p className="muted">{strings['survey.requiredLegend']}</p>}
        {questions.map((q) => (
          <PreviewQuestion
            key={q.id}
            q={q}
            locale={locale}
            fallback={draft.defaultLocale}
            strings={strings}
            answer={answers[q.id]}
            onAnswer={(value) => setAnswers({ ...answers, [q.id]: value })}
          />
        ))}
        <div className="row">
          <button type="button" disabled data-testid="preview-submit">
            {strings['survey.submit']}
          </button>
          <button type="button" disabled>
            {strings['survey.saveLater']}
          </button>
        </div>
        <div className="preview-thanks" data-testid="preview-thanks">
          <p className="muted" lang={i18n.language}>
            {t('surveyBuilder.previewThanks')}
          </p>
          <h3>{strings['survey.thanks.title']}</h3>
          <p className="free-text">{text(draft.texts.thanks) || strings['survey.thanks.body']}</p>
        </div>
      </div>
    </section>
  );
}

function PreviewQuestion({
  q,
  locale,
  fallback,
  strings,
  answer,
  onAnswer,
}: {
  q: Question;
  locale: Locale;
  fallback: string;
  strings: Strings;
  answer: Answers[string] | undefined;
  onAnswer: (value: number | string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const text = q.text[locale] || q.text[fallback];
  const range = scaleOf(q);
  const kind = q.type === 'nps' || q.type === 'csat' || q.type === 'ces' ? q.type : 'rating';
  return (
    <fieldset className="preview-question" data-testid="preview-question" data-question={q.id}>
      <legend id={id}>
        {text ? (
          <span className="free-text">{text}</span>
        ) : (
          <em className="warn">{t('surveys.missingText', { locale: t(`locales.${locale}`) })}</em>
        )}
        {q.required && <span aria-hidden="true"> *</span>}
      </legend>
      {range && (
        <div className="scale">
          <span className="muted">{strings[`survey.${kind}.low` as Key]}</span>
          {Array.from({ length: range.max - range.min + 1 }, (_, i) => range.min + i).map((v) => (
            <button
              key={v}
              type="button"
              data-testid={`preview-score-${v}`}
              aria-pressed={answer === v}
              onClick={() => onAnswer(v)}
            >
              {v}
            </button>
          ))}
          <span className="muted">{strings[`survey.${kind}.high` as Key]}</span>
        </div>
      )}
      {q.type === 'choice' && (
        <ul className="plain">
          {(q.options ?? []).map((o) => (
            <li key={o.id}>
              <span aria-hidden="true">{q.multiple ? '☐' : '○'}</span>{' '}
              <span className="free-text">{o.text[locale] || o.text[fallback] || o.id}</span>
            </li>
          ))}
        </ul>
      )}
      {q.type === 'contact' && (
        <div className="stack">
          {(['yes', 'no'] as const).map((v) => (
            <button key={v} type="button" aria-pressed={answer === v} onClick={() => onAnswer(v)}>
              {strings[`survey.contact.${v}`]}
            </button>
          ))}
          {answer === 'yes' && (
            <p className="muted">
              {strings['survey.contact.email']} · {strings['survey.contact.phone']}
            </p>
          )}
        </div>
      )}
      {q.type === 'text' && <textarea rows={2} disabled aria-labelledby={id} />}
    </fieldset>
  );
}
