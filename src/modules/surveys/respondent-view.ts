import type { FastifyReply, FastifyRequest } from 'fastify';
import { negotiateLocale } from '../../i18n/locales';
import { type MessageKey, t } from '../../i18n/t';
import { messagePage } from './page/layout';

/** A localized page with a heading and a sentence, in a given status. */
export function sendMessage(
  reply: FastifyReply,
  status: number,
  locale: string,
  key: 'thanks' | 'already' | 'closed' | 'notFound' | 'expired' | 'busy',
) {
  return sendHtml(
    reply,
    status,
    messagePage(
      locale,
      t(locale, `survey.${key}.title` as MessageKey),
      t(locale, `survey.${key}.body` as MessageKey),
    ),
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

/** The visitor's language before any survey is known: ?lang, else Accept-Language, else English. */
export function visitorLocale(req: FastifyRequest) {
  const lang = (req.query as Record<string, unknown> | undefined)?.lang;
  return (
    negotiateLocale(typeof lang === 'string' ? lang : undefined) ??
    negotiateLocale(req.headers['accept-language']) ??
    'en'
  );
}
