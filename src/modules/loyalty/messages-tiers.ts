/** The loyalty program's notices to customers, in four languages: points about to expire, a coming downgrade, a new tier. */
import { defineMessages } from '../../i18n/define-messages';

export const tierText = defineMessages({
  en: {
    expiringSubject: '{org}: {points, plural, one {# point expires} other {# points expire}} on {date}',
    expiringBody:
      'Hello,\n\n{points, plural, one {# of your points expires} other {# of your points expire}} on {date}. Your balance is {balance, plural, one {# point} other {# points}}; use them before then.\n\n{org}\n\nYou receive this as a member of our loyalty program; tell us whenever you would rather not receive these messages.',
    downgradeSubject: '{org}: keep your {tier} status',
    downgradeBody:
      'Hello,\n\nOn {date} your {tier} status will be reviewed. At your current level you would move to {next}. {missing, plural, =0 {} one {Collect # more point to keep it.} other {Collect # more points to keep it.}}\n\n{org}\n\nYou receive this as a member of our loyalty program; tell us whenever you would rather not receive these messages.',
    noTier: 'no tier',
  },
  pl: {
    expiringSubject:
      '{org}: {points, plural, one {# punkt wygasa} few {# punkty wygasają} many {# punktów wygasa} other {# punktu wygasa}} {date}',
    expiringBody:
      'Dzień dobry,\n\n{points, plural, one {# Twój punkt wygasa} few {# Twoje punkty wygasają} many {# Twoich punktów wygasa} other {# Twojego punktu wygasa}} {date}. Twoje saldo to {balance, plural, one {# punkt} few {# punkty} many {# punktów} other {# punktu}}; wykorzystaj je wcześniej.\n\n{org}\n\nOtrzymujesz tę wiadomość jako uczestnik naszego programu lojalnościowego; daj nam znać, jeśli nie chcesz otrzymywać takich wiadomości.',
    downgradeSubject: '{org}: zachowaj status {tier}',
    downgradeBody:
      'Dzień dobry,\n\n{date} sprawdzimy Twój status {tier}. Przy obecnym poziomie przejdziesz do poziomu {next}. {missing, plural, =0 {} one {Zbierz jeszcze # punkt, aby go zachować.} few {Zbierz jeszcze # punkty, aby go zachować.} many {Zbierz jeszcze # punktów, aby go zachować.} other {Zbierz jeszcze # punktu, aby go zachować.}}\n\n{org}\n\nOtrzymujesz tę wiadomość jako uczestnik naszego programu lojalnościowego; daj nam znać, jeśli nie chcesz otrzymywać takich wiadomości.',
    noTier: 'bez poziomu',
  },
  cs: {
    expiringSubject:
      '{org}: {date} {points, plural, one {vyprší # bod} few {vyprší # body} many {vyprší # bodu} other {vyprší # bodů}}',
    expiringBody:
      'Dobrý den,\n\n{date} {points, plural, one {vyprší # váš bod} few {vyprší # vaše body} many {vyprší # vašeho bodu} other {vyprší # vašich bodů}}. Váš zůstatek je {balance, plural, one {# bod} few {# body} many {# bodu} other {# bodů}}; využijte je do té doby.\n\n{org}\n\nTuto zprávu dostáváte jako člen našeho věrnostního programu; dejte nám vědět, pokud takové zprávy nechcete dostávat.',
    downgradeSubject: '{org}: udržte si status {tier}',
    downgradeBody:
      'Dobrý den,\n\n{date} posoudíme váš status {tier}. Při současné úrovni byste přešli na {next}. {missing, plural, =0 {} one {Získejte ještě # bod, abyste si ho udrželi.} few {Získejte ještě # body, abyste si ho udrželi.} many {Získejte ještě # bodu, abyste si ho udrželi.} other {Získejte ještě # bodů, abyste si ho udrželi.}}\n\n{org}\n\nTuto zprávu dostáváte jako člen našeho věrnostního programu; dejte nám vědět, pokud takové zprávy nechcete dostávat.',
    noTier: 'bez úrovně',
  },
  ru: {
    expiringSubject:
      '{org}: {date} {points, plural, one {сгорает # балл} few {сгорают # балла} many {сгорают # баллов} other {сгорают # балла}}',
    expiringBody:
      'Здравствуйте!\n\n{date} {points, plural, one {сгорает # ваш балл} few {сгорают # ваших балла} many {сгорают # ваших баллов} other {сгорают # вашего балла}}. На вашем счёте {balance, plural, one {# балл} few {# балла} many {# баллов} other {# балла}}; используйте их до этой даты.\n\n{org}\n\nВы получили это письмо как участник нашей программы лояльности; сообщите нам, если не хотите получать такие письма.',
    downgradeSubject: '{org}: сохраните статус {tier}',
    downgradeBody:
      'Здравствуйте!\n\n{date} мы пересмотрим ваш статус {tier}. При нынешнем уровне вы перейдёте на {next}. {missing, plural, =0 {} one {Наберите ещё # балл, чтобы сохранить его.} few {Наберите ещё # балла, чтобы сохранить его.} many {Наберите ещё # баллов, чтобы сохранить его.} other {Наберите ещё # балла, чтобы сохранить его.}}\n\n{org}\n\nВы получили это письмо как участник нашей программы лояльности; сообщите нам, если не хотите получать такие письма.',
    noTier: 'без уровня',
  },
});
