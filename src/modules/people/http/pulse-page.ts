import { plainPage } from '../../../http/plain-page';
import { pickLocale } from '../../../i18n/locales';
import { escapeHtml } from '../../../lib/html';
import { type AnswerError, localize, type Question } from '../../surveys/api';
import { pulseText } from '../messages';

function scale(q: Question): [number, number] | undefined {
  if (q.type === 'nps') return [0, 10];
  if (q.type === 'csat') return [1, 5];
  if (q.type === 'ces') return [1, 7];
  if (q.type === 'rating') return [1, q.scale ?? 5];
  return undefined;
}

/** What the respondent sent, kept on the page when it comes back with errors. */
export type SentAnswers = Record<string, string | string[]>;

const sentOf = (sent: SentAnswers | undefined, id: string) => {
  const v = sent?.[id];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
};

function field(
  q: Question,
  locale: string,
  sent: SentAnswers | undefined,
  error: string | undefined,
): string {
  const id = escapeHtml(q.id);
  const label = escapeHtml(localize(q.text, locale, locale));
  const chosen = new Set(sentOf(sent, q.id));
  const checked = (v: string) => (chosen.has(v) ? ' checked' : '');
  const problem = error ? `<p class="error" id="err-${id}"><strong>${escapeHtml(error)}</strong></p>` : '';
  const described = error ? ` aria-describedby="err-${id}"` : '';
  const range = scale(q);
  if (range) {
    const options: string[] = [];
    for (let v = range[0]; v <= range[1]; v++) {
      options.push(
        `<label><input type="radio" name="${id}" value="${v}"${q.required ? ' required' : ''}${checked(String(v))}> ${v}</label>`,
      );
    }
    const lang = pickLocale(locale);
    const ends = q.type === 'nps' ? [pulseText(lang, 'npsLow'), pulseText(lang, 'npsHigh')] : undefined;
    const hint = ends ? `<p><small>0 = ${escapeHtml(ends[0])}, 10 = ${escapeHtml(ends[1])}</small></p>` : '';
    return `<fieldset${described}><legend>${label}</legend>${problem}${hint}<p>${options.join(' ')}</p></fieldset>`;
  }
  if (q.type === 'choice') {
    const kind = q.multiple ? 'checkbox' : 'radio';
    const options = (q.options ?? []).map(
      (o) =>
        `<label><input type="${kind}" name="${id}" value="${escapeHtml(o.id)}"${checked(o.id)}> ${escapeHtml(localize(o.text, locale, locale))}</label>`,
    );
    return `<fieldset${described}><legend>${label}</legend>${problem}<p>${options.join('<br>')}</p></fieldset>`;
  }
  const text = escapeHtml(sentOf(sent, q.id)[0] ?? '');
  return `<p><label>${label}<br>${problem}<textarea name="${id}" rows="4" cols="40" maxlength="${q.maxLength ?? 5000}"${described}>${text}</textarea></label></p>`;
}

/** The pulse's answer page: the round's questions as a plain form, or why the link no longer answers. */
export function renderPulsePage(
  view:
    | { state: 'open'; locale: string; surveyName: string; questions: Question[] }
    | { state: 'used' | 'expired' | 'unknown' | 'thanks'; locale: string },
  action: string,
  sent?: { answers: SentAnswers; errors: AnswerError[] },
): string {
  const lang = pickLocale(view.locale);
  const t = (key: 'thanks' | 'used' | 'expired' | 'unknown' | 'anonymous' | 'submit') => pulseText(lang, key);
  if (view.state !== 'open') {
    return plainPage(view.locale, escapeHtml(t('thanks')), `<p>${escapeHtml(t(view.state))}</p>`);
  }
  const errors = new Map(
    (sent?.errors ?? []).map((e) => [
      e.questionId,
      pulseText(lang, e.kind === 'required' ? 'answerRequired' : 'answerInvalid'),
    ]),
  );
  const fields = view.questions.map((q) => field(q, lang, sent?.answers, errors.get(q.id))).join('\n');
  const summary = errors.size
    ? `<p role="alert">${escapeHtml(pulseText(lang, 'errorSummary', { count: errors.size }))}</p>`
    : '';
  const body = `<h1>${escapeHtml(view.surveyName)}</h1>
<p><small>${escapeHtml(t('anonymous'))}</small></p>
${summary}
<form method="post" action="${escapeHtml(action)}" style="text-align:start">
${fields}
<p><button type="submit">${escapeHtml(t('submit'))}</button></p>
</form>`;
  return plainPage(view.locale, escapeHtml(view.surveyName), body);
}
