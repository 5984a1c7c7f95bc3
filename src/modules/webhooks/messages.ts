import type { Catalog } from '../../i18n/catalog';

/** Texts of the webhooks module for people, in the four languages of the product. */
export const WEBHOOK_MESSAGES: Catalog<'disabledSubject' | 'disabledBody'> = {
  en: {
    disabledSubject: 'Webhook endpoint disabled',
    disabledBody:
      'The webhook endpoint {url} failed {failures} times in a row and has been disabled. Fix the receiver, then enable it again in the settings; deliveries made while it was off are not resent.',
  },
  pl: {
    disabledSubject: 'Wyłączono punkt odbioru webhooków',
    disabledBody:
      'Punkt odbioru webhooków {url} zawiódł {failures} razy z rzędu i został wyłączony. Napraw odbiornik, a następnie włącz go ponownie w ustawieniach; zdarzenia z okresu wyłączenia nie zostaną wysłane ponownie.',
  },
  cs: {
    disabledSubject: 'Koncový bod webhooků byl vypnut',
    disabledBody:
      'Koncový bod webhooků {url} selhal {failures}krát po sobě a byl vypnut. Opravte přijímač a poté jej znovu zapněte v nastavení; události z doby vypnutí nebudou znovu odeslány.',
  },
  ru: {
    disabledSubject: 'Точка приёма вебхуков отключена',
    disabledBody:
      'Точка приёма вебхуков {url} не ответила успешно {failures} раз подряд и была отключена. Исправьте приёмник и снова включите его в настройках; события за время отключения повторно не отправляются.',
  },
};
