import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/database';
import type { FitReport } from '../domain/models/report';
import { valueFits } from './tables';

export type StoredFit = {
  id: number;
  until: string;
  timeUnit: 'week' | 'day';
  report: FitReport;
  fittedAt: Date;
};

export async function insertFit(
  tx: Executor,
  orgId: string,
  fit: { until: string; timeUnit: 'week' | 'day'; report: FitReport; fittedAt: Date },
): Promise<number> {
  const [row] = await tx
    .insert(valueFits)
    .values({ orgId, ...fit, report: fit.report as unknown as Record<string, unknown> })
    .returning({ id: valueFits.id });
  return row.id;
}

/** The newest fit of the organization (by fit time, then by id). */
export async function findLatestFit(tx: Executor, orgId: string): Promise<StoredFit | undefined> {
  const [row] = await tx
    .select({
      id: valueFits.id,
      until: valueFits.until,
      timeUnit: valueFits.timeUnit,
      report: valueFits.report,
      fittedAt: valueFits.fittedAt,
    })
    .from(valueFits)
    .where(and(eq(valueFits.orgId, orgId)))
    .orderBy(desc(valueFits.fittedAt), desc(valueFits.id))
    .limit(1);
  return row && { ...row, report: row.report as unknown as FitReport };
}
