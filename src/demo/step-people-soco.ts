import { createRandom } from '../lib/seeded-random';
import { itemsOfForm, type SocoForm, type SocoRater } from '../modules/people/domain/soco-instrument';
import { storeAssessmentInTx } from '../modules/people/use-cases/soco';
import { withSeedingClock } from './seeding-clock';
import type { DemoPeople } from './step-people';
import type { DemoStep } from './steps';

const DAY_MS = 86_400_000;

/** The café chain's courses, what each builds, and how long it counts. */
const COURSES = [
  {
    key: 'listening',
    names: {
      pl: 'Słuchanie gościa',
      en: 'Listening to guests',
      cs: 'Naslouchání hostům',
      ru: 'Умение слушать гостя',
    },
    builds: 'empathy',
    validityMonths: 12,
  },
  {
    key: 'coffee',
    names: {
      pl: 'Sztuka parzenia kawy',
      en: 'Coffee craft',
      cs: 'Umění přípravy kávy',
      ru: 'Искусство варки кофе',
    },
    builds: 'product_knowledge',
    validityMonths: null,
  },
  {
    key: 'haccp',
    names: {
      pl: 'Higiena i bezpieczeństwo żywności (HACCP)',
      en: 'Food hygiene and safety (HACCP)',
      cs: 'Hygiena a bezpečnost potravin (HACCP)',
      ru: 'Гигиена и безопасность пищевых продуктов (HACCP)',
    },
    builds: 'hygiene_and_safety',
    validityMonths: 24,
  },
  {
    key: 'complaints',
    names: {
      pl: 'Reklamacje bez stresu',
      en: 'Handling complaints calmly',
      cs: 'Stížnosti bez stresu',
      ru: 'Жалобы без стресса',
    },
    builds: 'complaint_handling',
    validityMonths: 12,
  },
  {
    key: 'recommend',
    names: {
      pl: 'Rekomendacje szyte na miarę',
      en: 'Recommendations that fit',
      cs: 'Doporučení na míru',
      ru: 'Рекомендации по мерке',
    },
    builds: 'personalization',
    validityMonths: 18,
  },
  {
    key: 'feedback',
    names: {
      pl: 'Uczymy się z opinii gości',
      en: 'Learning from guests’ feedback',
      cs: 'Učíme se ze zpětné vazby hostů',
      ru: 'Учимся на отзывах гостей',
    },
    builds: 'feedback_openness',
    validityMonths: null,
  },
] as const;
type CourseKey = (typeof COURSES)[number]['key'];

/** The courses each job role requires (the job roles of the structure step). */
const REQUIRED: Record<string, CourseKey[]> = {
  barista: ['listening', 'coffee', 'haccp', 'recommend'],
  piekarz: ['haccp'],
  konsultant: ['listening', 'complaints', 'feedback'],
  kierowca: ['haccp'],
  'kierownik zmiany': ['listening', 'complaints', 'feedback', 'haccp'],
};

/** Roles whose people serve customers face to face or on the phone: customers rate them. */
const SERVING = new Set(['barista', 'konsultant', 'kierownik zmiany']);

const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * SOCO and training for the café chain's people: three quarters of self- and manager assessments
 * (getting a little better each quarter), customers' ratings of those who serve them (some through
 * their one-use link), the courses each job role requires, and completions: most done, some expired,
 * some missing.
 */
export const peopleSocoStep: DemoStep = {
  name: 'people-soco',
  available: ({ api }) =>
    api.has('POST', '/api/v1/soco/assessments') && api.has('POST', '/api/v1/training/courses'),
  async run(ctx) {
    const people = ctx.state.people as DemoPeople | undefined;
    if (!people?.employees.length) return;
    const { api, app, orgId } = ctx;
    const random = createRandom(6031);
    const rnd = () => random.next();
    const staff = people.employees.filter((e) => e.managerId);
    const byId = new Map(people.employees.map((e) => [e.id, e]));

    // Training: courses, the roles that require them, and who completed them when.
    const courseIds = new Map<CourseKey, { id: string; validityMonths: number | null }>();
    for (const c of COURSES) {
      const row = await api.call('POST', '/api/v1/training/courses', {
        names: c.names,
        builds: c.builds,
        validityMonths: c.validityMonths,
      });
      courseIds.set(c.key, { id: row.id, validityMonths: c.validityMonths });
    }
    for (const [jobRole, keys] of Object.entries(REQUIRED)) {
      for (const key of keys) {
        await api.call('POST', '/api/v1/training/requirements', {
          jobRole,
          courseId: courseIds.get(key)!.id,
        });
      }
    }
    let completions = 0;
    for (const e of people.employees) {
      for (const key of REQUIRED[e.jobRole] ?? []) {
        const course = courseIds.get(key)!;
        const roll = rnd();
        if (roll < 0.18) continue; // missing
        const months = course.validityMonths ?? 36;
        // Expired: done longer ago than the course counts; else within it.
        const daysAgo =
          roll < 0.32 && course.validityMonths
            ? months * 31 + Math.floor(rnd() * 200)
            : Math.floor(rnd() * Math.max(20, months * 28 - 30)) + 3;
        await api.call('POST', '/api/v1/training/completions', {
          employeeId: e.id,
          courseId: course.id,
          completedOn: day(new Date(ctx.now.getTime() - daysAgo * DAY_MS)),
        });
        completions++;
      }
    }

    // SOCO: each person's own orientation, and how they are seen.
    const trait = new Map(
      staff.map((e) => [e.id, { co: 5.2 + rnd() * 3.2, so: 1.8 + rnd() * 3.4, climb: 0.1 + rnd() * 0.35 }]),
    );
    const clamp = (v: number) => Math.min(9, Math.max(1, Math.round(v)));
    const answersOf = (form: SocoForm, co: number, so: number) =>
      Object.fromEntries(
        itemsOfForm(form).map((i) => [i.id, clamp((i.orientation === 'co' ? co : so) + (rnd() - 0.5) * 2.4)]),
      );
    const customers = ctx.data.customers.slice(0, 400).map((c) => c.externalId);
    const quarters = [190, 100, 12]; // days before now: three quarters up to this one
    let count = 0;
    await withSeedingClock(app.ctx, async (setNow) => {
      for (const [q, daysAgo] of quarters.entries()) {
        const rows: {
          employeeId: string;
          raterKind: SocoRater;
          form: SocoForm;
          answers: Record<string, number>;
          raterUserId?: string | null;
          at: Date;
        }[] = [];
        for (const e of staff) {
          const t = trait.get(e.id)!;
          const co = t.co + q * t.climb;
          const so = t.so - q * t.climb;
          const at = (offset: number) => new Date(ctx.now.getTime() - (daysAgo + offset) * DAY_MS);
          // People see themselves a little kinder than their managers do.
          rows.push({
            employeeId: e.id,
            raterKind: 'self',
            form: 'full',
            answers: answersOf('full', co + 0.5, so - 0.4),
            raterUserId: e.userId,
            at: at(Math.floor(rnd() * 10)),
          });
          const manager = e.managerId ? byId.get(e.managerId) : undefined;
          rows.push({
            employeeId: e.id,
            raterKind: 'manager',
            form: q === quarters.length - 1 ? 'full' : 'short',
            answers: answersOf(q === quarters.length - 1 ? 'full' : 'short', co, so),
            raterUserId: manager?.userId ?? null,
            at: at(Math.floor(rnd() * 10)),
          });
          if (SERVING.has(e.jobRole)) {
            const ratings = 1 + Math.floor(rnd() * 4);
            for (let r = 0; r < ratings; r++) {
              rows.push({
                employeeId: e.id,
                raterKind: 'customer',
                form: 'customer',
                answers: answersOf('customer', co - 0.2, so),
                at: at(Math.floor(rnd() * 60)),
              });
            }
          }
        }
        rows.sort((a, b) => a.at.getTime() - b.at.getTime());
        await app.ctx.db.withOrg(orgId, async (tx) => {
          for (const { at, ...row } of rows) {
            setNow(at);
            await storeAssessmentInTx(app.ctx, tx, orgId, row);
            count++;
          }
        });
      }
    });

    // This week's customers rate through their own link, as they would from a receipt or an e-mail.
    const serving = staff.filter((e) => SERVING.has(e.jobRole));
    for (let i = 0; i < Math.min(12, serving.length); i++) {
      const e = serving[Math.floor(rnd() * serving.length)];
      const link = await api.call('POST', '/api/v1/soco/customer-links', {
        employeeId: e.id,
        ...(customers.length ? { customerExternalId: customers[i % customers.length] } : {}),
      });
      const t = trait.get(e.id)!;
      const answers = answersOf('customer', t.co + 2 * t.climb, t.so);
      const res = await app.inject({
        method: 'POST',
        url: `/rate/${link.token}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams(
          Object.entries(answers).map(([k, v]) => [`q.${k}`, String(v)]),
        ).toString(),
      });
      if (res.statusCode !== 200) throw new Error(`demo rating page: ${res.statusCode}`);
      count++;
    }
    ctx.counts.socoAssessments = count;
    ctx.counts.trainingCompletions = completions;
  },
};
