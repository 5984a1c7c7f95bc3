import { plainPage } from '../../../http/plain-page';
import type { Locale } from '../../../i18n/locales';
import { escapeHtml } from '../../../lib/html';
import { AUDIT_COMPONENTS, itemText } from '../domain/audit-scoring';
import { auditText } from '../messages';
import type { ShopperView } from '../use-cases/audits';

const STYLE =
  'body{font-family:system-ui,sans-serif;max-width:36rem;margin:1.5rem auto;padding:0 1rem;line-height:1.4}' +
  'fieldset{border:1px solid #ccc;border-radius:.5rem;margin:0 0 1rem;padding:.75rem}' +
  'legend{font-weight:600;padding:0 .3rem}.item{margin:0 0 1rem;padding:0 0 .75rem;border-bottom:1px solid #eee}' +
  '.choices{display:flex;flex-wrap:wrap;gap:.5rem;margin:.4rem 0}.choices label{display:flex;gap:.3rem;align-items:center;' +
  'border:1px solid #aaa;border-radius:.4rem;padding:.45rem .6rem;min-height:2.2rem}' +
  'textarea{width:100%;box-sizing:border-box;min-height:2.5rem;font:inherit}input[type=file]{max-width:100%}' +
  '.critical{color:#a40000;font-size:.85rem}.error{color:#a40000;font-weight:600}' +
  'button{font-size:1.1rem;padding:.7rem 1.2rem;border-radius:.4rem;border:1px solid #888;width:100%}';

const page = (locale: Locale, title: string, body: string) => plainPage(locale, title, body, STYLE);

/** The mystery shopper's report: a plain form (no script), one fieldset per component, photos per item. */
export function renderShopperPage(view: ShopperView, action: string): string {
  const { locale } = view;
  const t = (key: Parameters<typeof auditText>[1], params?: Record<string, string | number>) =>
    escapeHtml(auditText(locale, key as 'pass', params as undefined));
  const title = t('pageTitle');
  if (view.state !== 'ask') {
    const key = view.state === 'thanks' ? 'thanks' : view.state === 'done' ? 'done' : 'invalid';
    return page(locale, title, `<h1>${title}</h1>\n<p>${t(key)}</p>`);
  }
  const error =
    view.error === 'missing'
      ? `<p class="error" role="alert">${t('missing', { count: view.missing ?? 0 })}</p>`
      : view.error === 'badPhoto'
        ? `<p class="error" role="alert">${t('badPhoto')}</p>`
        : '';
  const sections = AUDIT_COMPONENTS.map((component) => {
    const items = view.items.filter((i) => i.component === component);
    if (!items.length) return '';
    const rows = items
      .map((item) => {
        const id = escapeHtml(item.id);
        const choices = (['pass', 'fail', 'na'] as const)
          .map((r) => `<label><input type="radio" name="r.${id}" value="${r}" required> ${t(r)}</label>`)
          .join('');
        return `<div class="item"><div>${escapeHtml(itemText(item, locale))}${
          item.critical ? ` <span class="critical">(${t('critical')})</span>` : ''
        }</div>
<div class="choices">${choices}</div>
<label>${t('note')}<br><textarea name="n.${id}" maxlength="2000"></textarea></label><br>
<label>${t('photo')}<br><input type="file" name="p.${id}" accept="image/jpeg,image/png,image/webp" capture="environment"></label>
</div>`;
      })
      .join('\n');
    return `<fieldset><legend>${t(`component_${component}` as 'pass')}</legend>\n${rows}\n</fieldset>`;
  }).join('\n');
  return page(
    locale,
    title,
    `<h1>${title}</h1>
<p>${t('pageIntro', { location: view.location })}</p>
${error}
<form method="post" action="${escapeHtml(action)}" enctype="multipart/form-data">
${sections}
<button type="submit">${t('submit')}</button>
</form>`,
  );
}
