/**
 * Enhances the respondent page when scripts run (it works without): reveals conditional
 * questions as answers change, keeps the list of shown questions for the server, blocks a
 * second click on submit, and moves focus to the error summary.
 */
import { type Answers, isVisible, type Question } from '../../src/modules/surveys/domain/questions';

function answersOf(form: HTMLFormElement): Answers {
  const answers: Answers = {};
  for (const field of Array.from(form.elements) as HTMLInputElement[]) {
    const { name, value, type } = field;
    if (
      !name?.startsWith('q.') ||
      value === '' ||
      ((type === 'radio' || type === 'checkbox') && !field.checked)
    )
      continue;
    const id = name.slice(2);
    const v = /^-?\d+$/.test(value) ? Number(value) : value;
    const prev = answers[id];
    answers[id] = prev === undefined ? v : ([] as (string | number)[]).concat(prev, v).map(String);
  }
  return answers;
}

function enhance(form: HTMLFormElement) {
  const presented = form.querySelector<HTMLInputElement>('input[name=presented]');
  const conditional = Array.from(form.querySelectorAll<HTMLElement>('[data-show-if]'));
  const update = () => {
    const answers = answersOf(form);
    const shown = new Set((presented?.value ?? '').split(',').filter(Boolean));
    for (const el of conditional) {
      const id = el.dataset.question ?? '';
      const visible = isVisible({ id, showIf: JSON.parse(el.dataset.showIf ?? 'null') } as Question, answers);
      el.hidden = !visible;
      if (visible) shown.add(id);
      else shown.delete(id);
    }
    if (presented) presented.value = Array.from(shown).join(',');
  };
  form.addEventListener('change', update);
  update();
  let sent = false;
  form.addEventListener('submit', (e) => {
    if (sent) e.preventDefault();
    sent = true;
  });
  document.getElementById('errors')?.focus();
}

const form = document.querySelector<HTMLFormElement>('form[data-survey-form]');
if (form) enhance(form);
