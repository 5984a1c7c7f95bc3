import type { AppContext } from '../../../http/types';
import {
  backlogByAge,
  type ComplianceRow,
  countClosedLoop,
  medianTimes,
  type Period,
  slaCompliance,
} from '../data/repo-metrics';

export const AGE_BUCKETS = ['under_1d', '1d_3d', '3d_7d', 'over_7d'] as const;

const rate = (part: number, whole: number) => (whole ? part / whole : null);
const withRate = (r: ComplianceRow) => ({ ...r, compliance: rate(r.met, r.cases) });

/**
 * How well the loop closes in a period: the share of negative responses whose case got a first
 * response within its SLA, median business minutes to first response and to resolution, SLA
 * compliance by team, tier and agent, and today's backlog by age.
 */
export async function computeLoopMetrics(ctx: AppContext, orgId: string, period: Period) {
  const now = ctx.clock.now();
  return ctx.db.withOrg(orgId, async (tx) => {
    const loop = await countClosedLoop(tx, orgId, period);
    const medians = await medianTimes(tx, orgId, period);
    const [overall] = await slaCompliance(tx, orgId, period, now, 'all');
    const backlog = new Map((await backlogByAge(tx, orgId, now)).map((r) => [r.bucket, r.count]));
    return {
      ...period,
      negativeResponses: loop.negative,
      closedLoop: loop.closed,
      closeTheLoopRate: rate(loop.closed, loop.negative),
      medianFirstResponseMinutes: medians.firstResponse,
      medianResolutionMinutes: medians.resolution,
      slaCompliance: {
        overall: withRate(overall ?? { key: null, cases: 0, met: 0 }),
        byTeam: (await slaCompliance(tx, orgId, period, now, 'team')).map(withRate),
        byTier: (await slaCompliance(tx, orgId, period, now, 'tier')).map(withRate),
        byAgent: (await slaCompliance(tx, orgId, period, now, 'agent')).map(withRate),
      },
      backlog: {
        open: [...backlog.values()].reduce((a, b) => a + b, 0),
        byAge: AGE_BUCKETS.map((bucket) => ({ bucket, count: backlog.get(bucket) ?? 0 })),
      },
    };
  });
}
