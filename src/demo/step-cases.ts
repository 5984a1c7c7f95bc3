import { createRandom } from '../lib/seeded-random';
import { caseStory } from './case-story';
import { withSeedingClock } from './seeding-clock';
import { demoResponseId } from './step-surveys';
import type { DemoContext, DemoStep } from './steps';

const ROOT_CAUSES = [
  { key: 'service', name: 'Service' },
  { key: 'product', name: 'Product quality' },
  { key: 'delivery', name: 'Delivery' },
  { key: 'price', name: 'Price' },
  { key: 'app', name: 'App' },
];

/** What was done about each root cause, as the agent wrote it when resolving. */
const OUTCOMES: Record<string, string> = {
  service: 'Apologised and refunded the order.',
  product: 'Replaced the product; the customer was satisfied.',
  delivery: 'Sent the order again by courier and refunded the delivery.',
  price: 'Explained the price list and offered a loyalty discount.',
  app: 'Fixed the order in the app and added bonus points.',
};

/** How many of the newest cases are still new, waiting for someone to take them. */
const newCasesOf = (cases: number) => Math.min(4, Math.ceil(cases / 10));

/** One case in 40 customers' worth of detractors, at least a dozen. */
const casesFor = (customers: number) => Math.max(12, Math.min(150, Math.round(customers / 40)));

/** The people cases are assigned to (set by the demo's organization step). */
export type DemoStaff = {
  caseOwnerIds: string[];
  /** The organization's users other than the owner. */
  users?: { id: string; name: string; email: string; role: string }[];
};

/**
 * Cases for detractors spread over the two years, each lived through at its own times with the
 * application's clock set to them: opened after the answer, answered within hours (some late:
 * SLA breaches), worked on with time spent (cost to serve), resolved and closed — by their owners;
 * the last ones still open in every state; each names the answer it is about.
 */
export const casesStep: DemoStep = {
  name: 'cases',
  available: ({ api }) => api.has('POST', '/api/v1/cases'),
  async run(ctx) {
    if (ctx.api.has('PATCH', '/api/v1/case-settings')) {
      await ctx.api.call('PATCH', '/api/v1/case-settings', { rootCauses: ROOT_CAUSES });
    }
    const owners = (ctx.state.staff as DemoStaff | undefined)?.caseOwnerIds ?? [];
    const detractors = ctx.data.responses
      .map((r, index) => ({ ...r, id: demoResponseId(index) }))
      .filter((r) => r.nps <= 6)
      .sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
    const wanted = Math.min(detractors.length, casesFor(ctx.data.customers.length));
    // Evenly over the two years, the first and the newest detractor included.
    const picked = Array.from(
      { length: wanted },
      (_, i) => detractors[Math.round((i * (detractors.length - 1)) / Math.max(1, wanted - 1))],
    );
    const rnd = createRandom(detractors.length + 7);
    let created = 0;
    await withSeedingClock(ctx.app.ctx, async (setNow) => {
      for (const [i, r] of picked.entries()) {
        const story = caseStory(rnd, r.submittedAt, ctx.now);
        // The newest few nobody has touched yet: they wait in the queue, the older of them late.
        if (i >= picked.length - newCasesOf(picked.length))
          story.repliedAt = story.resolvedAt = story.closedAt = undefined;
        const cause = ROOT_CAUSES[Math.floor(rnd.next() * ROOT_CAUSES.length)].key;
        // A case nobody has answered yet waits in the queue for someone to take it.
        const ownerId = story.repliedAt && owners.length ? owners[created % owners.length] : undefined;
        setNow(story.openedAt);
        const c = await ctx.api.call<{ id: string }>('POST', '/api/v1/cases', {
          title: `NPS ${r.nps}: ${r.topic ?? 'feedback'} (${r.touchpoint})`,
          description: r.comment,
          priority: r.nps <= 3 ? 'high' : 'normal',
          customerExternalId: r.customerExternalId,
          ...(ctx.state.surveyId ? { responseId: r.id } : {}),
          ...(ownerId ? { ownerId } : {}),
        });
        const patch = (body: unknown) => ctx.api.call('PATCH', `/api/v1/cases/${c.id}`, body);
        const note = (body: unknown) => ctx.api.call('POST', `/api/v1/cases/${c.id}/notes`, body);
        if (story.repliedAt) {
          setNow(story.repliedAt);
          await patch({ status: 'in_progress' });
          await note({
            kind: 'reply',
            text: 'We are sorry about this and are looking into it.',
            minutesSpent: story.replyMinutes,
          });
          if (story.waiting) await patch({ status: 'waiting_customer' });
        }
        if (story.resolvedAt) {
          setNow(story.resolvedAt);
          await note({ text: 'Checked the order and the shift report.', minutesSpent: story.workMinutes });
          await patch({ rootCause: cause, outcome: OUTCOMES[cause] });
          await patch({ status: 'resolved' });
        }
        if (story.closedAt) {
          setNow(story.closedAt);
          await patch({ status: 'closed' });
        }
        created++;
        ctx.progress('cases', created / picked.length);
      }
    });
    ctx.counts.cases = created;
  },
};

/** Puts the enabled case rules (of one trigger, or all) to rest; answers the ids to wake later. */
async function restRules(ctx: DemoContext, trigger?: 'response' | 'event') {
  const { items: rules } = await ctx.api.call<{
    items: { id: string; enabled: boolean; trigger: string }[];
  }>('GET', '/api/v1/case-rules?limit=100');
  const resting = rules.filter((r) => r.enabled && (!trigger || r.trigger === trigger)).map((r) => r.id);
  for (const id of resting) await ctx.api.call('PATCH', `/api/v1/case-rules/${id}`, { enabled: false });
  return resting;
}

async function wakeRules(ctx: DemoContext, ids: readonly string[]) {
  for (const id of ids) await ctx.api.call('PATCH', `/api/v1/case-rules/${id}`, { enabled: true });
}

/**
 * Past events a later step adds to the history (the refunds of the points program) open no case:
 * the demo's cases are those of its answers; the event rules wake again after them.
 */
export async function withEventRulesAtRest<T>(ctx: DemoContext, fn: () => Promise<T>): Promise<T> {
  const resting = await restRules(ctx, 'event');
  try {
    return await fn();
  } finally {
    await wakeRules(ctx, resting);
  }
}

/** Before the answers' history is imported: the rules rest, the cases of that history are the demo's own. */
export const restCaseRulesStep: DemoStep = {
  name: 'case rules at rest',
  available: ({ api }) => api.has('GET', '/api/v1/case-rules'),
  async run(ctx) {
    ctx.state.restingRules = await restRules(ctx);
  },
};

/** After the history: the rules open a case for every new detractor again, and one more is added. */
export const caseRulesStep: DemoStep = {
  name: 'case rules',
  available: ({ api }) => api.has('POST', '/api/v1/case-rules'),
  async run(ctx) {
    await wakeRules(ctx, (ctx.state.restingRules as string[] | undefined) ?? []);
    await ctx.api.call('POST', '/api/v1/case-rules', {
      name: 'Every detractor gets a call back',
      trigger: 'response',
      conditions: { metric: 'nps', max: 6 },
      priority: 'high',
    });
  },
};
