import { plainPage } from '../../../http/plain-page';
import { pickLocale } from '../../../i18n/locales';
import { escapeHtml } from '../../../lib/html';
import { localize, type Question } from '../../surveys/api';
import { pulseText } from '../messages';

function scale(q: Question): [number, number] | undefined {
  if (q.type === 'nps') return [0, 10];
  if (q.type === 'csat') return [1, 5];
  if (q.type === 'ces') return [1, 7];
  if (q.type === 'rating') return [1, q.scale ?? 5];
  return undefined;
}

function field(q: Question, locale: string, fallback: string): string {
  const id = escapeHtml(q.id);
  const label = escapeHtml(localize(q.text, locale, fallback));
  const range = scale(q);
  if (range) {
    const options: string[] = [];
    for (let v = range[0]; v <= range[1]; v++) {
      options.push(
        `<label><input type="radio" name="${id}" value="${v}"${q.required ? ' required' : ''}> ${v}</label>`,
      );
    }
    const lang = pickLocale(locale);
    const ends = q.type === 'nps' ? [pulseText(lang, 'npsLow'), pulseText(lang, 'npsHigh')] : undefined;
    const hint = ends ? `<p><small>0 = ${escapeHtml(ends[0])}, 10 = ${escapeHtml(ends[1])}</small></p>` : '';
    return `<fieldset><legend>${label}</legend>${hint}<p>${options.join(' ')}</p></fieldset>`;
  }
  if (q.type === 'choice') {
    const kind = q.multiple ? 'checkbox' : 'radio';
    const options = (q.options ?? []).map(
      (o) =>
        `<label><input type="${kind}" name="${id}" value="${escapeHtml(o.id)}"> ${escapeHtml(localize(o.text, locale, fallback))}</label>`,
    );
    return `<fieldset><legend>${label}</legend><p>${options.join('<br>')}</p></fieldset>`;
  }
  return `<p><label>${label}<br><textarea name="${id}" rows="4" cols="40" maxlength="${q.maxLength ?? 5000}"></textarea></label></p>`;
}

/** The pulse's answer page: the round's questions as a plain form, or why the link no longer answers. */
export function renderPulsePage(
  view:
    | { state: 'open'; locale: string; surveyName: string; questions: Question[] }
    | { state: 'used' | 'expired' | 'unknown' | 'thanks'; locale: string },
  action: string,
  error?: string,
): string {
  const lang = pickLocale(view.locale);
  const t = (key: 'thanks' | 'used' | 'expired' | 'unknown' | 'anonymous' | 'submit') => pulseText(lang, key);
  if (view.state !== 'open') {
    return plainPage(view.locale, escapeHtml(t('thanks')), `<p>${escapeHtml(t(view.state))}</p>`);
  }
  const fields = view.questions.map((q) => field(q, view.locale, view.locale)).join('\n');
  const body = `<h1>${escapeHtml(view.surveyName)}</h1>
<p><small>${escapeHtml(t('anonymous'))}</small></p>
${error ? `<p role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="${escapeHtml(action)}" style="text-align:start">
${fields}
<p><button type="submit">${escapeHtml(t('submit'))}</button></p>
</form>`;
  return plainPage(view.locale, escapeHtml(view.surveyName), body);
}
