import type { Locale } from '../../../i18n/locales';

/**
 * The SOCO instrument: how customer-oriented (CO) and how selling-oriented (SO) a person's way of
 * serving is, in the manner of Saxe & Weitz's selling-orientation/customer-orientation scale, in
 * our own words. Each of the 24 statements is answered on a 9-point agreement scale
 * (1 = strongly disagree … 9 = strongly agree); each also builds one of the four dimensions the
 * company cares about. Scoring is in soco-scoring.ts.
 */

/** The four dimensions of service the company cares about. */
export const SOCO_DIMENSIONS = [
  'empathy',
  'personalization',
  'problem_solving',
  'feedback_openness',
] as const;
export type SocoDimension = (typeof SOCO_DIMENSIONS)[number];

/** Customer orientation (agreeing is good) or selling orientation (agreeing is bad: scored reversed). */
export type SocoOrientation = 'co' | 'so';

export const SOCO_FORMS = ['full', 'short', 'customer'] as const;
export type SocoForm = (typeof SOCO_FORMS)[number];

export const SOCO_RATERS = ['self', 'manager', 'customer'] as const;
export type SocoRater = (typeof SOCO_RATERS)[number];

/** The forms each kind of rater fills in: people about themselves or their staff; customers their own. */
export const FORMS_OF_RATER: Record<SocoRater, readonly SocoForm[]> = {
  self: ['full', 'short'],
  manager: ['full', 'short'],
  customer: ['customer'],
};

export const SOCO_SCALE = { min: 1, max: 9 } as const;

export type SocoItem = {
  id: string;
  orientation: SocoOrientation;
  dimension: SocoDimension;
  /** Worded about oneself ("I …"); a manager reads it about the person they rate. */
  text: Record<Locale, string>;
};

const item = (
  id: string,
  orientation: SocoOrientation,
  dimension: SocoDimension,
  text: Record<Locale, string>,
): SocoItem => ({ id, orientation, dimension, text });

/** The full form: 12 customer-orientation items (c01–c12) and 12 selling-orientation items (s01–s12). */
export const SOCO_ITEMS: readonly SocoItem[] = [
  item('c01', 'co', 'empathy', {
    en: 'I try to see a situation through the customer’s eyes before I suggest anything.',
    pl: 'Zanim cokolwiek zaproponuję, staram się spojrzeć na sytuację oczami klienta.',
    cs: 'Než cokoli navrhnu, snažím se vidět situaci očima zákazníka.',
    ru: 'Прежде чем что-то предложить, я стараюсь взглянуть на ситуацию глазами клиента.',
  }),
  item('c02', 'co', 'empathy', {
    en: 'I notice when a customer is worried or in a hurry, and adjust how I talk with them.',
    pl: 'Zauważam, gdy klient jest zaniepokojony albo się spieszy, i dostosowuję do tego sposób rozmowy.',
    cs: 'Všimnu si, když má zákazník obavy nebo spěchá, a přizpůsobím tomu, jak s ním mluvím.',
    ru: 'Я замечаю, когда клиент встревожен или торопится, и меняю манеру разговора.',
  }),
  item('c03', 'co', 'empathy', {
    en: 'I let a customer finish what they are saying before I answer.',
    pl: 'Pozwalam klientowi dokończyć, zanim odpowiem.',
    cs: 'Nechám zákazníka domluvit, než odpovím.',
    ru: 'Я даю клиенту договорить, прежде чем ответить.',
  }),
  item('c04', 'co', 'personalization', {
    en: 'I ask questions to learn what this particular customer needs before I recommend something.',
    pl: 'Zanim coś polecę, dopytuję, czego potrzebuje właśnie ten klient.',
    cs: 'Než něco doporučím, ptám se, co potřebuje právě tento zákazník.',
    ru: 'Прежде чем что-то рекомендовать, я расспрашиваю, что нужно именно этому клиенту.',
  }),
  item('c05', 'co', 'personalization', {
    en: 'I recommend what suits the customer, even when it is cheaper than what I could sell them.',
    pl: 'Polecam to, co pasuje klientowi, nawet jeśli jest tańsze niż to, co dałoby się mu sprzedać.',
    cs: 'Doporučuji to, co zákazníkovi vyhovuje, i když je to levnější než to, co by se mu dalo prodat.',
    ru: 'Я рекомендую то, что подходит клиенту, даже если это дешевле того, что можно было бы ему продать.',
  }),
  item('c06', 'co', 'personalization', {
    en: 'I remember regular customers’ preferences and use them when I serve them.',
    pl: 'Pamiętam upodobania stałych klientów i korzystam z tego, gdy ich obsługuję.',
    cs: 'Pamatuji si, co mají stálí zákazníci rádi, a využívám to, když je obsluhuji.',
    ru: 'Я помню предпочтения постоянных клиентов и учитываю их, когда обслуживаю.',
  }),
  item('c07', 'co', 'problem_solving', {
    en: 'When a customer has a problem, I stay with it until it is solved, even if it is not strictly my job.',
    pl: 'Gdy klient ma problem, zajmuję się nim aż do rozwiązania, nawet jeśli nie należy to ściśle do moich obowiązków.',
    cs: 'Když má zákazník problém, věnuji se mu, dokud není vyřešen, i když to není přímo moje práce.',
    ru: 'Если у клиента проблема, я занимаюсь ею до конца, даже если это не совсем моя обязанность.',
  }),
  item('c08', 'co', 'problem_solving', {
    en: 'I explain the options honestly, downsides included, so the customer can choose well.',
    pl: 'Uczciwie przedstawiam możliwości, także ich wady, żeby klient mógł dobrze wybrać.',
    cs: 'Poctivě vysvětlím možnosti včetně jejich nevýhod, aby si zákazník mohl dobře vybrat.',
    ru: 'Я честно объясняю варианты, включая их недостатки, чтобы клиент мог сделать верный выбор.',
  }),
  item('c09', 'co', 'problem_solving', {
    en: 'If we cannot help, I tell the customer where they can get help.',
    pl: 'Jeśli nie możemy pomóc, mówię klientowi, gdzie może uzyskać pomoc.',
    cs: 'Když nemůžeme pomoci, řeknu zákazníkovi, kde mu pomohou.',
    ru: 'Если мы не можем помочь, я подсказываю клиенту, где ему помогут.',
  }),
  item('c10', 'co', 'feedback_openness', {
    en: 'I ask customers whether they were happy with how I served them.',
    pl: 'Pytam klientów, czy są zadowoleni z mojej obsługi.',
    cs: 'Ptám se zákazníků, zda byli spokojeni s mou obsluhou.',
    ru: 'Я спрашиваю клиентов, довольны ли они моим обслуживанием.',
  }),
  item('c11', 'co', 'feedback_openness', {
    en: 'When a customer criticises our service, I thank them and pass the remark on.',
    pl: 'Gdy klient krytykuje naszą obsługę, dziękuję mu i przekazuję uwagę dalej.',
    cs: 'Když zákazník kritizuje naše služby, poděkuji mu a připomínku předám dál.',
    ru: 'Когда клиент критикует наш сервис, я благодарю его и передаю замечание дальше.',
  }),
  item('c12', 'co', 'feedback_openness', {
    en: 'I change the way I work when customers’ comments show me something could be better.',
    pl: 'Zmieniam sposób pracy, gdy uwagi klientów pokazują mi, że coś można zrobić lepiej.',
    cs: 'Měním způsob práce, když mi připomínky zákazníků ukážou, že něco jde dělat lépe.',
    ru: 'Я меняю свою работу, когда замечания клиентов показывают, что что-то можно сделать лучше.',
  }),
  item('s01', 'so', 'empathy', {
    en: 'I keep talking about our offer even when a customer seems uninterested or uneasy.',
    pl: 'Mówię dalej o naszej ofercie, nawet gdy klient wydaje się niezainteresowany lub skrępowany.',
    cs: 'Mluvím dál o naší nabídce, i když se zákazník zdá nezaujatý nebo nesvůj.',
    ru: 'Я продолжаю рассказывать о нашем предложении, даже когда клиенту явно неинтересно или неловко.',
  }),
  item('s02', 'so', 'empathy', {
    en: 'If a customer hesitates, I press for a decision rather than ask what holds them back.',
    pl: 'Gdy klient się waha, naciskam na decyzję, zamiast zapytać, co go powstrzymuje.',
    cs: 'Když zákazník váhá, tlačím na rozhodnutí, místo abych se zeptal, co ho zdržuje.',
    ru: 'Если клиент колеблется, я подталкиваю его к решению, а не спрашиваю, что его останавливает.',
  }),
  item('s03', 'so', 'empathy', {
    en: 'To me, a customer’s complaint is mostly a delay in my work.',
    pl: 'Skarga klienta to dla mnie głównie opóźnienie w pracy.',
    cs: 'Stížnost zákazníka je pro mě hlavně zdržení v práci.',
    ru: 'Жалоба клиента для меня прежде всего задержка в работе.',
  }),
  item('s04', 'so', 'personalization', {
    en: 'I offer every customer the same things, whatever they came for.',
    pl: 'Każdemu klientowi proponuję to samo, niezależnie od tego, po co przyszedł.',
    cs: 'Každému zákazníkovi nabízím totéž, ať přišel pro cokoli.',
    ru: 'Я предлагаю каждому клиенту одно и то же, за чем бы он ни пришёл.',
  }),
  item('s05', 'so', 'personalization', {
    en: 'I recommend what earns us the most rather than what fits the customer best.',
    pl: 'Polecam to, na czym najwięcej zarabiamy, a nie to, co najlepiej pasuje klientowi.',
    cs: 'Doporučuji to, na čem nejvíc vyděláme, ne to, co zákazníkovi nejlépe sedí.',
    ru: 'Я рекомендую то, что приносит нам больше всего, а не то, что лучше подходит клиенту.',
  }),
  item('s06', 'so', 'personalization', {
    en: 'I decide what a customer should buy before I have heard what they need.',
    pl: 'Decyduję, co klient powinien kupić, zanim usłyszę, czego potrzebuje.',
    cs: 'Rozhodnu, co by si měl zákazník koupit, dřív než slyším, co potřebuje.',
    ru: 'Я решаю, что клиенту стоит купить, ещё не выслушав, что ему нужно.',
  }),
  item('s07', 'so', 'problem_solving', {
    en: 'I promise what a customer wants to hear if it helps close the sale.',
    pl: 'Obiecuję to, co klient chce usłyszeć, jeśli pomaga to sfinalizować sprzedaż.',
    cs: 'Slíbím to, co chce zákazník slyšet, pokud to pomůže uzavřít prodej.',
    ru: 'Я обещаю то, что клиент хочет услышать, если это помогает закрыть продажу.',
  }),
  item('s08', 'so', 'problem_solving', {
    en: 'I hand a difficult customer over to someone else as fast as I can.',
    pl: 'Trudnego klienta jak najszybciej przekazuję komuś innemu.',
    cs: 'Obtížného zákazníka co nejrychleji předám někomu jinému.',
    ru: 'Трудного клиента я как можно скорее передаю кому-нибудь другому.',
  }),
  item('s09', 'so', 'problem_solving', {
    en: 'I play down a product’s weaknesses when a customer asks about them.',
    pl: 'Bagatelizuję wady produktu, gdy klient o nie pyta.',
    cs: 'Když se zákazník ptá na slabiny výrobku, zlehčuji je.',
    ru: 'Когда клиент спрашивает о недостатках товара, я их преуменьшаю.',
  }),
  item('s10', 'so', 'feedback_openness', {
    en: 'I argue with customers who say something was not right.',
    pl: 'Spieram się z klientami, którzy mówią, że coś było nie tak.',
    cs: 'Hádám se se zákazníky, kteří říkají, že něco nebylo v pořádku.',
    ru: 'Я спорю с клиентами, которые говорят, что что-то было не так.',
  }),
  item('s11', 'so', 'feedback_openness', {
    en: 'Customers’ opinions of our service are not worth much of my attention.',
    pl: 'Opinie klientów o naszej obsłudze nie są warte mojej uwagi.',
    cs: 'Názory zákazníků na naše služby nestojí za moc pozornosti.',
    ru: 'Мнения клиентов о нашем сервисе не заслуживают особого внимания.',
  }),
  item('s12', 'so', 'feedback_openness', {
    en: 'I judge my day by what I sold, not by whether customers left satisfied.',
    pl: 'Oceniam swój dzień po wielkości sprzedaży, a nie po tym, czy klienci wyszli zadowoleni.',
    cs: 'Svůj den hodnotím podle tržeb, ne podle toho, zda zákazníci odešli spokojeni.',
    ru: 'Я оцениваю свой день по объёму продаж, а не по тому, ушли ли клиенты довольными.',
  }),
];

/**
 * The 10-item short form: five CO and five SO items; empathy and problem solving three items each,
 * personalization and openness to feedback two each.
 */
export const SOCO_SHORT_ITEM_IDS = [
  'c01',
  'c03',
  'c04',
  'c07',
  'c11',
  's01',
  's05',
  's07',
  's08',
  's11',
] as const;

/** The customer's version: one item per dimension, about the person who served them; none reversed. */
export const SOCO_CUSTOMER_ITEMS: readonly SocoItem[] = [
  item('k1', 'co', 'empathy', {
    en: 'The person who served me understood what I needed and how I felt.',
    pl: 'Osoba, która mnie obsługiwała, rozumiała, czego potrzebuję i jak się czuję.',
    cs: 'Člověk, který mě obsluhoval, chápal, co potřebuji a jak se cítím.',
    ru: 'Сотрудник, который меня обслуживал, понимал, что мне нужно и что я чувствую.',
  }),
  item('k2', 'co', 'personalization', {
    en: 'They suggested what suited me, not just whatever was on offer.',
    pl: 'Zaproponowała to, co mi odpowiadało, a nie po prostu cokolwiek z oferty.',
    cs: 'Navrhl mi to, co mi vyhovovalo, ne jen cokoli z nabídky.',
    ru: 'Мне предложили то, что подходит именно мне, а не что попало из ассортимента.',
  }),
  item('k3', 'co', 'problem_solving', {
    en: 'They dealt with my question or problem until it was settled.',
    pl: 'Zajęła się moim pytaniem lub problemem aż do jego rozwiązania.',
    cs: 'Věnoval se mé otázce nebo problému, dokud nebyly vyřešeny.',
    ru: 'Моим вопросом или проблемой занимались, пока всё не было решено.',
  }),
  item('k4', 'co', 'feedback_openness', {
    en: 'They welcomed my comments and took them seriously.',
    pl: 'Chętnie przyjęła moje uwagi i potraktowała je poważnie.',
    cs: 'Mé připomínky přijal rád a bral je vážně.',
    ru: 'Мои замечания выслушали охотно и отнеслись к ним серьёзно.',
  }),
];

const BY_ID = new Map(SOCO_ITEMS.map((i) => [i.id, i]));

/** The items of a form, in the order they are asked. */
export function itemsOfForm(form: SocoForm): readonly SocoItem[] {
  if (form === 'full') return SOCO_ITEMS;
  if (form === 'customer') return SOCO_CUSTOMER_ITEMS;
  return SOCO_SHORT_ITEM_IDS.map((id) => BY_ID.get(id) as SocoItem);
}
