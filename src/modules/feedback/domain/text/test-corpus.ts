// A synthetic multilingual corpus of NPS answers for tests: neutral sentences in which detractors
// and promoters mention planted words and phrases, so the expected distinguishing terms are known.
import type { TextLang } from './languages';

/** Small seeded PRNG (mulberry32), so that every run builds the same corpus. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Plan {
  /** Function-word frames; {} is replaced by the content words. */
  frames: string[];
  neutral: string[];
  /** Planted detractor words, each as several inflected forms of one word. */
  detractorWords: string[][];
  promoterWords: string[][];
  detractorPhrase: string;
  promoterPhrase: string;
}

export const PLANS: Record<TextLang, Plan> = {
  pl: {
    frames: ['{} i się nie podoba', 'to był {}', 'jest {} ale', 'w sklepie {}', '{} oraz tak że'],
    neutral: [
      'zamówienie',
      'sklep',
      'produkt',
      'cena',
      'paczka',
      'aplikacja',
      'strona',
      'towar',
      'rozmiar',
      'kolor',
    ],
    detractorWords: [
      ['opóźnienie', 'opóźnienia', 'opóźnieniem'],
      ['kurier', 'kuriera', 'kurierem'],
    ],
    promoterWords: [['szybko']],
    detractorPhrase: 'zimne jedzenie',
    promoterPhrase: 'świetna jakość',
  },
  cs: {
    frames: ['{} a bylo to', 'to byl {}', 'jsem {} ale', 'v obchodě {}', '{} že jsem'],
    neutral: [
      'objednávka',
      'obchod',
      'produkt',
      'cena',
      'balík',
      'aplikace',
      'stránka',
      'zboží',
      'velikost',
      'barva',
    ],
    detractorWords: [
      ['zpoždění', 'zpožděním'],
      ['kurýr', 'kurýra', 'kurýrovi'],
    ],
    promoterWords: [['rychle']],
    detractorPhrase: 'studené jídlo',
    promoterPhrase: 'skvělá kvalita',
  },
  ru: {
    frames: ['{} и это', 'это был {}', 'есть {} но', 'в магазине {}', '{} что я'],
    neutral: [
      'заказ',
      'магазин',
      'товар',
      'цена',
      'посылка',
      'приложение',
      'сайт',
      'размер',
      'цвет',
      'упаковка',
    ],
    detractorWords: [
      ['опоздание', 'опоздания', 'опозданием'],
      ['курьер', 'курьера', 'курьером'],
    ],
    promoterWords: [['быстро']],
    detractorPhrase: 'холодная еда',
    promoterPhrase: 'отличное качество',
  },
  en: {
    frames: ['{} and it was', 'this is {}', 'the {} but', 'in the shop {}', '{} that i'],
    neutral: ['order', 'shop', 'product', 'price', 'parcel', 'app', 'website', 'goods', 'size', 'colour'],
    detractorWords: [
      ['delay', 'delays', 'delayed'],
      ['courier', 'couriers'],
    ],
    promoterWords: [['quickly']],
    detractorPhrase: 'cold food',
    promoterPhrase: 'great quality',
  },
};

export interface CorpusAnswer {
  lang: TextLang;
  cls: 'detractor' | 'promoter';
  score: number;
  text: string;
}

/**
 * `perClass` answers per language and class. A planted word of the own class appears with
 * probability 0.6, one of the other class with 0.04 (real answers are never clean).
 */
export function buildCorpus(seed: number, perClass: number): CorpusAnswer[] {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const out: CorpusAnswer[] = [];
  for (const lang of Object.keys(PLANS) as TextLang[]) {
    const plan = PLANS[lang];
    for (const cls of ['detractor', 'promoter'] as const) {
      const own = cls === 'detractor' ? plan.detractorWords : plan.promoterWords;
      const other = cls === 'detractor' ? plan.promoterWords : plan.detractorWords;
      const ownPhrase = cls === 'detractor' ? plan.detractorPhrase : plan.promoterPhrase;
      for (let i = 0; i < perClass; i++) {
        const content: string[] = [];
        const k = 2 + Math.floor(rnd() * 3);
        for (let j = 0; j < k; j++) content.push(pick(plan.neutral));
        for (const forms of own)
          if (rnd() < 0.6) content.splice(Math.floor(rnd() * content.length), 0, pick(forms));
        for (const forms of other) if (rnd() < 0.04) content.push(pick(forms));
        // Phrases stand in their own clause so that they are not glued to a neighbouring word.
        const clauses = [pick(plan.frames).replace('{}', content.join(' '))];
        if (rnd() < 0.5) clauses.push(ownPhrase);
        const score = cls === 'detractor' ? Math.floor(rnd() * 7) : 9 + Math.floor(rnd() * 2);
        out.push({ lang, cls, score, text: clauses.join(', ') + '.' });
      }
    }
  }
  return out;
}
