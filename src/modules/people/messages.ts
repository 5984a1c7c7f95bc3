/** The people module's texts for people, in four languages: the SOCO rating page, internal-client rounds, pulses and audits. */
import { defineMessages } from '../../i18n/define-messages';

/** The texts of SOCO for customers: the page where a customer rates the person who served them. */
export const socoText = defineMessages({
  en: {
    pageTitle: 'How were you served?',
    pageIntro: '{name} served you. How much do you agree with each statement?',
    pageIntroNoName: 'How much do you agree with each statement about the person who served you?',
    scaleLow: 'strongly disagree',
    scaleHigh: 'strongly agree',
    pageSend: 'Send',
    pageMissing: 'Please answer every statement.',
    pageThanks: 'Thank you! Your answer helps us serve you better.',
    pageUsed: 'Thank you, this link has already been used.',
    pageInvalid: 'This link is not valid or has expired.',
  },
  pl: {
    pageTitle: 'Jak Cię obsłużono?',
    pageIntro: 'Obsługiwała Cię osoba: {name}. W jakim stopniu zgadzasz się z każdym stwierdzeniem?',
    pageIntroNoName: 'W jakim stopniu zgadzasz się z każdym stwierdzeniem o osobie, która Cię obsługiwała?',
    scaleLow: 'zdecydowanie się nie zgadzam',
    scaleHigh: 'zdecydowanie się zgadzam',
    pageSend: 'Wyślij',
    pageMissing: 'Odpowiedz, proszę, na każde stwierdzenie.',
    pageThanks: 'Dziękujemy! Twoja odpowiedź pomoże nam lepiej Cię obsługiwać.',
    pageUsed: 'Dziękujemy, ten link został już wykorzystany.',
    pageInvalid: 'Ten link jest nieprawidłowy albo wygasł.',
  },
  cs: {
    pageTitle: 'Jak jste byli obslouženi?',
    pageIntro: 'Obsluhoval(a) vás: {name}. Do jaké míry souhlasíte s jednotlivými výroky?',
    pageIntroNoName: 'Do jaké míry souhlasíte s jednotlivými výroky o člověku, který vás obsluhoval?',
    scaleLow: 'rozhodně nesouhlasím',
    scaleHigh: 'rozhodně souhlasím',
    pageSend: 'Odeslat',
    pageMissing: 'Odpovězte prosím na všechny výroky.',
    pageThanks: 'Děkujeme! Vaše odpověď nám pomůže obsluhovat vás lépe.',
    pageUsed: 'Děkujeme, tento odkaz už byl použit.',
    pageInvalid: 'Tento odkaz není platný nebo vypršel.',
  },
  ru: {
    pageTitle: 'Как вас обслужили?',
    pageIntro: 'Вас обслуживал(а): {name}. Насколько вы согласны с каждым утверждением?',
    pageIntroNoName: 'Насколько вы согласны с каждым утверждением о сотруднике, который вас обслуживал?',
    scaleLow: 'совершенно не согласен',
    scaleHigh: 'полностью согласен',
    pageSend: 'Отправить',
    pageMissing: 'Пожалуйста, ответьте на каждое утверждение.',
    pageThanks: 'Спасибо! Ваш ответ поможет нам обслуживать вас лучше.',
    pageUsed: 'Спасибо, эта ссылка уже была использована.',
    pageInvalid: 'Эта ссылка недействительна или срок её действия истёк.',
  },
});

/** The texts of internal-client rounds: the invitation e-mail and the answer page. */
export const internalText = defineMessages({
  en: {
    mailSubject: '{round}: how do other departments serve yours?',
    mailBody:
      '{org} asks your department to rate the service it gets from other departments. It takes two minutes.\n\n{url}\n\nYour answer is anonymous: it keeps only your department, never your name, and it is shown only together with enough colleagues’ answers. The link works once.',
    pageTitle: 'Internal clients',
    pageIntro:
      'You work in {rater}. Rate the service your department gets from each department below; skip one you do not work with.',
    anonymous: 'Anonymous: only your department is kept, and results are shown only for groups large enough.',
    npsQuestion: 'How likely would you recommend {dept}’s service to a colleague?',
    npsLow: 'not at all likely',
    npsHigh: 'extremely likely',
    csatQuestion: 'How satisfied are you with {dept}’s service?',
    csatLow: 'very dissatisfied',
    csatHigh: 'very satisfied',
    comment: 'Anything {dept} could do better? (optional)',
    submit: 'Send',
    thanks: 'Thank you — your ratings are in.',
    used: 'This link has already been used. Each link answers once.',
    closed: 'This round has closed.',
    invalid: 'This link is not valid.',
    missingAny: 'Please rate at least one department.',
    missingBoth: 'Please give {dept} both ratings, or leave both empty.',
  },
  pl: {
    mailSubject: '{round}: jak inne działy obsługują Twój?',
    mailBody:
      '{org} prosi Twój dział o ocenę obsługi, jaką otrzymuje od innych działów. To zajmie dwie minuty.\n\n{url}\n\nOdpowiedź jest anonimowa: zapisujemy tylko Twój dział, nigdy imienia i nazwiska, a wyniki pokazujemy tylko razem z odpowiedziami dostatecznie wielu osób. Link działa jeden raz.',
    pageTitle: 'Klienci wewnętrzni',
    pageIntro:
      'Pracujesz w dziale {rater}. Oceń obsługę, jaką Twój dział otrzymuje od każdego z działów poniżej; pomiń dział, z którym nie współpracujesz.',
    anonymous:
      'Anonimowo: zapisujemy tylko Twój dział, a wyniki pokazujemy tylko dla dostatecznie licznych grup.',
    npsQuestion: 'Na ile prawdopodobne jest, że polecisz obsługę działu {dept} koledze lub koleżance?',
    npsLow: 'zdecydowanie nie',
    npsHigh: 'zdecydowanie tak',
    csatQuestion: 'Jak bardzo jesteś zadowolony(-a) z obsługi działu {dept}?',
    csatLow: 'bardzo niezadowolony(-a)',
    csatHigh: 'bardzo zadowolony(-a)',
    comment: 'Co dział {dept} mógłby robić lepiej? (opcjonalnie)',
    submit: 'Wyślij',
    thanks: 'Dziękujemy — oceny zostały zapisane.',
    used: 'Ten link został już użyty. Każdy link działa jeden raz.',
    closed: 'Ta runda została zamknięta.',
    invalid: 'Ten link jest nieprawidłowy.',
    missingAny: 'Oceń, proszę, przynajmniej jeden dział.',
    missingBoth: 'Podaj obie oceny działu {dept} albo zostaw obie puste.',
  },
  cs: {
    mailSubject: '{round}: jak ostatní oddělení obsluhují to vaše?',
    mailBody:
      '{org} žádá vaše oddělení o hodnocení služeb, které dostává od ostatních oddělení. Zabere to dvě minuty.\n\n{url}\n\nOdpověď je anonymní: ukládáme jen vaše oddělení, nikdy jméno, a výsledky ukazujeme jen spolu s odpověďmi dostatečného počtu kolegů. Odkaz funguje jednou.',
    pageTitle: 'Interní zákazníci',
    pageIntro:
      'Pracujete v oddělení {rater}. Ohodnoťte služby, které vaše oddělení dostává od každého z oddělení níže; oddělení, se kterým nespolupracujete, přeskočte.',
    anonymous: 'Anonymně: ukládáme jen vaše oddělení a výsledky ukazujeme jen za dostatečně velké skupiny.',
    npsQuestion: 'Jak pravděpodobně byste doporučili služby oddělení {dept} kolegovi?',
    npsLow: 'vůbec ne',
    npsHigh: 'rozhodně ano',
    csatQuestion: 'Jak jste spokojeni se službami oddělení {dept}?',
    csatLow: 'velmi nespokojen',
    csatHigh: 'velmi spokojen',
    comment: 'Co by oddělení {dept} mohlo dělat lépe? (nepovinné)',
    submit: 'Odeslat',
    thanks: 'Děkujeme — hodnocení je uloženo.',
    used: 'Tento odkaz už byl použit. Každý odkaz funguje jednou.',
    closed: 'Toto kolo je uzavřeno.',
    invalid: 'Tento odkaz není platný.',
    missingAny: 'Ohodnoťte prosím alespoň jedno oddělení.',
    missingBoth: 'Dejte oddělení {dept} obě hodnocení, nebo obě nechte prázdná.',
  },
  ru: {
    mailSubject: '{round}: как другие отделы обслуживают ваш?',
    mailBody:
      '{org} просит ваш отдел оценить обслуживание, которое он получает от других отделов. Это займёт две минуты.\n\n{url}\n\nОтвет анонимный: сохраняется только ваш отдел, никогда не имя, а результаты показываются только вместе с ответами достаточного числа коллег. Ссылка действует один раз.',
    pageTitle: 'Внутренние клиенты',
    pageIntro:
      'Вы работаете в отделе «{rater}». Оцените обслуживание, которое ваш отдел получает от каждого отдела ниже; пропустите отдел, с которым не работаете.',
    anonymous:
      'Анонимно: сохраняется только ваш отдел, а результаты показываются только для достаточно больших групп.',
    npsQuestion: 'Насколько вероятно, что вы порекомендуете обслуживание отдела «{dept}» коллеге?',
    npsLow: 'совсем нет',
    npsHigh: 'обязательно',
    csatQuestion: 'Насколько вы довольны обслуживанием отдела «{dept}»?',
    csatLow: 'совсем недоволен',
    csatHigh: 'очень доволен',
    comment: 'Что отдел «{dept}» мог бы делать лучше? (необязательно)',
    submit: 'Отправить',
    thanks: 'Спасибо — оценки сохранены.',
    used: 'Эта ссылка уже использована. Каждая ссылка действует один раз.',
    closed: 'Этот раунд закрыт.',
    invalid: 'Эта ссылка недействительна.',
    missingAny: 'Пожалуйста, оцените хотя бы один отдел.',
    missingBoth: 'Поставьте отделу «{dept}» обе оценки или оставьте обе пустыми.',
  },
});

/** The texts of eNPS pulses for people: the invitation e-mail and the answer page. */
export const pulseText = defineMessages({
  en: {
    npsLow: 'not at all likely',
    npsHigh: 'extremely likely',
    subject: '{survey}: how is work going?',
    body: '{org} asks how you feel about working here. It takes a minute.\n\n{url}\n\nYour answer is anonymous: it keeps only your team, department and location, never your name, and it is shown only together with at least a few colleagues’ answers. The link works once.',
    anonymous:
      'Your answer is anonymous: only your team, department and location are kept, and results are shown only for groups large enough.',
    submit: 'Send',
    thanks: 'Thank you — your answer is in.',
    used: 'This link has already been used. Each link answers once.',
    expired: 'This link has expired.',
    unknown: 'This link is not valid.',
    errorSummary: '{count, plural, one {# question needs} other {# questions need}} your attention.',
    answerRequired: 'Please answer this question.',
    answerInvalid: 'This answer is not valid.',
  },
  pl: {
    npsLow: 'zdecydowanie nie',
    npsHigh: 'zdecydowanie tak',
    subject: '{survey}: jak się pracuje?',
    body: '{org} pyta, jak Ci się u nas pracuje. To zajmie minutę.\n\n{url}\n\nOdpowiedź jest anonimowa: zapisujemy tylko Twój zespół, dział i lokalizację, nigdy imienia i nazwiska, a wyniki pokazujemy tylko razem z odpowiedziami co najmniej kilku osób. Link działa jeden raz.',
    anonymous:
      'Odpowiedź jest anonimowa: zapisujemy tylko zespół, dział i lokalizację, a wyniki pokazujemy tylko dla dostatecznie licznych grup.',
    submit: 'Wyślij',
    thanks: 'Dziękujemy — odpowiedź została zapisana.',
    used: 'Ten link został już użyty. Każdy link działa jeden raz.',
    expired: 'Ten link wygasł.',
    unknown: 'Ten link jest nieprawidłowy.',
    errorSummary:
      '{count, plural, one {# pytanie wymaga} few {# pytania wymagają} many {# pytań wymaga} other {# pytania wymaga}} uwagi.',
    answerRequired: 'Odpowiedz na to pytanie.',
    answerInvalid: 'Ta odpowiedź jest nieprawidłowa.',
  },
  cs: {
    npsLow: 'vůbec ne',
    npsHigh: 'rozhodně ano',
    subject: '{survey}: jak se vám pracuje?',
    body: '{org} se ptá, jak se vám u nás pracuje. Zabere to minutu.\n\n{url}\n\nOdpověď je anonymní: ukládáme jen váš tým, oddělení a pobočku, nikdy jméno, a výsledky ukazujeme jen spolu s odpověďmi alespoň několika kolegů. Odkaz funguje jednou.',
    anonymous:
      'Odpověď je anonymní: ukládáme jen tým, oddělení a pobočku a výsledky ukazujeme jen za dostatečně velké skupiny.',
    submit: 'Odeslat',
    thanks: 'Děkujeme — odpověď je uložena.',
    used: 'Tento odkaz už byl použit. Každý odkaz funguje jednou.',
    expired: 'Platnost tohoto odkazu vypršela.',
    unknown: 'Tento odkaz není platný.',
    errorSummary:
      '{count, plural, one {# otázka vyžaduje} few {# otázky vyžadují} many {# otázky vyžaduje} other {# otázek vyžaduje}} pozornost.',
    answerRequired: 'Odpovězte prosím na tuto otázku.',
    answerInvalid: 'Tato odpověď není platná.',
  },
  ru: {
    npsLow: 'совсем нет',
    npsHigh: 'обязательно',
    subject: '{survey}: как вам работается?',
    body: '{org} спрашивает, как вам у нас работается. Это займёт минуту.\n\n{url}\n\nОтвет анонимный: сохраняются только ваша команда, отдел и точка, никогда не имя, а результаты показываются только вместе с ответами хотя бы нескольких коллег. Ссылка действует один раз.',
    anonymous:
      'Ответ анонимный: сохраняются только команда, отдел и точка, а результаты показываются только для достаточно больших групп.',
    submit: 'Отправить',
    thanks: 'Спасибо — ответ сохранён.',
    used: 'Эта ссылка уже использована. Каждая ссылка действует один раз.',
    expired: 'Срок действия ссылки истёк.',
    unknown: 'Эта ссылка недействительна.',
    errorSummary:
      '{count, plural, one {# вопрос требует} few {# вопроса требуют} many {# вопросов требуют} other {# вопроса требуют}} внимания.',
    answerRequired: 'Пожалуйста, ответьте на этот вопрос.',
    answerInvalid: 'Этот ответ недопустим.',
  },
});

/** The texts of service audits for people: the mystery shopper's page and corrective-action cases. */
export const auditText = defineMessages({
  en: {
    caseTitle: 'Audit failed at {location}: {item}',
    caseBody:
      'A critical item of the checklist "{checklist}" failed on the visit of {date} (score {score}).\nFailed: {items}\nAudit visit: {visit}',
    pageTitle: 'Service visit',
    pageIntro: 'Please mark each point of your visit to {location}: met, not met, or not applicable.',
    pass: 'Met',
    fail: 'Not met',
    na: 'Not applicable',
    note: 'Note',
    photo: 'Photo (JPEG, PNG or WebP, up to 5 MB)',
    critical: 'critical',
    component_service: 'Service',
    component_aesthetic: 'Premises and appearance',
    component_ethical: 'Attitude and manners',
    submit: 'Send the report',
    thanks: 'Thank you! Your report has been received.',
    done: 'This visit has already been reported. Thank you.',
    invalid: 'This link is not valid or has expired.',
    missing:
      'Please mark every point: {count, plural, one {# point is} other {# points are}} still unmarked.',
    badPhoto: 'A photo was refused: only JPEG, PNG or WebP images of up to 5 MB.',
  },
  pl: {
    caseTitle: 'Audyt niezaliczony w {location}: {item}',
    caseBody:
      'Krytyczny punkt listy kontrolnej „{checklist}” nie został spełniony podczas wizyty {date} (wynik {score}).\nNiespełnione: {items}\nWizyta audytowa: {visit}',
    pageTitle: 'Wizyta kontrolna',
    pageIntro: 'Oceń każdy punkt wizyty w {location}: spełniony, niespełniony lub nie dotyczy.',
    pass: 'Spełniony',
    fail: 'Niespełniony',
    na: 'Nie dotyczy',
    note: 'Uwaga',
    photo: 'Zdjęcie (JPEG, PNG lub WebP, do 5 MB)',
    critical: 'krytyczny',
    component_service: 'Obsługa',
    component_aesthetic: 'Lokal i wygląd',
    component_ethical: 'Postawa i maniery',
    submit: 'Wyślij raport',
    thanks: 'Dziękujemy! Raport został przyjęty.',
    done: 'Ta wizyta została już oceniona. Dziękujemy.',
    invalid: 'Ten link jest nieprawidłowy lub wygasł.',
    missing:
      'Oceń każdy punkt: {count, plural, one {# punkt pozostał nieoceniony} few {# punkty pozostały nieocenione} many {# punktów pozostało nieocenionych} other {# punktu pozostało nieocenionego}}.',
    badPhoto: 'Zdjęcie odrzucone: tylko obrazy JPEG, PNG lub WebP do 5 MB.',
  },
  cs: {
    caseTitle: 'Audit neuspěl v {location}: {item}',
    caseBody:
      'Kritická položka kontrolního seznamu „{checklist}“ nebyla splněna při návštěvě {date} (skóre {score}).\nNesplněno: {items}\nAuditní návštěva: {visit}',
    pageTitle: 'Kontrolní návštěva',
    pageIntro: 'Ohodnoťte prosím každý bod návštěvy v {location}: splněno, nesplněno, nebo netýká se.',
    pass: 'Splněno',
    fail: 'Nesplněno',
    na: 'Netýká se',
    note: 'Poznámka',
    photo: 'Fotografie (JPEG, PNG nebo WebP, do 5 MB)',
    critical: 'kritické',
    component_service: 'Služba',
    component_aesthetic: 'Prostředí a vzhled',
    component_ethical: 'Přístup a chování',
    submit: 'Odeslat zprávu',
    thanks: 'Děkujeme! Vaše zpráva byla přijata.',
    done: 'Tato návštěva už byla ohodnocena. Děkujeme.',
    invalid: 'Tento odkaz je neplatný nebo vypršel.',
    missing:
      'Ohodnoťte prosím každý bod: {count, plural, one {# bod zbývá} few {# body zbývají} many {# bodu zbývá} other {# bodů zbývá}}.',
    badPhoto: 'Fotografie byla odmítnuta: pouze obrázky JPEG, PNG nebo WebP do 5 MB.',
  },
  ru: {
    caseTitle: 'Аудит не пройден в {location}: {item}',
    caseBody:
      'Критический пункт чек-листа «{checklist}» не выполнен при визите {date} (оценка {score}).\nНе выполнено: {items}\nВизит аудита: {visit}',
    pageTitle: 'Проверочный визит',
    pageIntro: 'Отметьте каждый пункт визита в {location}: выполнен, не выполнен или неприменим.',
    pass: 'Выполнено',
    fail: 'Не выполнено',
    na: 'Неприменимо',
    note: 'Заметка',
    photo: 'Фото (JPEG, PNG или WebP, до 5 МБ)',
    critical: 'критический',
    component_service: 'Сервис',
    component_aesthetic: 'Помещение и внешний вид',
    component_ethical: 'Отношение и манеры',
    submit: 'Отправить отчёт',
    thanks: 'Спасибо! Отчёт получен.',
    done: 'Этот визит уже оценён. Спасибо.',
    invalid: 'Ссылка недействительна или устарела.',
    missing:
      'Отметьте каждый пункт: {count, plural, one {остался # пункт} few {осталось # пункта} many {осталось # пунктов} other {осталось # пункта}}.',
    badPhoto: 'Фото отклонено: только изображения JPEG, PNG или WebP до 5 МБ.',
  },
});

/** The texts of recognition for people: the e-mail that brings a customer's praise to the person and their manager. */
export const praiseText = defineMessages({
  en: {
    subjectYou: '{org}: a customer praised you',
    subjectManager: '{org}: a customer praised {name}',
    bodyYou:
      'Hello {name},\n\na customer of {org} spoke well of you:\n\n“{comment}”\n\nThank you for it. Your team’s praise is in the recognition feed:\n{url}',
    bodyManager:
      'Hello {manager},\n\na customer of {org} spoke well of {name}, one of your people:\n\n“{comment}”\n\nPerhaps tell them so. Your people’s praise is in the recognition feed:\n{url}',
    noComment: '(no words, a top score)',
  },
  pl: {
    subjectYou: '{org}: klient Cię pochwalił',
    subjectManager: '{org}: klient pochwalił osobę {name}',
    bodyYou:
      'Dzień dobry, {name},\n\nklient firmy {org} dobrze się o Tobie wypowiedział:\n\n„{comment}”\n\nDziękujemy! Pochwały Twojego zespołu są na liście wyróżnień:\n{url}',
    bodyManager:
      'Dzień dobry, {manager},\n\nklient firmy {org} dobrze się wypowiedział o osobie z Twojego zespołu: {name}.\n\n„{comment}”\n\nWarto jej o tym powiedzieć. Pochwały Twoich ludzi są na liście wyróżnień:\n{url}',
    noComment: '(bez słów, najwyższa ocena)',
  },
  cs: {
    subjectYou: '{org}: zákazník vás pochválil',
    subjectManager: '{org}: zákazník pochválil kolegu či kolegyni {name}',
    bodyYou:
      'Dobrý den, {name},\n\nzákazník firmy {org} o vás mluvil pochvalně:\n\n„{comment}“\n\nDěkujeme! Pochvaly vašeho týmu najdete v přehledu uznání:\n{url}',
    bodyManager:
      'Dobrý den, {manager},\n\nzákazník firmy {org} pochválil člověka z vašeho týmu: {name}.\n\n„{comment}“\n\nMožná mu to řekněte. Pochvaly vašich lidí najdete v přehledu uznání:\n{url}',
    noComment: '(beze slov, nejvyšší hodnocení)',
  },
  ru: {
    subjectYou: '{org}: клиент вас похвалил',
    subjectManager: '{org}: клиент похвалил сотрудника {name}',
    bodyYou:
      'Здравствуйте, {name}!\n\nКлиент компании {org} хорошо отозвался о вас:\n\n«{comment}»\n\nСпасибо! Благодарности вашей команде — в ленте признания:\n{url}',
    bodyManager:
      'Здравствуйте, {manager}!\n\nКлиент компании {org} хорошо отозвался о сотруднике вашей команды: {name}.\n\n«{comment}»\n\nСкажите ему об этом. Благодарности вашим людям — в ленте признания:\n{url}',
    noComment: '(без слов, высшая оценка)',
  },
});
