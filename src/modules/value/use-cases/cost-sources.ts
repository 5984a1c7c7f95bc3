import type { Executor } from '../../../db/database';
import type { AppContext } from '../../../http/types';

type Window = { from: Date; before: Date };
type Source<T> = (tx: Executor, orgId: string, window: Window) => Promise<Iterable<T>>;

/**
 * Sources of what serving a customer costs that live in other modules. The value module does not
 * read their tables: a module registers its source in its manifest's `setup`; without one, that
 * cost counts as zero.
 */
function sourceRegistry<T>() {
  const registry = new WeakMap<AppContext, Source<T>[]>();
  return {
    register(ctx: AppContext, source: Source<T>) {
      registry.set(ctx, [...(registry.get(ctx) ?? []), source]);
    },
    list: (ctx: AppContext): readonly Source<T>[] => registry.get(ctx) ?? [],
  };
}

/** Hours spent handling a customer's cases in [from, before). */
export type CaseHours = { customerId: string; hours: number };
export type CaseHoursSource = Source<CaseHours>;
const caseHours = sourceRegistry<CaseHours>();
export const registerCaseHoursSource = caseHours.register;
export const caseHoursSources = caseHours.list;

/** Gestures granted a customer in [from, before) (goodwill: refunds, gifts, services), in minor units of the base currency. */
export type GestureCost = { customerId: string; minor: number };
export type GestureCostSource = Source<GestureCost>;
const gestures = sourceRegistry<GestureCost>();
export const registerGestureCostSource = gestures.register;
export const gestureCostSources = gestures.list;
