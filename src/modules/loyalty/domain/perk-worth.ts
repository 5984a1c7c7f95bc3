import { createRandom } from '../../../lib/seeded-random';
import { type PairedEstimate, pairedMeanInterval } from './did';
import {
  BALANCE_LIMIT,
  CALIPER_SDS,
  matchNearest,
  type Pair,
  standardDeviation,
  standardizedMeanDifference,
} from './matching';
import { fitLogistic, logitsOf } from './propensity';

/**
 * Is a perk worth it: customers who got it against comparable customers who did not, matched on what
 * they were before it (propensity matching, see matching.ts), the change of each outcome from the window
 * before to the window after (difference in differences, see did.ts), and the perk's cost set against
 * the change in revenue. The verdict is "pays for itself" only when the whole interval of the net effect
 * lies above zero, "costs more than it brings" only when it lies below; anything else waits for data.
 */

/** What is measured in each window, in this order: bought at all (0/1), purchases, revenue (base currency, minor units). */
export const PERK_OUTCOMES = ['retention', 'frequency', 'revenue'] as const;
export type PerkOutcome = (typeof PERK_OUTCOMES)[number];

/** Fewer matched pairs than this say nothing yet, however narrow their interval. */
export const MIN_PAIRS = 20;

export const PERK_VERDICTS = ['pays_for_itself', 'costs_more', 'not_enough_data'] as const;
export type PerkVerdict = (typeof PERK_VERDICTS)[number];

/** Why the verdict is what it is. */
export const PERK_REASONS = [
  'interval_above_zero',
  'interval_below_zero',
  'interval_spans_zero',
  'too_few_pairs',
  'unbalanced',
] as const;
export type PerkReason = (typeof PERK_REASONS)[number];

/** One customer: covariates at the index date (the perk's, or a control's pseudo-date), outcomes around it. */
export interface PerkUnit {
  covariates: readonly number[];
  before: Readonly<Record<PerkOutcome, number>>;
  after: Readonly<Record<PerkOutcome, number>>;
  /** What the perk cost for this customer in the period (treated only; minor units). */
  costMinor: number;
}

export interface BalanceRow {
  covariate: string;
  before: number;
  after: number | null;
  balanced: boolean;
}

export interface OutcomeEstimate extends PairedEstimate {
  outcome: PerkOutcome;
  /** The plain difference of the after window's means, treated minus every control: what a naive comparison says. */
  naive: number;
}

export interface PerkAssessment {
  treated: number;
  controls: number;
  pairs: number;
  /** In logit units: CALIPER_SDS standard deviations of the logit of the propensity score. */
  caliper: number;
  balance: BalanceRow[];
  balanced: boolean;
  outcomes: OutcomeEstimate[];
  /** Mean cost of the perk per matched treated customer (minor units). */
  costPerCustomerMinor: number;
  /** Revenue × margin − cost per pair, with its interval (minor units); null when fewer than two pairs. */
  net: PairedEstimate | null;
  verdict: PerkVerdict;
  reason: PerkReason;
}

export interface AssessInput {
  covariateNames: readonly string[];
  treated: readonly PerkUnit[];
  controls: readonly PerkUnit[];
  /** Share of revenue that is margin (1 counts all revenue as gain). */
  margin?: number;
  seed?: number;
  minPairs?: number;
}

const mean = (values: readonly number[]) =>
  values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;

/** The whole analysis of one perk over one period. */
export function assessPerk(input: AssessInput): PerkAssessment {
  const margin = input.margin ?? 1;
  const minPairs = input.minPairs ?? MIN_PAIRS;
  const { treated, controls } = input;
  // Covariates that never vary say nothing and stay out of the model and the table.
  const all = [...treated, ...controls];
  const kept = input.covariateNames
    .map((name, j) => ({ name, j }))
    .filter(({ j }) => all.some((u) => u.covariates[j] !== all[0].covariates[j]));
  const rowsOf = (units: readonly PerkUnit[]) => units.map((u) => kept.map(({ j }) => u.covariates[j]));
  const treatedRows = rowsOf(treated);
  const controlRows = rowsOf(controls);

  // Greedy matching takes the treated in a random order, seeded so the same data give the same pairs.
  const random = createRandom(input.seed ?? 1);
  const order = treated.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const k = Math.floor(random.next() * (i + 1));
    [order[i], order[k]] = [order[k], order[i]];
  }
  /** Pairs matched on the logit of a propensity model over these columns of each row. */
  const matchOn = (design: (row: number[]) => number[]) => {
    if (!treated.length || !controls.length) return { pairs: [] as Pair[], caliper: 0 };
    const t = treatedRows.map(design);
    const c = controlRows.map(design);
    const fit = fitLogistic([...t, ...c], [...t.map(() => 1), ...c.map(() => 0)]);
    const treatedLogits = logitsOf(fit, t);
    const controlLogits = logitsOf(fit, c);
    const caliper = CALIPER_SDS * standardDeviation([...treatedLogits, ...controlLogits]);
    return { pairs: matchNearest(treatedLogits, controlLogits, caliper, order), caliper };
  };
  const balanceOf = (pairs: Pair[]): BalanceRow[] =>
    kept.map(({ name }, c) => {
      const before = standardizedMeanDifference(
        treatedRows.map((r) => r[c]),
        controlRows.map((r) => r[c]),
      );
      const after = pairs.length
        ? standardizedMeanDifference(
            pairs.map((p) => treatedRows[p.treated][c]),
            pairs.map((p) => controlRows[p.control][c]),
          )
        : null;
      return { covariate: name, before, after, balanced: after !== null && Math.abs(after) <= BALANCE_LIMIT };
    });
  const worst = (rows: BalanceRow[]) =>
    Math.max(0, ...rows.map((b) => (b.after === null ? Number.POSITIVE_INFINITY : Math.abs(b.after))));
  // The main effects first; when they leave a covariate unbalanced, the model is specified again with
  // their squares too (Rosenbaum and Rubin's remedy), and the better balanced match is kept.
  let { pairs, caliper } = matchOn((row) => row);
  let balance = balanceOf(pairs);
  if (pairs.length && !balance.every((b) => b.balanced)) {
    const again = matchOn((row) => [...row, ...row.map((v) => v * v)]);
    const againBalance = balanceOf(again.pairs);
    if (again.pairs.length && worst(againBalance) < worst(balance)) {
      ({ pairs, caliper } = again);
      balance = againBalance;
    }
  }
  const balanced = pairs.length > 0 && balance.every((b) => b.balanced);

  const outcomes: OutcomeEstimate[] = [];
  for (const outcome of PERK_OUTCOMES) {
    const estimate = pairedMeanInterval(
      pairs.map((p) => {
        const t = treated[p.treated];
        const c = controls[p.control];
        return t.after[outcome] - t.before[outcome] - (c.after[outcome] - c.before[outcome]);
      }),
    );
    if (!estimate) continue;
    const naive = mean(treated.map((u) => u.after[outcome])) - mean(controls.map((u) => u.after[outcome]));
    outcomes.push({ outcome, ...estimate, naive });
  }
  const costPerCustomerMinor = mean(pairs.map((p) => treated[p.treated].costMinor));
  const net =
    pairedMeanInterval(
      pairs.map((p) => {
        const t = treated[p.treated];
        const c = controls[p.control];
        return (
          margin * (t.after.revenue - t.before.revenue - (c.after.revenue - c.before.revenue)) - t.costMinor
        );
      }),
    ) ?? null;

  const { verdict, reason } = verdictOf(pairs.length, balanced, net, minPairs);
  return {
    treated: treated.length,
    controls: controls.length,
    pairs: pairs.length,
    caliper,
    balance,
    balanced,
    outcomes,
    costPerCustomerMinor,
    net,
    verdict,
    reason,
  };
}

/** The verdict in the order of its conditions: enough pairs, balanced, then where the interval lies. */
export function verdictOf(
  pairs: number,
  balanced: boolean,
  net: PairedEstimate | null,
  minPairs: number = MIN_PAIRS,
): { verdict: PerkVerdict; reason: PerkReason } {
  if (pairs < minPairs || !net) return { verdict: 'not_enough_data', reason: 'too_few_pairs' };
  if (!balanced) return { verdict: 'not_enough_data', reason: 'unbalanced' };
  if (net.ci95[0] > 0) return { verdict: 'pays_for_itself', reason: 'interval_above_zero' };
  if (net.ci95[1] < 0) return { verdict: 'costs_more', reason: 'interval_below_zero' };
  return { verdict: 'not_enough_data', reason: 'interval_spans_zero' };
}
