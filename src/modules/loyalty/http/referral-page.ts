import { plainPage } from '../../../http/plain-page';
import type { Locale } from '../../../i18n/locales';
import { escapeHtml } from '../../../lib/html';
import { referralText } from '../messages-referrals';

/** The referral link's page when the company set no site to lead to: the invitation and its code; or why the link is not valid. */
export function renderReferralPage(locale: Locale, found: { org: string; code: string } | undefined): string {
  if (!found) {
    const text = escapeHtml(referralText(locale, 'pageUnknown'));
    return plainPage(locale, text, `<p>${text}</p>`);
  }
  const title = escapeHtml(referralText(locale, 'pageTitle', { org: found.org }));
  return plainPage(
    locale,
    title,
    `<h1>${title}</h1>\n<p>${escapeHtml(referralText(locale, 'pageBody', { org: found.org, code: found.code }))}</p>`,
  );
}
