import { useTranslation } from 'react-i18next';
import type { Locale, Question } from '../../../../src/http/api-types';
import { scaleOf } from '../../lib/domain';
import { type FieldProblem as Problem, type Problems, problemAt } from './builder-problems';
import { FieldProblem } from './field-problem';

type ShowIf = NonNullable<Question['showIf']>;
type Op = ShowIf['op'];

/** The questions a branch may depend on: earlier ones with a scale, options or a yes/no. */
const canLeadTo = (q: Question) => Boolean(scaleOf(q)) || q.type === 'choice' || q.type === 'contact';

const opsFor = (q: Question): Op[] => (scaleOf(q) ? ['lte', 'gte', 'between'] : ['eq']);

/** Detractors for an NPS, the lower part of any other scale; the first option; a yes. */
export function defaultBranch(target: Question): ShowIf {
  const range = scaleOf(target);
  if (range) {
    const low = target.type === 'nps' ? 6 : Math.floor((range.min + range.max) / 2);
    return { questionId: target.id, op: 'lte', value: low };
  }
  if (target.type === 'choice')
    return { questionId: target.id, op: 'eq', value: target.options?.[0]?.id ?? '' };
  return { questionId: target.id, op: 'eq', value: 'yes' };
}

/** "Show this question always / only when the answer to … is …": a branch by an earlier answer. */
export function BranchEditor({
  q,
  index,
  earlier,
  locale,
  problems,
  onChange,
}: {
  q: Question;
  index: number;
  earlier: Question[];
  locale: Locale;
  problems: Problems;
  onChange: (showIf: ShowIf | undefined) => void;
}) {
  const { t } = useTranslation();
  const targets = earlier.filter(canLeadTo);
  const cond = q.showIf;
  const target = cond && earlier.find((e) => e.id === cond.questionId);
  const field = `questions.${index}.showIf`;
  const problem: Problem | undefined = problemAt(problems, field);
  const errorId = `branch-${q.id}-err`;
  const described = problem ? { 'aria-describedby': errorId, 'aria-invalid': true } : {};
  if (!targets.length && !cond) return null;
  const values = Array.isArray(cond?.value) ? cond.value : [cond?.value];
  const range = target ? scaleOf(target) : undefined;
  const setOp = (op: Op) => {
    if (!cond) return;
    const first = Number(values[0] ?? range?.min ?? 0);
    onChange({
      ...cond,
      op,
      value: op === 'between' ? [first, Math.max(first, range?.max ?? first)] : first,
    });
  };
  const number = (value: unknown, set: (n: number) => void, testId: string, label: string) => (
    <label>
      {label}
      <input
        type="number"
        data-testid={testId}
        min={range?.min}
        max={range?.max}
        value={String(value ?? '')}
        onChange={(e) => set(Number(e.target.value))}
        {...described}
      />
    </label>
  );
  return (
    <div className="row branch" data-testid="branch">
      <label>
        {t('surveyBuilder.branch')}
        <select
          data-testid="branch-mode"
          value={cond ? 'when' : 'always'}
          onChange={(e) =>
            onChange(e.target.value === 'when' && targets[0] ? defaultBranch(targets.at(-1)!) : undefined)
          }
        >
          <option value="always">{t('surveyBuilder.branchAlways')}</option>
          {targets.length > 0 && <option value="when">{t('surveyBuilder.branchWhen')}</option>}
        </select>
      </label>
      {cond && (
        <>
          <label>
            {t('surveyBuilder.branchQuestion')}
            <select
              data-testid="branch-question"
              value={cond.questionId}
              onChange={(e) => {
                const next = earlier.find((x) => x.id === e.target.value);
                if (next) onChange(defaultBranch(next));
              }}
              {...described}
            >
              {!target && <option value={cond.questionId}>{cond.questionId}</option>}
              {targets.map((x) => (
                <option key={x.id} value={x.id} className="free-text">
                  {earlier.indexOf(x) + 1}. {x.text[locale] || Object.values(x.text)[0] || x.id}
                </option>
              ))}
            </select>
          </label>
          {target && (
            <label>
              {t('surveyBuilder.branchCondition')}
              <select data-testid="branch-op" value={cond.op} onChange={(e) => setOp(e.target.value as Op)}>
                {opsFor(target).map((op) => (
                  <option key={op} value={op}>
                    {t(`surveyBuilder.ops.${op}`)}
                  </option>
                ))}
              </select>
            </label>
          )}
          {target && range && cond.op === 'between' && (
            <>
              {number(
                values[0],
                (n) => onChange({ ...cond, value: [n, Number(values[1])] }),
                'branch-value',
                t('surveyBuilder.branchValue'),
              )}
              {number(
                values[1],
                (n) => onChange({ ...cond, value: [Number(values[0]), n] }),
                'branch-value-high',
                t('surveyBuilder.branchTo'),
              )}
            </>
          )}
          {target &&
            range &&
            cond.op !== 'between' &&
            number(
              values[0],
              (n) => onChange({ ...cond, value: n }),
              'branch-value',
              t('surveyBuilder.branchValue'),
            )}
          {target && !range && (
            <label>
              {t('surveyBuilder.branchValue')}
              <select
                data-testid="branch-value"
                value={String(values[0] ?? '')}
                onChange={(e) => onChange({ ...cond, op: 'eq', value: e.target.value })}
              >
                {target.type === 'contact'
                  ? (['yes', 'no'] as const).map((v) => (
                      <option key={v} value={v}>
                        {t(v === 'yes' ? 'surveyBuilder.yes' : 'surveyBuilder.no')}
                      </option>
                    ))
                  : (target.options ?? []).map((o) => (
                      <option key={o.id} value={o.id} className="free-text">
                        {o.text[locale] || Object.values(o.text)[0] || o.id}
                      </option>
                    ))}
              </select>
            </label>
          )}
        </>
      )}
      <FieldProblem id={errorId} problem={problem} />
    </div>
  );
}
