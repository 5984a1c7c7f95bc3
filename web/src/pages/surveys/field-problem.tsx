import { useTranslation } from 'react-i18next';
import type { FieldProblem as Problem } from './builder-problems';

/** A field's problem in words of the reader's language, tied to the field by its id. */
export function FieldProblem({ id, problem }: { id: string; problem?: Problem }) {
  const { t } = useTranslation();
  if (!problem) return null;
  const params = { ...problem.params };
  if (typeof params.locale === 'string') params.language = t(`locales.${params.locale}`);
  return (
    <p className="field-error" id={id} data-testid="field-problem">
      {t(`surveyBuilder.problems.${problem.code}`, params)}
    </p>
  );
}
