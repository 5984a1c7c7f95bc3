import { defineMessages } from '../../i18n/define-messages';

/** Texts of the webhooks module for people, in the four languages of the product. */
export const webhookText = defineMessages({
  en: {
    disabledSubject: 'Webhook endpoint disabled',
    disabledBody:
      'The webhook endpoint {url} failed {failures, plural, one {# time} other {# times}} in a row and has been disabled. Fix the receiver, then enable it again in the settings; deliveries made while it was off are not resent.',
  },
  pl: {
    disabledSubject: 'Wyłączono punkt odbioru webhooków',
    disabledBody:
      'Punkt odbioru webhooków {url} zawiódł {failures, plural, one {# raz} few {# razy} many {# razy} other {# razy}} z rzędu i został wyłączony. Napraw odbiornik, a następnie włącz go ponownie w ustawieniach; zdarzenia z okresu wyłączenia nie zostaną wysłane ponownie.',
  },
  cs: {
    disabledSubject: 'Koncový bod webhooků byl vypnut',
    disabledBody:
      'Koncový bod webhooků {url} selhal {failures}krát po sobě a byl vypnut. Opravte přijímač a poté jej znovu zapněte v nastavení; události z doby vypnutí nebudou znovu odeslány.',
  },
  ru: {
    disabledSubject: 'Точка приёма вебхуков отключена',
    disabledBody:
      'Точка приёма вебхуков {url} не ответила успешно {failures, plural, one {# раз} few {# раза} many {# раз} other {# раза}} подряд и была отключена. Исправьте приёмник и снова включите его в настройках; события за время отключения повторно не отправляются.',
  },
});
