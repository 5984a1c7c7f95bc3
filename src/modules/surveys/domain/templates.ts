/**
 * Ready-made surveys in the four languages: the builder starts from one. Pure data, read by the
 * dashboard too. Each asks its score first and follows up by band (detractors are asked what
 * went wrong and whether they may be contacted).
 */
import type { LocalizedText, Question } from './questions';

export const TEMPLATE_KEYS = [
  'npsRelationship',
  'npsTransactional',
  'csatContact',
  'cesCase',
  'enpsPulse',
] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

export type SurveyTemplate = {
  key: TemplateKey;
  audience: 'customers' | 'employees';
  name: LocalizedText;
  texts: { title: LocalizedText; thanks: LocalizedText };
  questions: Question[];
};

const t = (en: string, pl: string, cs: string, ru: string): LocalizedText => ({ en, pl, cs, ru });

const CONTACT = t(
  'May we contact you about your answers?',
  'Czy możemy się z Tobą skontaktować w sprawie Twoich odpowiedzi?',
  'Můžeme vás kontaktovat ohledně vašich odpovědí?',
  'Можно ли связаться с вами по поводу ваших ответов?',
);
const THANKS = t(
  'Thank you for your time. Your answers help us do better.',
  'Dziękujemy za poświęcony czas. Twoje odpowiedzi pomagają nam działać lepiej.',
  'Děkujeme za váš čas. Vaše odpovědi nám pomáhají zlepšovat se.',
  'Спасибо, что уделили время. Ваши ответы помогают нам становиться лучше.',
);

export const SURVEY_TEMPLATES: readonly SurveyTemplate[] = [
  {
    key: 'npsRelationship',
    audience: 'customers',
    name: t('NPS – relationship', 'NPS – relacja', 'NPS – vztah', 'NPS – отношения'),
    texts: {
      title: t('How are we doing?', 'Jak nam idzie?', 'Jak si vedeme?', 'Как у нас дела?'),
      thanks: THANKS,
    },
    questions: [
      {
        id: 'nps',
        type: 'nps',
        required: true,
        text: t(
          'How likely are you to recommend us to a friend or colleague?',
          'Jak bardzo prawdopodobne jest, że polecisz nas znajomemu lub współpracownikowi?',
          'Jak pravděpodobné je, že nás doporučíte příteli nebo kolegovi?',
          'Насколько вероятно, что вы порекомендуете нас другу или коллеге?',
        ),
      },
      {
        id: 'detractor',
        type: 'text',
        showIf: { questionId: 'nps', op: 'lte', value: 6 },
        text: t(
          'We are sorry to hear that. What disappointed you most?',
          'Przykro nam. Co najbardziej Cię rozczarowało?',
          'To nás mrzí. Co vás nejvíce zklamalo?',
          'Нам жаль это слышать. Что разочаровало вас больше всего?',
        ),
      },
      {
        id: 'passive',
        type: 'text',
        showIf: { questionId: 'nps', op: 'between', value: [7, 8] },
        text: t(
          'What would make us a 10 for you?',
          'Co sprawiłoby, że dałbyś nam 10?',
          'Co by nás u vás posunulo na 10?',
          'Что нужно, чтобы вы поставили нам 10?',
        ),
      },
      {
        id: 'promoter',
        type: 'text',
        showIf: { questionId: 'nps', op: 'gte', value: 9 },
        text: t(
          'What do you value most about us?',
          'Co najbardziej w nas cenisz?',
          'Čeho si na nás nejvíce ceníte?',
          'Что вы цените в нас больше всего?',
        ),
      },
      { id: 'contact', type: 'contact', showIf: { questionId: 'nps', op: 'lte', value: 6 }, text: CONTACT },
    ],
  },
  {
    key: 'npsTransactional',
    audience: 'customers',
    name: t('NPS – after a purchase', 'NPS – po zakupie', 'NPS – po nákupu', 'NPS – после покупки'),
    texts: {
      title: t('Your recent visit', 'Twoja ostatnia wizyta', 'Vaše nedávná návštěva', 'Ваш недавний визит'),
      thanks: THANKS,
    },
    questions: [
      {
        id: 'nps',
        type: 'nps',
        required: true,
        text: t(
          'After your recent visit, how likely are you to recommend us to a friend?',
          'Jak bardzo prawdopodobne jest, że po ostatniej wizycie polecisz nas znajomym?',
          'Jak pravděpodobné je, že nás po své nedávné návštěvě doporučíte známým?',
          'Насколько вероятно, что после недавнего визита вы порекомендуете нас друзьям?',
        ),
      },
      {
        id: 'detractor',
        type: 'text',
        showIf: { questionId: 'nps', op: 'lte', value: 6 },
        text: t(
          'What went wrong this time?',
          'Co tym razem poszło nie tak?',
          'Co se tentokrát nepovedlo?',
          'Что пошло не так в этот раз?',
        ),
      },
      {
        id: 'reason',
        type: 'text',
        showIf: { questionId: 'nps', op: 'gte', value: 7 },
        text: t(
          'What is the main reason for your score?',
          'Jaki jest główny powód Twojej oceny?',
          'Jaký je hlavní důvod vašeho hodnocení?',
          'Какова главная причина вашей оценки?',
        ),
      },
      { id: 'contact', type: 'contact', showIf: { questionId: 'nps', op: 'lte', value: 6 }, text: CONTACT },
    ],
  },
  {
    key: 'csatContact',
    audience: 'customers',
    name: t('CSAT – after a contact', 'CSAT – po kontakcie', 'CSAT – po kontaktu', 'CSAT – после обращения'),
    texts: {
      title: t('How did we do?', 'Jak się spisaliśmy?', 'Jak jsme si vedli?', 'Как мы справились?'),
      thanks: THANKS,
    },
    questions: [
      {
        id: 'csat',
        type: 'csat',
        required: true,
        text: t(
          'How satisfied are you with the help you received?',
          'Jak bardzo jesteś zadowolony z otrzymanej pomocy?',
          'Jak jste spokojeni s pomocí, kterou jste dostali?',
          'Насколько вы довольны полученной помощью?',
        ),
      },
      {
        id: 'better',
        type: 'text',
        showIf: { questionId: 'csat', op: 'lte', value: 3 },
        text: t(
          'What could we have done better?',
          'Co mogliśmy zrobić lepiej?',
          'Co jsme mohli udělat lépe?',
          'Что мы могли сделать лучше?',
        ),
      },
      { id: 'contact', type: 'contact', showIf: { questionId: 'csat', op: 'lte', value: 2 }, text: CONTACT },
    ],
  },
  {
    key: 'cesCase',
    audience: 'customers',
    name: t(
      'CES – after a case',
      'CES – po zgłoszeniu',
      'CES – po vyřízení požadavku',
      'CES – после обращения в поддержку',
    ),
    texts: {
      title: t('Your request', 'Twoje zgłoszenie', 'Váš požadavek', 'Ваше обращение'),
      thanks: THANKS,
    },
    questions: [
      {
        id: 'ces',
        type: 'ces',
        required: true,
        text: t(
          'The company made it easy for me to handle my issue.',
          'Firma ułatwiła mi załatwienie mojej sprawy.',
          'Firma mi usnadnila vyřízení mé záležitosti.',
          'Компания помогла мне легко решить мой вопрос.',
        ),
      },
      {
        id: 'effort',
        type: 'text',
        showIf: { questionId: 'ces', op: 'lte', value: 4 },
        text: t(
          'What made it difficult?',
          'Co było utrudnieniem?',
          'Co vám to ztížilo?',
          'Что вызвало трудности?',
        ),
      },
      { id: 'contact', type: 'contact', showIf: { questionId: 'ces', op: 'lte', value: 3 }, text: CONTACT },
    ],
  },
  {
    key: 'enpsPulse',
    audience: 'employees',
    name: t('eNPS – pulse', 'eNPS – puls', 'eNPS – puls', 'eNPS – пульс'),
    texts: {
      title: t('Team pulse', 'Puls zespołu', 'Puls týmu', 'Пульс команды'),
      thanks: t(
        'Thank you. Answers are reported only for groups large enough to keep them anonymous.',
        'Dziękujemy. Odpowiedzi pokazujemy tylko dla grup na tyle dużych, by pozostały anonimowe.',
        'Děkujeme. Odpovědi ukazujeme jen za skupiny dost velké na to, aby zůstaly anonymní.',
        'Спасибо. Ответы показываются только по группам, достаточно большим, чтобы сохранить анонимность.',
      ),
    },
    questions: [
      {
        id: 'enps',
        type: 'nps',
        required: true,
        text: t(
          'How likely are you to recommend working here to a friend?',
          'Jak bardzo prawdopodobne jest, że polecisz znajomemu pracę u nas?',
          'Jak pravděpodobné je, že byste práci u nás doporučili příteli?',
          'Насколько вероятно, что вы порекомендуете работу у нас другу?',
        ),
      },
      {
        id: 'improve',
        type: 'text',
        showIf: { questionId: 'enps', op: 'lte', value: 6 },
        text: t(
          'What would make this a better place to work?',
          'Co sprawiłoby, że praca tutaj byłaby lepsza?',
          'Co by z nás udělalo lepší místo k práci?',
          'Что сделало бы это место лучше для работы?',
        ),
      },
      {
        id: 'like',
        type: 'text',
        showIf: { questionId: 'enps', op: 'gte', value: 7 },
        text: t(
          'What do you like most about working here?',
          'Co najbardziej lubisz w pracy u nas?',
          'Co se vám na práci u nás líbí nejvíce?',
          'Что вам больше всего нравится в работе у нас?',
        ),
      },
    ],
  },
];

/** A template's texts in one locale only: what a survey written in that language holds. */
export function templateIn(template: SurveyTemplate, locale: string) {
  const only = (text: LocalizedText) => ({ [locale]: text[locale] ?? text.en });
  return {
    name: only(template.name)[locale],
    audience: template.audience,
    texts: { title: only(template.texts.title), thanks: only(template.texts.thanks) },
    questions: template.questions.map((q) => ({ ...q, text: only(q.text) })),
  };
}
