/** A figure about some respondents, `protectedN` of whom are employees or internal clients. */
export type Protectable = { protectedN: number };

/** True when a figure would describe protected respondents too few to stay anonymous. */
export const isTooFew = (protectedN: number, threshold: number) => protectedN > 0 && protectedN < threshold;

/**
 * Splits groups into those that may be shown and a count of those withheld. Groups with 1 to
 * threshold−1 protected respondents are withheld; then, while the withheld groups together are
 * still under the threshold (their sum is the visible total minus the shown groups), the smallest
 * shown group with protected respondents is withheld too, so subtraction reveals nobody.
 */
export function withholdSmallGroups<G extends Protectable>(
  groups: readonly G[],
  threshold: number,
): { shown: G[]; withheld: number } {
  const hidden = new Set(groups.filter((g) => isTooFew(g.protectedN, threshold)));
  let hiddenSum = 0;
  for (const g of hidden) hiddenSum += g.protectedN;
  const candidates = groups
    .filter((g) => !hidden.has(g) && g.protectedN > 0)
    .sort((a, b) => a.protectedN - b.protectedN);
  for (const g of candidates) {
    if (!isTooFew(hiddenSum, threshold)) break;
    hidden.add(g);
    hiddenSum += g.protectedN;
  }
  return { shown: groups.filter((g) => !hidden.has(g)), withheld: hidden.size };
}
