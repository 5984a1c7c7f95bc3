import type { FastifyReply } from 'fastify';
import type { Locale } from '../../../i18n/locales';
import { surveyText } from '../messages';
import { messagePage } from './page/layout';

/** A localized page with a heading and a sentence, in a given status. */
export function sendMessage(
  reply: FastifyReply,
  status: number,
  locale: Locale,
  key: 'thanks' | 'already' | 'closed' | 'notFound' | 'expired' | 'busy',
) {
  return sendHtml(
    reply,
    status,
    messagePage(locale, surveyText(locale, `survey.${key}.title`), surveyText(locale, `survey.${key}.body`)),
  );
}

export function sendHtml(reply: FastifyReply, status: number, body: string) {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .send(body);
}
