import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../../src/http/api-types';
import {
  SURVEY_TEMPLATES,
  type TemplateKey,
  templateIn,
} from '../../../../src/modules/surveys/domain/templates';
import { LOCALES } from '../../i18n/setup';
import type { SurveyDraft } from './types';

/** A template as a draft: in the survey's language alone, or in all four. */
export function draftFromTemplate(key: TemplateKey, locale: Locale, allLanguages: boolean): SurveyDraft {
  const template = SURVEY_TEMPLATES.find((s) => s.key === key)!;
  const texts = allLanguages ? template : templateIn(template, locale);
  return {
    name: template.name[locale],
    audience: template.audience,
    defaultLocale: locale,
    status: 'active',
    texts: { title: texts.texts.title, thanks: texts.texts.thanks },
    questions: structuredClone(texts.questions),
  };
}

/** Starts the draft from a ready-made survey. */
export function TemplatePicker({
  locale,
  onPick,
}: {
  locale: Locale;
  onPick: (draft: SurveyDraft, languages: Locale[]) => void;
}) {
  const { t } = useTranslation();
  const [key, setKey] = useState<TemplateKey | ''>('');
  const [all, setAll] = useState(false);
  return (
    <div className="card stack" data-testid="template-picker">
      <div className="row">
        <label>
          {t('surveyBuilder.template')}
          <select
            data-testid="template-select"
            value={key}
            onChange={(e) => setKey(e.target.value as TemplateKey | '')}
          >
            <option value="">{t('surveyBuilder.templateBlank')}</option>
            {SURVEY_TEMPLATES.map((s) => (
              <option key={s.key} value={s.key}>
                {t(`surveyBuilder.templates.${s.key}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input
            type="checkbox"
            data-testid="template-all-languages"
            checked={all}
            onChange={(e) => setAll(e.target.checked)}
          />
          {t('surveyBuilder.templateAllLanguages')}
        </label>
        <button
          type="button"
          data-testid="template-apply"
          disabled={!key}
          onClick={() => key && onPick(draftFromTemplate(key, locale, all), all ? [...LOCALES] : [locale])}
        >
          {t('surveyBuilder.templateApply')}
        </button>
      </div>
      <p className="muted">{t('surveyBuilder.templateReplaces')}</p>
      {key === 'enpsPulse' && <p className="muted">{t('surveyBuilder.enpsNote')}</p>}
    </div>
  );
}
