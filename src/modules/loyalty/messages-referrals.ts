/** Referrals' and offers' texts for customers, in four languages: the referral link's page and the offer e-mail. */
import { defineMessages } from '../../i18n/define-messages';

/** The page a referral link shows when the company set no site to lead to, or the code is unknown. */
export const referralText = defineMessages({
  en: {
    pageTitle: 'You were invited to {org}',
    pageBody:
      'A friend recommended {org} to you. Give this code when you sign up or buy for the first time: {code}',
    pageUnknown: 'This referral link is not valid.',
  },
  pl: {
    pageTitle: 'Zaproszenie do {org}',
    pageBody: 'Znajomy poleca Ci {org}. Podaj ten kod przy rejestracji lub pierwszym zakupie: {code}',
    pageUnknown: 'Ten link polecający jest nieprawidłowy.',
  },
  cs: {
    pageTitle: 'Pozvánka do {org}',
    pageBody: 'Známý vám doporučuje {org}. Při registraci nebo prvním nákupu uveďte tento kód: {code}',
    pageUnknown: 'Tento doporučující odkaz není platný.',
  },
  ru: {
    pageTitle: 'Приглашение в {org}',
    pageBody: 'Друг рекомендует вам {org}. Назовите этот код при регистрации или первой покупке: {code}',
    pageUnknown: 'Эта реферальная ссылка недействительна.',
  },
});

/** The e-mail of an offer sent to the customers it is for. */
export const offerText = defineMessages({
  en: {
    subject: '{org}: {offer}',
    greeting: '{name, select, none {Hello,} other {Hello {name},}}',
    items: 'Picked for you:',
    footer:
      'You receive this because you are a customer of {org}. To stop these messages, reply to this e-mail.',
  },
  pl: {
    subject: '{org}: {offer}',
    greeting: '{name, select, none {Dzień dobry,} other {Dzień dobry, {name},}}',
    items: 'Wybrane dla Ciebie:',
    footer:
      'Otrzymujesz tę wiadomość jako klient {org}. Aby nie otrzymywać takich wiadomości, odpowiedz na ten e-mail.',
  },
  cs: {
    subject: '{org}: {offer}',
    greeting: '{name, select, none {Dobrý den,} other {Dobrý den, {name},}}',
    items: 'Vybrali jsme pro vás:',
    footer:
      'Tuto zprávu dostáváte jako zákazník {org}. Pokud ji už nechcete dostávat, odpovězte na tento e-mail.',
  },
  ru: {
    subject: '{org}: {offer}',
    greeting: '{name, select, none {Здравствуйте!} other {Здравствуйте, {name}!}}',
    items: 'Подобрано для вас:',
    footer:
      'Вы получили это письмо как клиент {org}. Чтобы больше не получать такие письма, ответьте на это письмо.',
  },
});
