import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../../src/http/api-types';
import type { SurveyDraft } from './types';

type TextKey = 'title' | 'intro' | 'thanks';

/** The title, introduction and thank-you text respondents read, in each language of the survey. */
export function RespondentTexts({
  texts,
  languages,
  onChange,
}: {
  texts: SurveyDraft['texts'];
  languages: readonly Locale[];
  onChange: (texts: SurveyDraft['texts']) => void;
}) {
  const { t } = useTranslation();
  const set = (key: TextKey, locale: Locale, value: string) =>
    onChange({ ...texts, [key]: { ...texts[key], [locale]: value } });
  return (
    <fieldset className="card stack" data-testid="respondent-texts">
      <legend>{t('surveyBuilder.publicTexts')}</legend>
      {languages.map((locale) => (
        <div className="stack" key={locale}>
          {(['title', 'intro', 'thanks'] as const).map((key) => {
            const props = {
              lang: locale,
              'data-testid': `text-${key}-${locale}`,
              maxLength: 2000,
              value: texts[key]?.[locale] ?? '',
            };
            const label = t(`surveyBuilder.${key}`, { language: t(`locales.${locale}`) });
            return key === 'title' ? (
              <label key={key}>
                {label}
                <input {...props} onChange={(e) => set(key, locale, e.target.value)} />
              </label>
            ) : (
              <label key={key}>
                {label}
                <textarea rows={2} {...props} onChange={(e) => set(key, locale, e.target.value)} />
              </label>
            );
          })}
        </div>
      ))}
    </fieldset>
  );
}
