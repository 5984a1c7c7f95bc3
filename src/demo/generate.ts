import { createRandom, type Random } from '../lib/seeded-random';
import { simulateBgNbdPurchases } from '../modules/value/domain/models/simulate';
import {
  CHANNELS,
  COMMENTS,
  DEMO_LOCALES,
  type DemoLocale,
  FIRST_NAMES,
  LAST_NAMES,
  LOCALE_WEIGHTS,
  surnameFor,
  TOPICS,
  TOUCHPOINTS,
  type Topic,
} from './vocabulary';

export type DemoCustomer = {
  externalId: string;
  name: string;
  email: string;
  phone: string;
  locale: DemoLocale;
  consent: { email: boolean; surveys: boolean };
  attributes: { city: string; source: string };
};

export type DemoEvent = {
  type: 'purchase' | 'visit' | 'referral';
  customerExternalId: string;
  occurredAt: Date;
  amountMinor?: number;
  channel: string;
  touchpoint: string;
};

export type DemoResponse = {
  customerExternalId: string;
  submittedAt: Date;
  locale: DemoLocale;
  channel: string;
  touchpoint: string;
  nps: number;
  csat: number;
  ces: number;
  comment?: string;
  topic?: Topic;
};

export type DemoData = { customers: DemoCustomer[]; events: DemoEvent[]; responses: DemoResponse[] };

const DAY_MS = 86_400_000;
const CITIES: Record<DemoLocale, string[]> = {
  en: ['London', 'Manchester', 'Dublin'],
  pl: ['Warszawa', 'Kraków', 'Gdańsk', 'Wrocław'],
  cs: ['Praha', 'Brno', 'Ostrava'],
  ru: ['Рига', 'Таллин', 'Вильнюс'],
};
const PHONE_PREFIX: Record<DemoLocale, string> = { en: '+44', pl: '+48', cs: '+420', ru: '+371' };
const SOURCES = ['walk-in', 'instagram', 'referral', 'app-store', 'newsletter'];

/**
 * A realistic organization's history over two years up to `now`, reproducible from `seed`:
 * 15 % known but never in contact, 15 % visitors who never bought, the rest buyers whose
 * purchases follow a BG/NBD repeat-buying process with Gamma-Gamma spend (so the value models
 * have something true to find), and survey answers whose scores and words follow experience.
 */
export function generateDemo({
  customers: size,
  seed,
  now,
}: {
  customers: number;
  seed: number;
  now: Date;
}): DemoData {
  const rnd = createRandom(seed);
  const today = Math.floor(now.getTime() / DAY_MS);
  const customers = Array.from({ length: size }, (_, i) => makeCustomer(rnd, i));
  const potentials = Math.round(size * 0.15);
  const visitors = Math.round(size * 0.15);
  const buyers = customers.slice(potentials + visitors);
  const events: DemoEvent[] = [];

  for (const c of customers.slice(potentials, potentials + visitors)) {
    const visits = 1 + Math.floor(rnd.next() * 3);
    for (let v = 0; v < visits; v++) {
      events.push({
        type: 'visit',
        customerExternalId: c.externalId,
        occurredAt: dayTime(rnd, today - 1 - Math.floor(rnd.next() * 700)),
        channel: rnd.next() < 0.5 ? 'web' : 'store',
        touchpoint: pick(rnd, TOUCHPOINTS),
      });
    }
  }

  // Per day: about one purchase in 80 days while alive; a 15-unit average ticket (in minor units: 1500).
  const sim = simulateBgNbdPurchases({
    customers: buyers.length,
    params: { r: 0.6, alpha: 50, a: 0.7, b: 3.5 },
    // Spend in grosze: about 45 zł a visit.
    spend: { p: 6, q: 4, gamma: 2250 },
    firstDay: today - 730,
    acquisitionDays: 700,
    lastDay: today - 1,
    seed: seed + 1,
  });
  const purchasesOf = new Map<number, number[]>();
  for (let i = 0; i < sim.count; i++) {
    const c = buyers[sim.customer[i]];
    const touchpoint = rnd.next() < 0.7 ? 'cafe' : rnd.next() < 0.6 ? 'delivery' : 'app';
    events.push({
      type: 'purchase',
      customerExternalId: c.externalId,
      occurredAt: dayTime(rnd, sim.day[i]),
      amountMinor: Math.round(sim.amount[i]),
      channel: touchpoint === 'cafe' ? 'store' : 'web',
      touchpoint,
    });
    const list = purchasesOf.get(sim.customer[i]) ?? [];
    list.push(sim.day[i]);
    purchasesOf.set(sim.customer[i], list);
  }

  const responses: DemoResponse[] = [];
  buyers.forEach((c, index) => {
    const days = purchasesOf.get(index) ?? [];
    if (!days.length || rnd.next() > 0.12) return;
    // Frequent buyers are happier; a customer's mood is stable across their answers.
    const mood = rnd.normal() * 2 + 7.2 + Math.min(2, days.length / 6);
    const answers = days.length > 4 && rnd.next() < 0.5 ? 2 : 1;
    for (let k = 0; k < answers; k++) {
      const day = days[Math.floor(rnd.next() * days.length)] + 1;
      if (day >= today) continue;
      // Service got better over the two years: a small upward trend in scores.
      const trend = ((day - (today - 730)) / 730) * 0.8;
      responses.push(makeResponse(rnd, c, dayTime(rnd, day), mood + trend));
    }
    if (mood > 9 && rnd.next() < 0.3) {
      events.push({
        type: 'referral',
        customerExternalId: c.externalId,
        occurredAt: dayTime(rnd, days[days.length - 1]),
        channel: 'app',
        touchpoint: 'app',
      });
    }
  });
  events.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  responses.sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
  return { customers, events, responses };
}

function makeCustomer(rnd: Random, i: number): DemoCustomer {
  const locale = pickLocale(rnd);
  const first = pick(rnd, FIRST_NAMES[locale]);
  const last = surnameFor(locale, first, pick(rnd, LAST_NAMES[locale]));
  const externalId = `C${String(100001 + i)}`;
  return {
    externalId,
    name: `${first} ${last}`,
    email: `customer${100001 + i}@demo.orientir.example`,
    phone: `${PHONE_PREFIX[locale]}60${String(1000000 + i).padStart(7, '0')}`,
    locale,
    consent: { email: rnd.next() < 0.8, surveys: rnd.next() < 0.9 },
    attributes: { city: pick(rnd, CITIES[locale]), source: pick(rnd, SOURCES) },
  };
}

function makeResponse(rnd: Random, c: DemoCustomer, submittedAt: Date, mood: number): DemoResponse {
  const nps = clampInt(Math.round(mood + rnd.normal() * 1.2), 0, 10);
  const csat = clampInt(Math.round(1 + (nps / 10) * 4 + rnd.normal() * 0.5), 1, 5);
  const ces = clampInt(Math.round(1 + (nps / 10) * 6 + rnd.normal() * 0.8), 1, 7);
  const response: DemoResponse = {
    customerExternalId: c.externalId,
    submittedAt,
    locale: c.locale,
    channel: pick(rnd, CHANNELS),
    touchpoint: pick(rnd, TOUCHPOINTS),
    nps,
    csat,
    ces,
  };
  if (rnd.next() < 0.7) {
    // Detractors complain about price, waiting and delivery; promoters praise people and food.
    const bad = nps <= 6 || (nps <= 8 && rnd.next() < 0.4);
    const topic = bad
      ? pickWeighted(rnd, TOPICS, [1, 3, 3, 1.5, 2.5, 2])
      : pickWeighted(rnd, TOPICS, [3, 1, 1.5, 3, 1, 1]);
    response.topic = topic;
    response.comment = pick(rnd, COMMENTS[c.locale][topic][bad ? 'bad' : 'good']);
  }
  return response;
}

/** A time of day during opening hours (7:00–21:00 UTC) on `day` (days since 1970-01-01). */
function dayTime(rnd: Random, day: number): Date {
  return new Date(day * DAY_MS + (7 * 3600 + Math.floor(rnd.next() * 14 * 3600)) * 1000);
}

function pickLocale(rnd: Random): DemoLocale {
  return pickWeighted(
    rnd,
    DEMO_LOCALES,
    DEMO_LOCALES.map((l) => LOCALE_WEIGHTS[l]),
  );
}

function pick<T>(rnd: Random, list: readonly T[]): T {
  return list[Math.floor(rnd.next() * list.length)];
}

function pickWeighted<T>(rnd: Random, list: readonly T[], weights: readonly number[]): T {
  const total = weights.reduce((s, w) => s + w, 0);
  let x = rnd.next() * total;
  for (let i = 0; i < list.length; i++) {
    x -= weights[i];
    if (x < 0) return list[i];
  }
  return list[list.length - 1];
}

const clampInt = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
