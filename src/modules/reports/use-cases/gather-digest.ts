import type { AppContext } from '../../../http/types';
import { startOfLocalDay } from '../../../lib/local-day';
import { countCasesPastSla } from '../../cases/api';
import { lifecycleReport } from '../../customers/api';
import { detractorTopicsOfPeriod, scoresOfPeriod } from '../../feedback/api';
import type { DigestPeriod, Frequency } from '../domain/periods';
import type { DigestFigures } from '../domain/render-digest';

const TOP_TOPICS = 5;
const TOP_MOVES = 5;

/** The figures of one digest, each asked of the module that knows it. */
export async function gatherDigest(
  ctx: AppContext,
  org: { id: string; name: string; timeZone: string },
  frequency: Frequency,
  period: DigestPeriod,
): Promise<DigestFigures> {
  const from = startOfLocalDay(period.startDay, org.timeZone);
  const to = startOfLocalDay(period.endDay, org.timeZone);
  const lifecycle = await lifecycleReport(ctx, org.id, { from: from.toISOString(), to: to.toISOString() });
  return {
    orgName: org.name,
    frequency,
    period,
    scores: await scoresOfPeriod(ctx, org.id, { from, to }),
    detractorTopics: await detractorTopicsOfPeriod(ctx, org.id, { from, to }, TOP_TOPICS),
    casesPastSla: await countCasesPastSla(ctx, org.id),
    stageMoves: lifecycle.transitions
      .filter((t) => t.from !== t.to && t.count > 0)
      .sort((a, b) => b.count - a.count)
      .slice(0, TOP_MOVES),
  };
}
