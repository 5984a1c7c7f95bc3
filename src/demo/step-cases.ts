import type { DemoStep } from './steps';

const ROOT_CAUSES = [
  { key: 'service', name: 'Service' },
  { key: 'product', name: 'Product quality' },
  { key: 'delivery', name: 'Delivery' },
  { key: 'price', name: 'Price' },
  { key: 'app', name: 'App' },
];

/** How the demo's cases are spread over the states a case goes through. */
const STATE_PLAN: { share: number; moves: Record<string, unknown>[] }[] = [
  { share: 0.3, moves: [] },
  { share: 0.25, moves: [{ status: 'in_progress' }] },
  { share: 0.1, moves: [{ status: 'in_progress' }, { status: 'waiting_customer' }] },
  {
    share: 0.2,
    moves: [
      { status: 'in_progress' },
      { rootCause: 'service', outcome: 'Apologised and refunded the order.' },
      { status: 'resolved' },
    ],
  },
  {
    share: 0.15,
    moves: [
      { status: 'in_progress' },
      { rootCause: 'product', outcome: 'Replaced the product; the customer was satisfied.' },
      { status: 'resolved' },
      { status: 'closed' },
    ],
  },
];

/**
 * Cases for the most recent detractors, in every state, through the cases API; then the rule that
 * opens a case for every new detractor (made last so that the imported history opens none).
 */
export const casesStep: DemoStep = {
  name: 'cases',
  available: ({ api }) => api.has('POST', '/api/v1/cases'),
  async run(ctx) {
    if (ctx.api.has('PATCH', '/api/v1/case-settings')) {
      await ctx.api.call('PATCH', '/api/v1/case-settings', { rootCauses: ROOT_CAUSES });
    }
    const detractors = ctx.data.responses
      .filter((r) => r.nps <= 6)
      .slice(-Math.max(10, Math.min(60, ctx.data.customers.length / 80)));
    let index = 0;
    let created = 0;
    for (const plan of STATE_PLAN) {
      const count = Math.round(plan.share * detractors.length);
      for (const r of detractors.slice(index, index + count)) {
        const c = await ctx.api.call<{ id: string }>('POST', '/api/v1/cases', {
          title: `NPS ${r.nps}: ${r.topic ?? 'feedback'} (${r.touchpoint})`,
          description: r.comment,
          priority: r.nps <= 3 ? 'high' : 'normal',
          customerExternalId: r.customerExternalId,
        });
        for (const move of plan.moves) await ctx.api.call('PATCH', `/api/v1/cases/${c.id}`, move);
        created++;
        ctx.progress('cases', created / detractors.length);
      }
      index += count;
    }
    if (ctx.api.has('POST', '/api/v1/case-rules')) {
      await ctx.api.call('POST', '/api/v1/case-rules', {
        name: 'Every detractor gets a call back',
        trigger: 'response',
        conditions: { metric: 'nps', max: 6 },
        priority: 'high',
      });
    }
    ctx.counts.cases = created;
  },
};
