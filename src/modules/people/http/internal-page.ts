/** The internal-client answer page: a plain form rating each department paired with the person's own. */
import { plainPage } from '../../../http/plain-page';
import type { Locale } from '../../../i18n/locales';
import { escapeHtml } from '../../../lib/html';
import { internalText } from '../messages';
import type { InternalLinkView } from '../use-cases/internal-clients';

/** Big tap targets that wrap on a phone: 11 NPS choices fit in two rows at 390 px. */
const STYLE = `<style>
fieldset{border:1px solid #ccc;border-radius:.5rem;margin:1rem 0;padding:.75rem;text-align:start}
.scale{display:flex;flex-wrap:wrap;gap:.35rem;margin:.5rem 0}
.scale label{display:inline-flex;align-items:center;justify-content:center;min-width:2.6rem;min-height:2.6rem;border:1px solid #888;border-radius:.4rem;cursor:pointer}
.scale input{position:absolute;opacity:0;width:1px;height:1px}
.scale input:checked+span{font-weight:700;text-decoration:underline}
.scale label:has(input:checked){background:#1f6feb;color:#fff;border-color:#1f6feb}
.scale input:focus-visible+span{outline:2px solid #1f6feb;outline-offset:2px}
.ends{display:flex;justify-content:space-between;font-size:.85rem;color:#555}
textarea{width:100%;box-sizing:border-box;font:inherit}
</style>`;

function scale(name: string, from: number, to: number, low: string, high: string, legend: string): string {
  const options: string[] = [];
  for (let v = from; v <= to; v++)
    options.push(`<label><input type="radio" name="${name}" value="${v}"><span>${v}</span></label>`);
  return `<div role="radiogroup" aria-label="${escapeHtml(legend)}"><p>${escapeHtml(legend)}</p>
<div class="scale">${options.join('')}</div>
<div class="ends" aria-hidden="true"><span>${from} = ${escapeHtml(low)}</span><span>${to} = ${escapeHtml(high)}</span></div></div>`;
}

/** The answer page of an internal-client link: a plain form, no script, in the person's language. */
export function renderInternalPage(
  view: InternalLinkView | { state: 'thanks' },
  locale: Locale,
  action: string,
  error?: string,
): string {
  const t = (key: Parameters<typeof internalText>[1], params?: Record<string, string>) =>
    internalText(locale, key, params as never);
  const title = escapeHtml(t('pageTitle'));
  if (view.state !== 'open') {
    const role = view.state === 'thanks' ? ' role="status"' : '';
    return plainPage(locale, title, `<h1>${title}</h1>\n<p${role}>${escapeHtml(t(view.state))}</p>`);
  }
  const sections = view.rated
    .map((d) => {
      const id = escapeHtml(d.id);
      return `<fieldset><legend><strong>${escapeHtml(d.name)}</strong></legend>
${scale(`nps.${id}`, 0, 10, t('npsLow'), t('npsHigh'), t('npsQuestion', { dept: d.name }))}
${scale(`csat.${id}`, 1, 5, t('csatLow'), t('csatHigh'), t('csatQuestion', { dept: d.name }))}
<p><label>${escapeHtml(t('comment', { dept: d.name }))}<br><textarea name="comment.${id}" rows="3" maxlength="2000"></textarea></label></p>
</fieldset>`;
    })
    .join('\n');
  const body = `${STYLE}
<h1>${escapeHtml(view.roundName)}</h1>
<p>${escapeHtml(t('pageIntro', { rater: view.raterName }))}</p>
<p><small>${escapeHtml(t('anonymous'))}</small></p>
${error ? `<p role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="${escapeHtml(action)}">
${sections}
<p><button type="submit">${escapeHtml(t('submit'))}</button></p>
</form>`;
  return plainPage(locale, title, body);
}
