/** Words the demo organization's customers are made of: names and what they say, per locale. */
export const DEMO_LOCALES = ['en', 'pl', 'cs', 'ru'] as const;
export type DemoLocale = (typeof DEMO_LOCALES)[number];

/** Share of customers per locale. */
export const LOCALE_WEIGHTS: Record<DemoLocale, number> = { en: 0.3, pl: 0.35, cs: 0.15, ru: 0.2 };

export const FIRST_NAMES: Record<DemoLocale, string[]> = {
  en: [
    'Oliver',
    'Emma',
    'Jack',
    'Olivia',
    'Harry',
    'Amelia',
    'George',
    'Isla',
    'Noah',
    'Ava',
    'Leo',
    'Grace',
    'Oscar',
    'Lily',
    'Henry',
    'Chloe',
  ],
  pl: [
    'Jan',
    'Anna',
    'Piotr',
    'Maria',
    'Krzysztof',
    'Katarzyna',
    'Tomasz',
    'Małgorzata',
    'Paweł',
    'Agnieszka',
    'Michał',
    'Zofia',
    'Łukasz',
    'Joanna',
    'Marek',
    'Ewa',
  ],
  cs: [
    'Jiří',
    'Jana',
    'Petr',
    'Eva',
    'Josef',
    'Hana',
    'Pavel',
    'Lucie',
    'Martin',
    'Kateřina',
    'Tomáš',
    'Lenka',
    'Jakub',
    'Tereza',
    'Ondřej',
    'Veronika',
  ],
  ru: [
    'Александр',
    'Анна',
    'Дмитрий',
    'Мария',
    'Сергей',
    'Елена',
    'Андрей',
    'Ольга',
    'Михаил',
    'Татьяна',
    'Иван',
    'Наталья',
    'Алексей',
    'Ирина',
    'Никита',
    'Светлана',
  ],
};

export const LAST_NAMES: Record<DemoLocale, string[]> = {
  en: [
    'Smith',
    'Jones',
    'Taylor',
    'Brown',
    'Williams',
    'Wilson',
    'Johnson',
    'Davies',
    'Evans',
    'Thomas',
    'Walker',
    'Wright',
  ],
  pl: [
    'Nowak',
    'Kowalski',
    'Wiśniewski',
    'Wójcik',
    'Kowalczyk',
    'Kamiński',
    'Lewandowski',
    'Zieliński',
    'Szymański',
    'Woźniak',
    'Dąbrowski',
    'Mazur',
  ],
  cs: [
    'Novák',
    'Svoboda',
    'Novotný',
    'Dvořák',
    'Černý',
    'Procházka',
    'Kučera',
    'Veselý',
    'Horák',
    'Němec',
    'Marek',
    'Pokorný',
  ],
  ru: [
    'Иванов',
    'Смирнов',
    'Кузнецов',
    'Попов',
    'Васильев',
    'Петров',
    'Соколов',
    'Михайлов',
    'Новиков',
    'Фёдоров',
    'Морозов',
    'Волков',
  ],
};

/** Russian and Czech (and Polish) surnames take a feminine form; names ending in -a mark the women here. */
export function surnameFor(locale: DemoLocale, first: string, last: string): string {
  const feminine = /[aя]$/.test(first);
  if (!feminine) return last;
  if (locale === 'ru') return /(ов|ев|ин)$/.test(last) ? `${last}а` : last;
  if (locale === 'cs')
    return last.endsWith('ý') ? `${last.slice(0, -1)}á` : `${last.replace(/[aeiouy]$/, '')}ová`;
  if (locale === 'pl') return last.endsWith('ski') ? `${last.slice(0, -1)}a` : last;
  return last;
}

export type Topic = 'staff' | 'price' | 'speed' | 'quality' | 'delivery' | 'app';
export const TOPICS: Topic[] = ['staff', 'price', 'speed', 'quality', 'delivery', 'app'];

/** What a customer writes about a topic when it went well (good) or badly (bad). */
export const COMMENTS: Record<DemoLocale, Record<Topic, { good: string[]; bad: string[] }>> = {
  en: {
    staff: {
      good: ['The staff were friendly and helpful.', 'Lovely barista, remembered my order.'],
      bad: ['The staff were rude and ignored me.', 'Nobody at the counter was helpful.'],
    },
    price: {
      good: ['Fair prices for the quality.', 'Good value for money.'],
      bad: ['Far too expensive for what you get.', 'Prices went up again, too pricey.'],
    },
    speed: {
      good: ['Quick service even at lunchtime.', 'Fast and efficient.'],
      bad: ['I waited twenty minutes for a coffee.', 'Very slow service and a long queue.'],
    },
    quality: {
      good: ['Delicious coffee and fresh pastries.', 'The best croissants in town.'],
      bad: ['The coffee was cold and bitter.', 'Stale bread, poor quality.'],
    },
    delivery: {
      good: ['Delivery arrived on time and warm.', 'Quick delivery, well packed.'],
      bad: ['The delivery was late and the order was wrong.', 'Courier lost my order.'],
    },
    app: {
      good: ['The app makes ordering easy.', 'Loyalty points in the app are great.'],
      bad: ['The app keeps crashing at checkout.', 'Could not log in to the app.'],
    },
  },
  pl: {
    staff: {
      good: ['Obsługa była miła i pomocna.', 'Sympatyczny barista, pamiętał moje zamówienie.'],
      bad: ['Obsługa była niemiła i mnie zignorowała.', 'Nikt przy kasie nie chciał pomóc.'],
    },
    price: {
      good: ['Uczciwe ceny za taką jakość.', 'Dobry stosunek jakości do ceny.'],
      bad: ['Zdecydowanie za drogo.', 'Ceny znowu poszły w górę, za drogo.'],
    },
    speed: {
      good: ['Szybka obsługa nawet w porze lunchu.', 'Szybko i sprawnie.'],
      bad: ['Czekałem dwadzieścia minut na kawę.', 'Bardzo wolna obsługa i długa kolejka.'],
    },
    quality: {
      good: ['Pyszna kawa i świeże wypieki.', 'Najlepsze rogaliki w mieście.'],
      bad: ['Kawa była zimna i gorzka.', 'Czerstwy chleb, słaba jakość.'],
    },
    delivery: {
      good: ['Dostawa na czas i jeszcze ciepła.', 'Szybka dostawa, dobrze zapakowane.'],
      bad: ['Dostawa spóźniona, a zamówienie pomylone.', 'Kurier zgubił moje zamówienie.'],
    },
    app: {
      good: ['Aplikacja ułatwia zamawianie.', 'Punkty w aplikacji są świetne.'],
      bad: ['Aplikacja ciągle się zawiesza przy płatności.', 'Nie mogę się zalogować do aplikacji.'],
    },
  },
  cs: {
    staff: {
      good: ['Personál byl milý a ochotný.', 'Příjemný barista, pamatoval si mou objednávku.'],
      bad: ['Personál byl nepříjemný a ignoroval mě.', 'Nikdo u pokladny nebyl ochotný.'],
    },
    price: {
      good: ['Férové ceny za tu kvalitu.', 'Dobrý poměr ceny a výkonu.'],
      bad: ['Na to, co dostanete, příliš drahé.', 'Ceny zase stouply, moc drahé.'],
    },
    speed: {
      good: ['Rychlá obsluha i v poledne.', 'Rychle a efektivně.'],
      bad: ['Na kávu jsem čekal dvacet minut.', 'Velmi pomalá obsluha a dlouhá fronta.'],
    },
    quality: {
      good: ['Výborná káva a čerstvé pečivo.', 'Nejlepší croissanty ve městě.'],
      bad: ['Káva byla studená a hořká.', 'Okoralý chléb, špatná kvalita.'],
    },
    delivery: {
      good: ['Doručení včas a ještě teplé.', 'Rychlé doručení, dobře zabalené.'],
      bad: ['Doručení se zpozdilo a objednávka byla špatně.', 'Kurýr ztratil mou objednávku.'],
    },
    app: {
      good: ['Aplikace usnadňuje objednávání.', 'Body v aplikaci jsou skvělé.'],
      bad: ['Aplikace při placení pořád padá.', 'Nemohu se přihlásit do aplikace.'],
    },
  },
  ru: {
    staff: {
      good: ['Персонал был вежливым и отзывчивым.', 'Приятный бариста, запомнил мой заказ.'],
      bad: ['Персонал был грубым и меня игнорировал.', 'Никто на кассе не захотел помочь.'],
    },
    price: {
      good: ['Честные цены за такое качество.', 'Хорошее соотношение цены и качества.'],
      bad: ['Слишком дорого за то, что получаешь.', 'Цены опять выросли, слишком дорого.'],
    },
    speed: {
      good: ['Быстрое обслуживание даже в обед.', 'Быстро и чётко.'],
      bad: ['Ждал кофе двадцать минут.', 'Очень медленное обслуживание и длинная очередь.'],
    },
    quality: {
      good: ['Вкусный кофе и свежая выпечка.', 'Лучшие круассаны в городе.'],
      bad: ['Кофе был холодным и горьким.', 'Чёрствый хлеб, плохое качество.'],
    },
    delivery: {
      good: ['Доставка вовремя, всё ещё тёплое.', 'Быстрая доставка, хорошо упаковано.'],
      bad: ['Доставка опоздала, и заказ перепутали.', 'Курьер потерял мой заказ.'],
    },
    app: {
      good: ['В приложении удобно заказывать.', 'Баллы в приложении — отлично.'],
      bad: ['Приложение постоянно падает при оплате.', 'Не могу войти в приложение.'],
    },
  },
};

export const TOUCHPOINTS = ['cafe', 'delivery', 'app', 'support'] as const;
export const CHANNELS = ['link', 'email', 'widget', 'qr'] as const;
