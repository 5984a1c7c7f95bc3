import { defineMessages } from '../../i18n/define-messages';

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
