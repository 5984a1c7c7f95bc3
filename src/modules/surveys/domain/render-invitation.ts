import type { Locale } from '../../../i18n/locales';
import { html } from '../../../lib/html';
import { surveyText } from '../messages';

export type InvitationEmail = {
  kind: 'invite' | 'reminder';
  locale: Locale;
  orgName: string;
  surveyName: string;
  customerName: string | null;
  url: string;
  unsubscribeUrl: string;
  expiresAt: Date;
  timeZone: string;
};

/** The invitation or reminder e-mail in the customer's language: plain text and HTML. */
export function renderInvitationEmail(m: InvitationEmail) {
  const { locale } = m;
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: m.timeZone }).format(
    m.expiresAt,
  );
  const subject = surveyText(
    locale,
    m.kind === 'invite' ? 'email.invite.subject' : 'email.reminder.subject',
    {
      org: m.orgName,
    },
  );
  const greeting = m.customerName
    ? surveyText(locale, 'email.greeting', { name: m.customerName })
    : surveyText(locale, 'email.greetingAnonymous');
  const body = surveyText(locale, m.kind === 'invite' ? 'email.invite.body' : 'email.reminder.body', {
    survey: m.surveyName,
  });
  const cta = surveyText(locale, 'email.cta');
  const expires = surveyText(locale, 'email.expires', { date });
  const signature = surveyText(locale, 'email.signature', { org: m.orgName });
  const text = [
    greeting,
    '',
    body,
    '',
    `${cta}: ${m.url}`,
    expires,
    '',
    signature,
    '',
    '--',
    surveyText(locale, 'email.unsubscribe', { org: m.orgName, url: m.unsubscribeUrl }),
  ].join('\n');
  const page = html`<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>${subject}</title></head>
<body style="font-family:system-ui,sans-serif;color:#1a1a1a;line-height:1.5;max-width:36rem;margin:0 auto;padding:1rem">
<p>${greeting}</p>
<p>${body}</p>
<p><a href="${m.url}" style="display:inline-block;background:#0b4f8a;color:#ffffff;padding:.75rem 1.25rem;border-radius:.375rem;text-decoration:none;font-weight:600">${cta}</a></p>
<p style="color:#4a4a4a">${expires}</p>
<p>${signature}</p>
<hr style="border:none;border-top:1px solid #d0d0d0">
<p style="font-size:.875rem;color:#4a4a4a"><a href="${m.unsubscribeUrl}" style="color:#0b4f8a">${surveyText(locale, 'email.unsubscribeLink')}</a></p>
</body></html>`;
  return { subject, text, html: page.value };
}
