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
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;text-align:center}button{font-size:1.1rem;margin:.5rem;padding:.7rem 1.2rem;border-radius:.4rem;border:1px solid #888;cursor:pointer}</style>
</head>
<body>
<h1>${title}</h1>
${body}
</body>
</html>
`;
}
