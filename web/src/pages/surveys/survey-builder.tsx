import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Question } from '../../../../src/http/api-types';
import { ErrorMessage } from '../../components/error-message';
import { LOCALES } from '../../i18n/setup';
import { keysOf } from '../../lib/domain';
import { QuestionEditor } from './question-editor';
import { SurveyPreview } from './survey-preview';
import type { SurveyDraft } from './types';

const AUDIENCES = keysOf<SurveyDraft['audience']>({ customers: true, employees: true, internal: true });
const SURVEY_STATUSES = keysOf<SurveyDraft['status']>({ draft: true, active: true, closed: true });

export const NEW_SURVEY: SurveyDraft = {
  name: '',
  audience: 'customers',
  defaultLocale: 'en',
  status: 'active',
  texts: {},
  questions: [
    { id: 'nps', type: 'nps', required: true, text: {} },
    { id: 'reason', type: 'text', text: {} },
  ],
};

/** Drops empty translations: the API wants at least one text and no blank ones. */
export function cleanDraft(d: SurveyDraft): SurveyDraft {
  const clean = (t: Record<string, string> = {}) =>
    Object.fromEntries(Object.entries(t).filter(([, v]) => v.trim() !== ''));
  return {
    ...d,
    name: d.name.trim(),
    questions: d.questions.map((q) => ({
      ...q,
      text: clean(q.text),
      ...(q.options ? { options: q.options.map((o) => ({ ...o, text: clean(o.text) })) } : {}),
    })),
  };
}

type Props = {
  initial: SurveyDraft;
  onSave: (draft: SurveyDraft) => void;
  saving: boolean;
  error: unknown;
  canEdit: boolean;
};

/** The survey builder: settings, questions with texts in every language, and a live preview. */
export function SurveyBuilder({ initial, onSave, saving, error, canEdit }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<SurveyDraft>(initial);
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
  return (
    <div className="builder">
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          onSave(cleanDraft(draft));
        }}
      >
        <fieldset disabled={!canEdit} className="stack">
          <div className="card row">
            <label>
              {t('surveys.name')}
              <input
                required
                maxLength={200}
                value={draft.name}
                onChange={(e) => setDraft({ ...draft, name: e.target.value })}
              />
            </label>
            <label>
              {t('surveys.audience')}
              <select
                value={draft.audience}
                onChange={(e) => setDraft({ ...draft, audience: e.target.value as SurveyDraft['audience'] })}
              >
                {AUDIENCES.map((a) => (
                  <option key={a} value={a}>
                    {t(`audiences.${a}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('surveys.defaultLocale')}
              <select
                value={draft.defaultLocale}
                onChange={(e) =>
                  setDraft({ ...draft, defaultLocale: e.target.value as SurveyDraft['defaultLocale'] })
                }
              >
                {LOCALES.map((l) => (
                  <option key={l} value={l}>
                    {t(`locales.${l}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('surveys.status')}
              <select
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
          {draft.questions.map((q, i) => (
            <QuestionEditor
              key={q.id}
              q={q}
              index={i}
              count={draft.questions.length}
              onChange={(x) => setQuestion(i, x)}
              onRemove={() => setDraft({ ...draft, questions: draft.questions.filter((_, j) => j !== i) })}
              onMove={(delta) => move(i, delta)}
            />
          ))}
          {canEdit && (
            <div className="row">
              <button
                type="button"
                onClick={() =>
                  setDraft({
                    ...draft,
                    questions: [...draft.questions, { id: nextId(), type: 'text', text: {} }],
                  })
                }
              >
                {t('surveys.addQuestion')}
              </button>
              <button type="submit" className="primary" disabled={saving}>
                {t('surveys.save')}
              </button>
            </div>
          )}
        </fieldset>
        {Boolean(error) && <ErrorMessage error={error} />}
      </form>
      <SurveyPreview draft={draft} />
    </div>
  );
}
