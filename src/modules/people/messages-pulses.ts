// The texts of eNPS pulses for people: the invitation e-mail and the answer page.

type Lang = 'en' | 'pl' | 'cs' | 'ru';

const TEXTS = {
  en: {
    subject: (survey: string) => `${survey}: how is work going?`,
    body: (org: string, url: string) =>
      `${org} asks how you feel about working here. It takes a minute.\n\n${url}\n\nYour answer is anonymous: it keeps only your team, department and location, never your name, and it is shown only together with at least a few colleagues' answers. The link works once.`,
    anonymous:
      'Your answer is anonymous: only your team, department and location are kept, and results are shown only for groups large enough.',
    submit: 'Send',
    thanks: 'Thank you — your answer is in.',
    used: 'This link has already been used. Each link answers once.',
    expired: 'This link has expired.',
    unknown: 'This link is not valid.',
  },
  pl: {
    subject: (survey: string) => `${survey}: jak się pracuje?`,
    body: (org: string, url: string) =>
      `${org} pyta, jak Ci się u nas pracuje. To zajmie minutę.\n\n${url}\n\nOdpowiedź jest anonimowa: zapisujemy tylko Twój zespół, dział i lokalizację, nigdy imienia i nazwiska, a wyniki pokazujemy tylko razem z odpowiedziami co najmniej kilku osób. Link działa jeden raz.`,
    anonymous:
      'Odpowiedź jest anonimowa: zapisujemy tylko zespół, dział i lokalizację, a wyniki pokazujemy tylko dla dostatecznie licznych grup.',
    submit: 'Wyślij',
    thanks: 'Dziękujemy — odpowiedź została zapisana.',
    used: 'Ten link został już użyty. Każdy link działa jeden raz.',
    expired: 'Ten link wygasł.',
    unknown: 'Ten link jest nieprawidłowy.',
  },
  cs: {
    subject: (survey: string) => `${survey}: jak se vám pracuje?`,
    body: (org: string, url: string) =>
      `${org} se ptá, jak se vám u nás pracuje. Zabere to minutu.\n\n${url}\n\nOdpověď je anonymní: ukládáme jen váš tým, oddělení a pobočku, nikdy jméno, a výsledky ukazujeme jen spolu s odpověďmi alespoň několika kolegů. Odkaz funguje jednou.`,
    anonymous:
      'Odpověď je anonymní: ukládáme jen tým, oddělení a pobočku a výsledky ukazujeme jen za dostatečně velké skupiny.',
    submit: 'Odeslat',
    thanks: 'Děkujeme — odpověď je uložena.',
    used: 'Tento odkaz už byl použit. Každý odkaz funguje jednou.',
    expired: 'Platnost tohoto odkazu vypršela.',
    unknown: 'Tento odkaz není platný.',
  },
  ru: {
    subject: (survey: string) => `${survey}: как вам работается?`,
    body: (org: string, url: string) =>
      `${org} спрашивает, как вам у нас работается. Это займёт минуту.\n\n${url}\n\nОтвет анонимный: сохраняются только ваша команда, отдел и точка, никогда не имя, а результаты показываются только вместе с ответами хотя бы нескольких коллег. Ссылка действует один раз.`,
    anonymous:
      'Ответ анонимный: сохраняются только команда, отдел и точка, а результаты показываются только для достаточно больших групп.',
    submit: 'Отправить',
    thanks: 'Спасибо — ответ сохранён.',
    used: 'Эта ссылка уже использована. Каждая ссылка действует один раз.',
    expired: 'Срок действия ссылки истёк.',
    unknown: 'Эта ссылка недействительна.',
  },
} as const;

export const pulseTexts = (locale: string | null | undefined) => {
  const lang = (locale ?? 'en').slice(0, 2) as Lang;
  return TEXTS[lang] ?? TEXTS.en;
};
