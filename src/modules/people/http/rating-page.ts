import { plainPage } from '../../../http/plain-page';
import { escapeHtml } from '../../../lib/html';
import { socoText } from '../messages';
import type { RatingPageState } from '../use-cases/soco';

const MESSAGE_OF = { invalid: 'pageInvalid', used: 'pageUsed', thanks: 'pageThanks' } as const;

const STYLE =
  '<style>fieldset{border:0;margin:1.2rem 0;padding:0;text-align:left}legend{font-weight:600;margin-bottom:.4rem}' +
  '.scale{display:flex;flex-wrap:wrap;gap:.25rem}.scale label{display:flex;flex-direction:column;align-items:center;min-width:2.2rem}' +
  '.ends{display:flex;justify-content:space-between;font-size:.85rem;color:#555}</style>';

/** The customer's rating page: one fieldset of nine choices per statement; a plain form, no script. */
export function renderRatingPage(state: RatingPageState, action: string): string {
  const { locale } = state;
  const t = (key: Parameters<typeof socoText>[1], params?: Record<string, string>) =>
    escapeHtml(socoText(locale, key, params));
  if (state.state !== 'ask' && state.state !== 'missing')
    return plainPage(locale, t('pageTitle'), `<p>${t(MESSAGE_OF[state.state])}</p>`);
  const intro = state.employeeName ? t('pageIntro', { name: state.employeeName }) : t('pageIntroNoName');
  const items = state.items
    .map(
      (item) => `<fieldset>
<legend>${escapeHtml(item.text)}</legend>
<div class="scale">${[1, 2, 3, 4, 5, 6, 7, 8, 9]
        .map((v) => `<label><input type="radio" name="q.${item.id}" value="${v}" required>${v}</label>`)
        .join('')}</div>
<div class="ends"><span>1 = ${t('scaleLow')}</span><span>9 = ${t('scaleHigh')}</span></div>
</fieldset>`,
    )
    .join('\n');
  const missing = state.state === 'missing' ? `<p role="alert">${t('pageMissing')}</p>` : '';
  return plainPage(
    locale,
    t('pageTitle'),
    `${STYLE}<h1>${t('pageTitle')}</h1>
<p>${intro}</p>${missing}
<form method="post" action="${escapeHtml(action)}">
${items}
<button type="submit">${t('pageSend')}</button>
</form>`,
  );
}
