import type { Locale } from '../../../i18n/locales';
import { escapeHtml } from '../../../lib/html';
import { caseText } from '../messages';
import type { FollowUpState } from '../use-cases/answer-follow-up';

const MESSAGE_OF = {
  answered: 'pageAlreadyAnswered',
  invalid: 'pageInvalid',
  thanks_yes: 'pageThanksYes',
  thanks_no: 'pageThanksNo',
} as const;

/** The localized yes/no page: a plain form, no script, so it works in any mail client's browser. */
export function renderFollowUpPage(state: FollowUpState, locale: Locale, action: string): string {
  const t = (key: Parameters<typeof caseText>[1]) => escapeHtml(caseText(locale, key));
  const body =
    state === 'ask'
      ? `<h1>${t('pageQuestion')}</h1>
<form method="post" action="${escapeHtml(action)}">
<button type="submit" name="answer" value="yes">${t('pageYes')}</button>
<button type="submit" name="answer" value="no">${t('pageNo')}</button>
</form>`
      : `<p>${t(MESSAGE_OF[state])}</p>`;
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${t('pageTitle')}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;text-align:center}button{font-size:1.1rem;margin:.5rem;padding:.7rem 1.2rem;border-radius:.4rem;border:1px solid #888;cursor:pointer}</style>
</head>
<body>
${body}
</body>
</html>
`;
}
