import type { Locale } from '../../../../i18n/locales';
import { html } from '../../../../lib/html';
import { type AnswerError, type Answers, isVisible, localize, type Question } from '../../domain/questions';
import { surveyText } from '../../messages';
import type { SurveyRow } from '../../use-cases/resolve-target';
import { layout } from './layout';
import { renderQuestion } from './render-question';

export type FormPage = {
  locale: Locale;
  survey: Pick<SurveyRow, 'defaultLocale' | 'texts'>;
  questions: Question[];
  /** Render only these (a follow-up step of questions revealed by earlier answers). */
  only?: string[];
  answers: Answers;
  errors?: AnswerError[];
  action: string;
  nonce: string;
  fields: Record<string, string | undefined>;
  notice?: string;
  languageHref?: (locale: string) => string;
  /** The languages the survey is written in, offered to switch to. */
  languages?: readonly string[];
};

/** The survey's public title in the respondent's language; never its internal name. */
export const publicTitle = (p: Pick<FormPage, 'locale' | 'survey'>) =>
  localize(p.survey.texts.title, p.locale, p.survey.defaultLocale) ||
  surveyText(p.locale, 'survey.defaultTitle');

/**
 * The survey form. It works without JavaScript: a plain POST; questions whose condition is not
 * met yet are rendered hidden (the page script reveals them), or asked in a follow-up step.
 */
export function renderForm(p: FormPage): string {
  const { locale } = p;
  const fallback = p.survey.defaultLocale;
  const only = p.only ? new Set(p.only) : undefined;
  const errorOf = new Map((p.errors ?? []).map((e) => [e.questionId, e]));
  const rendered = p.questions.filter((q) => !only || only.has(q.id));
  const presented = rendered.filter((q) => only || isVisible(q, p.answers)).map((q) => q.id);
  const summary = p.errors?.length
    ? html`<div class="summary" role="alert" tabindex="-1" id="errors"><p>${surveyText(locale, 'survey.errorSummary', { count: p.errors.length })}</p><ul>${p.errors.map(
        (e) =>
          html`<li><a href="#q-${e.questionId}">${localize(p.questions.find((q) => q.id === e.questionId)?.text, locale, fallback) || e.questionId}</a></li>`,
      )}</ul></div>`
    : '';
  const hasRequired = rendered.some((q) => q.required);
  const title = publicTitle(p);
  const body = html`<h1>${title}</h1>
${p.notice ? html`<p class="notice" role="status">${p.notice}</p>` : ''}
${summary}
${p.survey.texts.intro && !only ? html`<p class="intro">${localize(p.survey.texts.intro, locale, fallback)}</p>` : ''}
${hasRequired ? html`<p class="legend-note">${surveyText(locale, 'survey.requiredLegend')}</p>` : ''}
<form method="post" action="${p.action}" accept-charset="utf-8" novalidate data-survey-form>
<input type="hidden" name="nonce" value="${p.nonce}">
<input type="hidden" name="presented" value="${presented.join(',')}">
${Object.entries(p.fields).map(([name, value]) => (value ? html`<input type="hidden" name="${name}" value="${value}">` : ''))}
<div class="hp" aria-hidden="true" style="position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden"><label for="website">${surveyText(locale, 'survey.honeypot')}</label><input type="text" id="website" name="website" tabindex="-1" autocomplete="off"></div>
${rendered.map((q) => {
  const e = errorOf.get(q.id);
  return renderQuestion({
    question: q,
    locale,
    fallback,
    value: p.answers[q.id],
    error: e
      ? surveyText(locale, e.kind === 'required' ? 'survey.answerRequired' : 'survey.answerInvalid')
      : undefined,
    hidden: !only && !isVisible(q, p.answers),
  });
})}
<div class="actions">
<button type="submit" name="action" value="submit" class="primary">${surveyText(locale, only ? 'survey.next' : 'survey.submit')}</button>
<button type="submit" name="action" value="save" class="secondary" formnovalidate>${surveyText(locale, 'survey.saveLater')}</button>
</div>
</form>`;
  return layout({ locale, title, body, languageHref: p.languageHref, languages: p.languages });
}
