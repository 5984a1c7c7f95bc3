/** The value module's settings: cost rates, the tier rule and the model horizon. */
import { eq } from 'drizzle-orm';
import type { Executor } from '../../../db/database';
import type { ValueSettings } from '../domain/value-settings';
import { valueSettings } from './tables';

export async function findSettings(tx: Executor, orgId: string): Promise<ValueSettings | undefined> {
  const [row] = await tx
    .select({
      model: valueSettings.model,
      horizonMonths: valueSettings.horizonMonths,
      annualDiscountRate: valueSettings.annualDiscountRate,
      margin: valueSettings.margin,
      costPerOrderMinor: valueSettings.costPerOrderMinor,
      costPerContactMinor: valueSettings.costPerContactMinor,
      costPerCaseHourMinor: valueSettings.costPerCaseHourMinor,
      tierRule: valueSettings.tierRule,
    })
    .from(valueSettings)
    .where(eq(valueSettings.orgId, orgId));
  return row;
}

export async function saveSettings(tx: Executor, orgId: string, settings: ValueSettings, now: Date) {
  await tx
    .insert(valueSettings)
    .values({ orgId, ...settings, updatedAt: now })
    .onConflictDoUpdate({ target: valueSettings.orgId, set: { ...settings, updatedAt: now } });
}
