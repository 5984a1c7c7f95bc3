import { plainPage } from '../../../http/plain-page';
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
  return plainPage(locale, t('pageTitle'), body);
}
