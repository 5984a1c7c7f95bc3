import type { Catalog } from '../../i18n/catalog';

type Key =
  | 'titleResponse'
  | 'titleEvent'
  | 'assignedSubject'
  | 'assignedBody'
  | 'warningSubject'
  | 'warningBody'
  | 'breachSubject'
  | 'breachBody'
  | 'replySubject'
  | 'followUpSubject'
  | 'followUpBody'
  | 'pageTitle'
  | 'pageQuestion'
  | 'pageYes'
  | 'pageNo'
  | 'pageThanksYes'
  | 'pageThanksNo'
  | 'pageAlreadyAnswered'
  | 'pageInvalid'
  | 'firstResponse'
  | 'resolution'
  | 'priority_low'
  | 'priority_normal'
  | 'priority_high'
  | 'priority_urgent';

/** Every text the closed loop shows to people, in the four languages of the product. */
export const CASE_MESSAGES: Catalog<Key> = {
  en: {
    titleResponse: 'Negative feedback: {metric} {score}',
    titleEvent: 'Customer event: {type}',
    assignedSubject: 'Case assigned to you: {title}',
    assignedBody: 'The case "{title}" ({priority}) is yours.\nFirst response due: {due}.\n\n{link}',
    warningSubject: 'Case close to its deadline: {title}',
    warningBody: 'The {target} of case "{title}" is due {due}.\n\n{link}',
    breachSubject: 'Case deadline missed: {title}',
    breachBody:
      'The {target} of case "{title}" was due {due} and is late. It is escalated to you as the team manager.\n\n{link}',
    replySubject: 'About your feedback',
    followUpSubject: 'Was your issue solved?',
    followUpBody: 'We have worked on the issue you told us about. Was it solved?\nPlease answer here: {link}',
    pageTitle: 'Your feedback',
    pageQuestion: 'Was your issue solved?',
    pageYes: 'Yes, it was solved',
    pageNo: 'No, it was not',
    pageThanksYes: 'Thank you! We are glad the issue is solved.',
    pageThanksNo: 'Thank you for telling us. We have reopened your case and will get back to you.',
    pageAlreadyAnswered: 'Thank you, your answer has already been recorded.',
    pageInvalid: 'This link is not valid or has expired.',
    firstResponse: 'first response',
    resolution: 'resolution',
    priority_low: 'low',
    priority_normal: 'normal',
    priority_high: 'high',
    priority_urgent: 'urgent',
  },
  pl: {
    titleResponse: 'Negatywna opinia: {metric} {score}',
    titleEvent: 'Zdarzenie klienta: {type}',
    assignedSubject: 'Przydzielono Ci sprawę: {title}',
    assignedBody: 'Sprawa „{title}” ({priority}) jest Twoja.\nTermin pierwszej odpowiedzi: {due}.\n\n{link}',
    warningSubject: 'Sprawa zbliża się do terminu: {title}',
    warningBody: 'Termin ({target}) sprawy „{title}” upływa {due}.\n\n{link}',
    breachSubject: 'Przekroczono termin sprawy: {title}',
    breachBody:
      'Termin ({target}) sprawy „{title}” upłynął {due}. Sprawa została eskalowana do Ciebie jako kierownika zespołu.\n\n{link}',
    replySubject: 'W sprawie Twojej opinii',
    followUpSubject: 'Czy Twój problem został rozwiązany?',
    followUpBody:
      'Zajęliśmy się problemem, o którym nam napisałeś. Czy został rozwiązany?\nOdpowiedz tutaj: {link}',
    pageTitle: 'Twoja opinia',
    pageQuestion: 'Czy Twój problem został rozwiązany?',
    pageYes: 'Tak, został rozwiązany',
    pageNo: 'Nie, nie został',
    pageThanksYes: 'Dziękujemy! Cieszymy się, że problem został rozwiązany.',
    pageThanksNo: 'Dziękujemy za informację. Ponownie otworzyliśmy Twoją sprawę i wkrótce się odezwiemy.',
    pageAlreadyAnswered: 'Dziękujemy, Twoja odpowiedź została już zapisana.',
    pageInvalid: 'Ten link jest nieprawidłowy lub wygasł.',
    firstResponse: 'pierwsza odpowiedź',
    resolution: 'rozwiązanie',
    priority_low: 'niski',
    priority_normal: 'normalny',
    priority_high: 'wysoki',
    priority_urgent: 'pilny',
  },
  cs: {
    titleResponse: 'Negativní zpětná vazba: {metric} {score}',
    titleEvent: 'Událost zákazníka: {type}',
    assignedSubject: 'Byl vám přidělen případ: {title}',
    assignedBody: 'Případ „{title}“ ({priority}) je váš.\nTermín první odpovědi: {due}.\n\n{link}',
    warningSubject: 'Případ se blíží termínu: {title}',
    warningBody: 'Termín ({target}) případu „{title}“ vyprší {due}.\n\n{link}',
    breachSubject: 'Termín případu byl překročen: {title}',
    breachBody:
      'Termín ({target}) případu „{title}“ vypršel {due}. Případ byl eskalován na vás jako vedoucího týmu.\n\n{link}',
    replySubject: 'K vaší zpětné vazbě',
    followUpSubject: 'Byl váš problém vyřešen?',
    followUpBody:
      'Věnovali jsme se problému, o kterém jste nám napsali. Byl vyřešen?\nOdpovězte prosím zde: {link}',
    pageTitle: 'Vaše zpětná vazba',
    pageQuestion: 'Byl váš problém vyřešen?',
    pageYes: 'Ano, byl vyřešen',
    pageNo: 'Ne, nebyl',
    pageThanksYes: 'Děkujeme! Jsme rádi, že je problém vyřešen.',
    pageThanksNo: 'Děkujeme za informaci. Váš případ jsme znovu otevřeli a brzy se vám ozveme.',
    pageAlreadyAnswered: 'Děkujeme, vaše odpověď již byla zaznamenána.',
    pageInvalid: 'Tento odkaz je neplatný nebo jeho platnost vypršela.',
    firstResponse: 'první odpověď',
    resolution: 'vyřešení',
    priority_low: 'nízká',
    priority_normal: 'běžná',
    priority_high: 'vysoká',
    priority_urgent: 'naléhavá',
  },
  ru: {
    titleResponse: 'Негативный отзыв: {metric} {score}',
    titleEvent: 'Событие клиента: {type}',
    assignedSubject: 'Вам назначено обращение: {title}',
    assignedBody: 'Обращение «{title}» ({priority}) назначено вам.\nСрок первого ответа: {due}.\n\n{link}',
    warningSubject: 'Срок обращения подходит к концу: {title}',
    warningBody: 'Срок ({target}) по обращению «{title}» истекает {due}.\n\n{link}',
    breachSubject: 'Срок обращения нарушен: {title}',
    breachBody:
      'Срок ({target}) по обращению «{title}» истёк {due}. Обращение эскалировано вам как руководителю команды.\n\n{link}',
    replySubject: 'По поводу вашего отзыва',
    followUpSubject: 'Ваша проблема решена?',
    followUpBody:
      'Мы занялись проблемой, о которой вы нам сообщили. Она решена?\nОтветьте, пожалуйста, здесь: {link}',
    pageTitle: 'Ваш отзыв',
    pageQuestion: 'Ваша проблема решена?',
    pageYes: 'Да, решена',
    pageNo: 'Нет, не решена',
    pageThanksYes: 'Спасибо! Мы рады, что проблема решена.',
    pageThanksNo: 'Спасибо, что сообщили. Мы снова открыли ваше обращение и скоро свяжемся с вами.',
    pageAlreadyAnswered: 'Спасибо, ваш ответ уже сохранён.',
    pageInvalid: 'Ссылка недействительна или срок её действия истёк.',
    firstResponse: 'первый ответ',
    resolution: 'решение',
    priority_low: 'низкий',
    priority_normal: 'обычный',
    priority_high: 'высокий',
    priority_urgent: 'срочный',
  },
};
