import { createRandom } from '../lib/seeded-random';
import { withSeedingClock } from './seeding-clock';
import type { DemoStaff } from './step-cases';
import type { DemoPeople } from './step-people';
import type { DemoStep } from './steps';

const DAY_MS = 86_400_000;

type Item = {
  id: string;
  component: 'service' | 'aesthetic' | 'ethical';
  weight: number;
  critical?: boolean;
  text: { pl: string; en: string; cs: string; ru: string };
};

/** The café chain's standard: what an auditor or a mystery shopper checks on each visit. */
const ITEMS: Item[] = [
  {
    id: 'menu',
    component: 'service',
    weight: 3,
    critical: true,
    text: {
      pl: 'Wszystkie pozycje z menu są dostępne',
      en: 'Everything on the menu is available',
      cs: 'Vše z menu je k dispozici',
      ru: 'Все позиции меню в наличии',
    },
  },
  {
    id: 'speed',
    component: 'service',
    weight: 2,
    text: {
      pl: 'Zamówienie podane w ciągu 5 minut',
      en: 'Order served within 5 minutes',
      cs: 'Objednávka podána do 5 minut',
      ru: 'Заказ подан в течение 5 минут',
    },
  },
  {
    id: 'receipt',
    component: 'service',
    weight: 2,
    critical: true,
    text: {
      pl: 'Paragon wydany bez proszenia',
      en: 'Receipt given without asking',
      cs: 'Účtenka vydána bez vyžádání',
      ru: 'Чек выдан без просьбы',
    },
  },
  {
    id: 'tables',
    component: 'aesthetic',
    weight: 2,
    text: {
      pl: 'Stoliki i podłoga czyste',
      en: 'Tables and floor clean',
      cs: 'Stoly a podlaha čisté',
      ru: 'Столы и пол чистые',
    },
  },
  {
    id: 'restroom',
    component: 'aesthetic',
    weight: 2,
    text: {
      pl: 'Toaleta czysta i zaopatrzona',
      en: 'Restroom clean and stocked',
      cs: 'Toaleta čistá a vybavená',
      ru: 'Туалет чистый и укомплектован',
    },
  },
  {
    id: 'display',
    component: 'aesthetic',
    weight: 1,
    text: {
      pl: 'Witryna z wypiekami pełna, z cenami',
      en: 'Pastry display full and priced',
      cs: 'Vitrína s pečivem plná a s cenami',
      ru: 'Витрина с выпечкой полная, с ценами',
    },
  },
  {
    id: 'uniform',
    component: 'aesthetic',
    weight: 1,
    text: {
      pl: 'Obsługa w czystych strojach z identyfikatorem',
      en: 'Staff in clean uniforms with name badges',
      cs: 'Obsluha v čistém oblečení se jmenovkou',
      ru: 'Персонал в чистой форме с бейджем',
    },
  },
  {
    id: 'greet',
    component: 'ethical',
    weight: 2,
    text: {
      pl: 'Gość powitany w ciągu minuty',
      en: 'Guest greeted within a minute',
      cs: 'Host přivítán do minuty',
      ru: 'Гостя поприветствовали в течение минуты',
    },
  },
  {
    id: 'recommend',
    component: 'ethical',
    weight: 1,
    text: {
      pl: 'Barista polecił coś dopasowanego do gościa',
      en: 'The barista recommended something that fits',
      cs: 'Barista doporučil něco na míru',
      ru: 'Бариста порекомендовал что-то подходящее',
    },
  },
  {
    id: 'thanks',
    component: 'ethical',
    weight: 1,
    text: {
      pl: 'Podziękowanie i zaproszenie ponownie',
      en: 'Thanked and invited back',
      cs: 'Poděkování a pozvání znovu',
      ru: 'Поблагодарили и пригласили снова',
    },
  },
];

/**
 * Service audits of the cafés: the chain's checklist, a year of monthly visits per café (auditors
 * and mystery shoppers in turn, each café with its own standard, most getting better), a few failed
 * critical items with their corrective cases (the older ones resolved), and a mystery shopper's
 * visit planned with its link.
 */
export const peopleAuditsStep: DemoStep = {
  name: 'people-audits',
  available: ({ api }) => api.has('POST', '/api/v1/audit-checklists') && api.has('POST', '/api/v1/audits'),
  async run(ctx) {
    const people = ctx.state.people as DemoPeople | undefined;
    const cafes = (people?.locations ?? []).filter((l) => l.code !== 'ONLINE');
    if (!cafes.length) return;
    const { api, app } = ctx;
    const random = createRandom(6041);
    const rnd = () => random.next();
    const auditor = (ctx.state.staff as DemoStaff | undefined)?.users?.find((u) => u.role === 'manager');
    const checklist = await api.call('POST', '/api/v1/audit-checklists', {
      name: 'Standard kawiarni Kompas',
      channel: 'store',
      items: ITEMS,
      dueDays: 7,
    });
    // Each café's standard: the chance an item is met, rising a little month by month.
    const quality = new Map(
      cafes.map((c, i) => [c.id, { base: 0.72 + i * 0.04 + rnd() * 0.05, climb: rnd() * 0.012 }]),
    );
    let visits = 0;
    let corrective = 0;
    const cases: { id: string; at: Date }[] = [];
    await withSeedingClock(app.ctx, async (setNow) => {
      for (let month = 12; month >= 1; month--) {
        for (const [i, cafe] of cafes.entries()) {
          const at = new Date(ctx.now.getTime() - (month * 30 - i * 3 - Math.floor(rnd() * 5)) * DAY_MS);
          at.setUTCHours(9 + Math.floor(rnd() * 8), Math.floor(rnd() * 60), 0, 0);
          setNow(new Date(at.getTime() - 2 * DAY_MS));
          const shopper = (month + i) % 2 === 0;
          const visit = await api.call('POST', '/api/v1/audits', {
            checklistId: checklist.id,
            locationId: cafe.id,
            kind: shopper ? 'shopper' : 'auditor',
            ...(shopper
              ? { shopperName: 'Klient ABC', locale: 'pl' }
              : auditor
                ? { auditorId: auditor.id }
                : {}),
            scheduledAt: at.toISOString(),
          });
          const q = quality.get(cafe.id)!;
          const p = Math.min(0.97, q.base + (12 - month) * q.climb);
          const answers = ITEMS.map((item) => {
            // Critical items fail rarely; the restroom does not apply on a take-away visit.
            const met = rnd() < (item.critical ? Math.max(p, 0.965) : p);
            if (item.id === 'restroom' && rnd() < 0.15) return { itemId: item.id, result: 'na' };
            return {
              itemId: item.id,
              result: met ? 'pass' : 'fail',
              ...(!met && { note: NOTES[item.id] ?? null }),
            };
          });
          setNow(at);
          const done = await api.call('POST', `/api/v1/audits/${visit.id}/submit`, { answers });
          visits++;
          if (done.caseId) {
            corrective++;
            cases.push({ id: done.caseId, at });
          }
        }
      }
      // Corrective actions older than a month were carried out.
      for (const c of cases) {
        if (ctx.now.getTime() - c.at.getTime() < 30 * DAY_MS) continue;
        setNow(new Date(c.at.getTime() + (2 + Math.floor(rnd() * 4)) * DAY_MS));
        await api.call('PATCH', `/api/v1/cases/${c.id}`, {
          status: 'resolved',
          outcome: 'Uzupełniono zapasy i omówiono standard z zespołem.',
        });
      }
    });
    // A mystery shopper's visit planned for next week, with the link to send.
    const planned = await api.call('POST', '/api/v1/audits', {
      checklistId: checklist.id,
      locationId: cafes[0].id,
      kind: 'shopper',
      shopperName: 'Klient XYZ',
      locale: 'pl',
      scheduledAt: new Date(ctx.now.getTime() + 7 * DAY_MS).toISOString(),
    });
    await api.call('POST', `/api/v1/audits/${planned.id}/shopper-link`, { expiresInDays: 21 });
    ctx.counts.auditVisits = visits + 1;
    ctx.counts.correctiveCases = corrective;
  },
};

/** What the auditor writes when an item is not met. */
const NOTES: Record<string, string> = {
  menu: 'Brak sernika i croissantów od rana.',
  receipt: 'Paragon wydany dopiero na prośbę.',
  speed: 'Czekanie ok. 9 minut przy trzech osobach w kolejce.',
  tables: 'Dwa stoliki nieuprzątnięte po gościach.',
  restroom: 'Brak mydła.',
  greet: 'Nikt nie zareagował przez kilka minut.',
};
