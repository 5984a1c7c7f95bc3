import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale, Question } from '../../../../src/http/api-types';
import { ErrorMessage } from '../../components/error-message';
import { LOCALES } from '../../i18n/setup';
import { keysOf } from '../../lib/domain';
import { draftProblems, type Problems, serverProblems } from './builder-problems';
import { cleanDraft, languagesOf } from './draft';
import { FieldProblem } from './field-problem';
import { QuestionEditor } from './question-editor';
import { RespondentTexts } from './respondent-texts';
import { SurveyPreview } from './survey-preview';
import { TemplatePicker } from './template-picker';
import type { SurveyDraft } from './types';

const AUDIENCES = keysOf<SurveyDraft['audience']>({ customers: true, employees: true, internal: true });
const SURVEY_STATUSES = keysOf<SurveyDraft['status']>({ draft: true, active: true, closed: true });

type Props = {
  initial: SurveyDraft;
  onSave: (draft: SurveyDraft) => void;
  saving: boolean;
  error: unknown;
  canEdit: boolean;
  /** A new survey may start from a template. */
  templates?: boolean;
};

/** The survey builder: settings, texts in the survey's languages, questions with branches, and a live preview. */
export function SurveyBuilder({ initial, onSave, saving, error, canEdit, templates }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<SurveyDraft>(initial);
  const [languages, setLanguages] = useState<Locale[]>(() => languagesOf(initial));
  const [problems, setProblems] = useState<Problems>(new Map());
  const [checkedError, setCheckedError] = useState<unknown>(undefined);
  // A refused save shows on its fields until the next attempt.
  const shown = error && error !== checkedError ? serverProblems(error) : problems;

  const setQuestion = (i: number, q: Question) =>
    setDraft({ ...draft, questions: draft.questions.map((x, j) => (j === i ? q : x)) });
  const move = (i: number, delta: number) => {
    const questions = [...draft.questions];
    const [q] = questions.splice(i, 1);
    questions.splice(i + delta, 0, q);
    setDraft({ ...draft, questions });
  };
  const nextId = () => {
    let n = draft.questions.length + 1;
    while (draft.questions.some((q) => q.id === `q${n}`)) n++;
    return `q${n}`;
  };
  const toggleLanguage = (l: Locale, on: boolean) =>
    setLanguages(LOCALES.filter((x) => x === draft.defaultLocale || (x === l ? on : languages.includes(x))));
  const submit = () => {
    const cleaned = cleanDraft(draft, languages);
    const found = draftProblems(cleaned, languages);
    setProblems(found);
    setCheckedError(error);
    if (found.size === 0) onSave(cleaned);
    else requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid=true]')?.focus());
  };

  return (
    <div className="builder" data-testid="survey-builder">
      <form
        className="stack"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <fieldset disabled={!canEdit} className="stack">
          {templates && canEdit && (
            <TemplatePicker
              locale={draft.defaultLocale}
              onPick={(d, langs) => {
                setDraft(d);
                setLanguages(langs);
                setProblems(new Map());
              }}
            />
          )}
          <div className="card stack">
            <div className="row">
              <label>
                {t('surveys.name')}
                <input
                  data-testid="survey-name"
                  maxLength={200}
                  value={draft.name}
                  aria-invalid={shown.has('name') ? true : undefined}
                  aria-describedby="survey-name-help"
                  onChange={(e) => setDraft({ ...draft, name: e.target.value })}
                />
              </label>
              <label>
                {t('surveys.audience')}
                <select
                  data-testid="survey-audience"
                  value={draft.audience}
                  onChange={(e) =>
                    setDraft({ ...draft, audience: e.target.value as SurveyDraft['audience'] })
                  }
                >
                  {AUDIENCES.map((a) => (
                    <option key={a} value={a}>
                      {t(`audiences.${a}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t('surveys.status')}
                <select
                  data-testid="survey-status"
                  value={draft.status}
                  onChange={(e) => setDraft({ ...draft, status: e.target.value as SurveyDraft['status'] })}
                >
                  {SURVEY_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {t(`surveyStatus.${s}`)}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            <p className="muted" id="survey-name-help">
              {t('surveyBuilder.nameHelp')}
            </p>
            <FieldProblem id="survey-name-err" problem={shown.get('name')} />
            <div className="row">
              <label>
                {t('surveys.defaultLocale')}
                <select
                  data-testid="default-locale"
                  value={draft.defaultLocale}
                  onChange={(e) => {
                    const l = e.target.value as Locale;
                    setDraft({ ...draft, defaultLocale: l });
                    if (!languages.includes(l))
                      setLanguages(LOCALES.filter((x) => x === l || languages.includes(x)));
                  }}
                >
                  {LOCALES.map((l) => (
                    <option key={l} value={l}>
                      {t(`locales.${l}`)}
                    </option>
                  ))}
                </select>
              </label>
              <fieldset className="row languages">
                <legend>{t('surveyBuilder.writeIn')}</legend>
                {LOCALES.map((l) => (
                  <label className="check" key={l}>
                    <input
                      type="checkbox"
                      data-testid={`write-in-${l}`}
                      checked={languages.includes(l)}
                      disabled={l === draft.defaultLocale}
                      onChange={(e) => toggleLanguage(l, e.target.checked)}
                    />
                    {t(`locales.${l}`)}
                  </label>
                ))}
              </fieldset>
            </div>
            <p className="muted">{t('surveyBuilder.writeInHelp')}</p>
          </div>
          <RespondentTexts
            texts={draft.texts}
            languages={languages}
            onChange={(texts) => setDraft({ ...draft, texts })}
          />
          {draft.questions.map((q, i) => (
            <QuestionEditor
              key={q.id}
              q={q}
              index={i}
              count={draft.questions.length}
              earlier={draft.questions.slice(0, i)}
              languages={languages}
              problems={shown}
              onChange={(x) => setQuestion(i, x)}
              onRemove={() => setDraft({ ...draft, questions: draft.questions.filter((_, j) => j !== i) })}
              onMove={(delta) => move(i, delta)}
            />
          ))}
          {shown.size > 0 && (
            <p role="alert" className="error" data-testid="builder-problems">
              {t('surveyBuilder.problemCount', { count: shown.size })}
            </p>
          )}
          {canEdit && (
            <div className="row">
              <button
                type="button"
                data-testid="add-question"
                onClick={() =>
                  setDraft({
                    ...draft,
                    questions: [...draft.questions, { id: nextId(), type: 'text', text: {} }],
                  })
                }
              >
                {t('surveys.addQuestion')}
              </button>
              <button type="submit" className="primary" data-testid="save-survey" disabled={saving}>
                {t('surveys.save')}
              </button>
            </div>
          )}
        </fieldset>
        {Boolean(error) && shown.size === 0 && <ErrorMessage error={error} />}
      </form>
      <SurveyPreview draft={draft} languages={languages} />
    </div>
  );
}
