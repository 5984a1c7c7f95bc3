import { useTranslation } from 'react-i18next';
import type { Locale, Question, QuestionType } from '../../../../src/http/api-types';
import { QUESTION_TYPES } from '../../lib/domain';
import { BranchEditor } from './branch-editor';
import { type Problems, problemAt } from './builder-problems';
import { FieldProblem } from './field-problem';

type Props = {
  q: Question;
  index: number;
  count: number;
  /** The questions before this one: a branch may depend on them. */
  earlier: Question[];
  /** The languages the survey is written in: a text field for each. */
  languages: readonly Locale[];
  problems: Problems;
  onChange: (q: Question) => void;
  onRemove: () => void;
  onMove: (delta: number) => void;
};

/** One question: its type, whether it must be answered, its branch, and its text in each language. */
export function QuestionEditor({
  q,
  index,
  count,
  earlier,
  languages,
  problems,
  onChange,
  onRemove,
  onMove,
}: Props) {
  const { t } = useTranslation();
  const n = index + 1;
  const at = `questions.${index}`;
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
  const textProblem = problemAt(problems, `${at}.text`);
  const optionsProblem = problems.get(`${at}.options`);
  return (
    <fieldset className="card question-editor" data-testid="question" data-question-index={index}>
      <legend>{t('surveys.questionN', { n })}</legend>
      <div className="row">
        <label>
          {t('surveys.type')}
          <select
            data-testid="question-type"
            value={q.type}
            onChange={(e) => setType(e.target.value as QuestionType)}
          >
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
            data-testid="question-required"
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
        <button
          type="button"
          className="danger"
          data-testid="question-remove"
          onClick={onRemove}
          disabled={count === 1}
        >
          {t('surveys.removeQuestion')}
        </button>
      </div>
      {q.type === 'contact' && <p className="muted">{t('surveyBuilder.contactHelp')}</p>}
      {languages.map((locale) => (
        <label key={locale}>
          {t('surveyBuilder.questionText', { language: t(`locales.${locale}`) })}
          <input
            lang={locale}
            data-testid={`question-text-${locale}`}
            maxLength={2000}
            value={q.text[locale] ?? ''}
            onChange={(e) => setText(locale, e.target.value)}
            aria-invalid={textProblem ? true : undefined}
            aria-describedby={textProblem ? `${at}-text-err` : undefined}
          />
        </label>
      ))}
      <FieldProblem id={`${at}-text-err`} problem={textProblem} />
      {q.type === 'choice' && (
        <div className="stack">
          {(q.options ?? []).map((o, i) => {
            const problem = problems.get(`${at}.options.${i}.text`);
            return (
              <div className="row" key={o.id}>
                {languages.map((locale) => (
                  <label key={locale}>
                    {t('surveyBuilder.optionText', { n: i + 1, language: t(`locales.${locale}`) })}
                    <input
                      lang={locale}
                      value={o.text[locale] ?? ''}
                      maxLength={2000}
                      aria-invalid={problem ? true : undefined}
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
                <FieldProblem id={`${at}-option-${i}-err`} problem={problem} />
              </div>
            );
          })}
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
          <FieldProblem id={`${at}-options-err`} problem={optionsProblem} />
        </div>
      )}
      <BranchEditor
        q={q}
        index={index}
        earlier={earlier}
        locale={languages[0]}
        problems={problems}
        onChange={(showIf) => {
          const { showIf: _old, ...rest } = q;
          onChange(showIf ? { ...rest, showIf } : rest);
        }}
      />
      <FieldProblem id={`${at}-id-err`} problem={problems.get(`${at}.id`)} />
    </fieldset>
  );
}
