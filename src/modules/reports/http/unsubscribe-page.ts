import { plainPage } from '../../../http/plain-page';
import type { Locale } from '../../../i18n/locales';
import { escapeHtml } from '../../../lib/html';
import { reportText } from '../messages';
import type { UnsubscribeState } from '../use-cases/unsubscribe';

/** The unsubscribe page: a plain form, no script, so it works in any mail client's browser. */
export function renderUnsubscribePage(state: UnsubscribeState, locale: Locale, action: string): string {
  const title = escapeHtml(reportText(locale, 'pageTitle'));
  const body =
    state.state === 'invalid'
      ? `<p>${escapeHtml(reportText(locale, 'pageInvalid'))}</p>`
      : state.state === 'done'
        ? `<p role="status">${escapeHtml(reportText(locale, 'pageDone'))}</p>`
        : `<form method="post" action="${escapeHtml(action)}">
<p>${escapeHtml(reportText(locale, 'pageQuestion', { frequency: state.frequency, org: state.orgName }))}</p>
<button type="submit">${escapeHtml(reportText(locale, 'pageConfirm'))}</button>
</form>`;
  return plainPage(locale, title, `<h1>${title}</h1>\n${body}`);
}
