import { defineMessages } from '../../i18n/define-messages';

/** Texts of feedback analytics that reach people (API answers shown as-is, CSV cells). */
export const feedbackText = defineMessages({
  en: {
    withheld:
      'Not shown: fewer than {threshold} employees or internal clients answered, and their answers stay anonymous.',
    withheldGroups:
      '{count, plural, one {# group} other {# groups}} with fewer than {threshold} employees or internal clients {count, plural, one {is} other {are}} not shown.',
  },
  pl: {
    withheld:
      'Nie pokazano: odpowiedziało mniej niż {threshold} pracowników lub klientów wewnętrznych, a ich odpowiedzi pozostają anonimowe.',
    withheldGroups:
      'Liczba ukrytych grup, w których odpowiedziało mniej niż {threshold} pracowników lub klientów wewnętrznych: {count}.',
  },
  cs: {
    withheld:
      'Nezobrazeno: {threshold, plural, one {odpověděl méně než # zaměstnanec nebo interní klient} few {odpověděli méně než # zaměstnanci nebo interní klienti} many {odpovědělo méně než # zaměstnance nebo interního klienta} other {odpovědělo méně než # zaměstnanců nebo interních klientů}} a jejich odpovědi zůstávají anonymní.',
    withheldGroups:
      'Počet skrytých skupin, v nichž {threshold, plural, one {odpověděl méně než # zaměstnanec nebo interní klient} few {odpověděli méně než # zaměstnanci nebo interní klienti} many {odpovědělo méně než # zaměstnance nebo interního klienta} other {odpovědělo méně než # zaměstnanců nebo interních klientů}}: {count}.',
  },
  ru: {
    withheld:
      'Не показано: ответили менее {threshold, plural, one {# сотрудника или внутреннего клиента} few {# сотрудников или внутренних клиентов} many {# сотрудников или внутренних клиентов} other {# сотрудника или внутреннего клиента}}, и их ответы остаются анонимными.',
    withheldGroups:
      'Число скрытых групп, в которых ответили менее {threshold, plural, one {# сотрудника или внутреннего клиента} few {# сотрудников или внутренних клиентов} many {# сотрудников или внутренних клиентов} other {# сотрудника или внутреннего клиента}}: {count}.',
  },
});
