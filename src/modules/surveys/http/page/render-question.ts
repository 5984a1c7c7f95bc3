import type { Locale } from '../../../../i18n/locales';
import { html, type SafeHtml } from '../../../../lib/html';
import { type Answer, localize, type Question, scaleOf } from '../../domain/questions';
import { surveyText } from '../../messages';

export type QuestionView = {
  question: Question;
  locale: Locale;
  fallback: string;
  value?: Answer;
  error?: string;
  /** Hidden until its condition holds; the page script reveals it without a round trip. */
  hidden: boolean;
};

const fieldName = (q: Question) => `q.${q.id}`;

/** One question as accessible form controls: a fieldset with legend for scales and choices, a labelled textarea for text. */
export function renderQuestion(v: QuestionView): SafeHtml {
  const q = v.question;
  const label = localize(q.text, v.locale, v.fallback);
  const id = `q-${q.id}`;
  const errorId = `${id}-err`;
  const error = v.error ? html`<p class="error" id="${errorId}">${v.error}</p>` : '';
  const condition = q.showIf ? JSON.stringify(q.showIf) : undefined;
  const required = q.required
    ? html`<span class="sr"> (${surveyText(v.locale, 'survey.required')})</span>`
    : '';
  const mark = q.required ? html` <span class="req" aria-hidden="true">*</span>${required}` : '';
  const described =
    [v.error ? errorId : '', scaleOf(q) ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  // Browser-enforced `required` only where the question is surely shown.
  const requiredAttr = q.required && !q.showIf ? html` required` : '';

  if (q.type === 'contact') return renderContact(v, { id, label, mark, condition, error });

  if (q.type === 'text') {
    return html`<div class="q" id="${id}" data-question="${q.id}" ${condition ? html`data-show-if="${condition}"` : ''} ${v.hidden ? html`hidden` : ''}>
<label for="${id}-input">${label}${mark}</label>
<textarea id="${id}-input" name="${fieldName(q)}" maxlength="${q.maxLength ?? 5000}" ${described ? html`aria-describedby="${described}"` : ''}${v.error ? html` aria-invalid="true"` : ''}${requiredAttr}>${typeof v.value === 'string' ? v.value : ''}</textarea>
${error}</div>`;
  }

  const range = scaleOf(q);
  const choices: { value: string; label: string }[] = range
    ? Array.from({ length: range.max - range.min + 1 }, (_, i) => String(range.min + i)).map((n) => ({
        value: n,
        label: n,
      }))
    : (q.options ?? []).map((o) => ({ value: o.id, label: localize(o.text, v.locale, v.fallback) }));
  const picked = new Set(
    (Array.isArray(v.value) ? v.value : v.value === undefined ? [] : [v.value]).map(String),
  );
  const type = q.type === 'choice' && q.multiple ? 'checkbox' : 'radio';
  const kind = q.type === 'rating' ? 'rating' : q.type;
  const hint = range
    ? html`<p class="hint" id="${id}-hint"><span>${range.min} = ${surveyText(v.locale, `survey.${kind as 'nps'}.low`)}</span><span>${range.max} = ${surveyText(v.locale, `survey.${kind as 'nps'}.high`)}</span></p>`
    : q.multiple
      ? html`<p class="hint">${surveyText(v.locale, 'survey.chooseAll')}</p>`
      : '';
  return html`<fieldset class="q" id="${id}" data-question="${q.id}" ${condition ? html`data-show-if="${condition}"` : ''} ${v.hidden ? html`hidden` : ''} ${described ? html`aria-describedby="${described}"` : ''}>
<legend>${label}${mark}</legend>
${hint}
<div class="options${range ? '' : ' list'}">${choices.map(
    (c, i) =>
      html`<label><input type="${type}" name="${fieldName(q)}" value="${c.value}"${picked.has(c.value) ? html` checked` : ''}${type === 'radio' && i === 0 ? requiredAttr : ''}${v.error ? html` aria-invalid="true"` : ''}> <span>${c.label}</span></label>`,
  )}</div>
${error}</fieldset>`;
}

/** "May we contact you?": yes or no; a yes reveals the e-mail and phone fields (CSS, no script needed). */
function renderContact(
  v: QuestionView,
  o: { id: string; label: string; mark: SafeHtml | string; condition?: string; error: SafeHtml | string },
): SafeHtml {
  const q = v.question;
  const t = (key: 'yes' | 'no' | 'email' | 'phone' | 'hint') => surveyText(v.locale, `survey.contact.${key}`);
  const choice = (value: 'yes' | 'no') =>
    html`<label><input type="radio" name="${fieldName(q)}" value="${value}"${v.value === value ? html` checked` : ''}> <span>${t(value)}</span></label>`;
  return html`<fieldset class="q contact" id="${o.id}" data-question="${q.id}" ${o.condition ? html`data-show-if="${o.condition}"` : ''} ${v.hidden ? html`hidden` : ''}>
<legend>${o.label}${o.mark}</legend>
<div class="options list">${choice('yes')}${choice('no')}</div>
<div class="contact-details">
<p class="hint" id="${o.id}-hint">${t('hint')}</p>
<label for="${o.id}-email">${t('email')}</label>
<input type="email" id="${o.id}-email" name="${fieldName(q)}.email" autocomplete="email" maxlength="320" aria-describedby="${o.id}-hint">
<label for="${o.id}-phone">${t('phone')}</label>
<input type="tel" id="${o.id}-phone" name="${fieldName(q)}.phone" autocomplete="tel" maxlength="30" aria-describedby="${o.id}-hint">
</div>
${o.error}</fieldset>`;
}
