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

/** Answers of protected respondents with one value of every breakdown (department, team, location, month…). */
export type ProtectedCell<D extends string> = { keys: Record<D, string>; n: number };

/** What may be shown: the whole, and per breakdown the keys withheld. */
export type Suppression<D extends string> = { totalShown: boolean; hidden: Record<D, Set<string>> };

type Group<D> = { dim: D | null; key: string; n: number; mask: bigint };

/** Beyond this many derived figures the search stops and the smallest shown group is withheld. */
const MAX_DERIVED = 1500;

/**
 * The figures an onlooker derives from the shown ones by subtracting a figure from another that
 * contains it, again and again; the first one describing 1 to threshold−1 answers, with the shown
 * groups it was derived from, or undefined when there is none.
 */
function findLeak<D>(shown: Group<D>[], count: (mask: bigint) => number, threshold: number) {
  const known = new Map<bigint, Set<Group<D>>>();
  for (const g of shown) if (!known.has(g.mask)) known.set(g.mask, new Set([g]));
  let fresh = [...known.keys()];
  while (fresh.length) {
    const next: bigint[] = [];
    const all = [...known.keys()];
    for (const a of all) {
      for (const b of fresh) {
        for (const [outer, inner] of [
          [a, b],
          [b, a],
        ] as const) {
          if (outer === inner || (outer & inner) !== inner) continue;
          const rest = outer & ~inner;
          if (known.has(rest)) continue;
          const sources = new Set([...known.get(outer)!, ...known.get(inner)!]);
          if (isTooFew(count(rest), threshold)) return sources;
          known.set(rest, sources);
          next.push(rest);
          if (known.size > MAX_DERIVED) return sources;
        }
      }
    }
    fresh = next;
  }
  return undefined;
}

/**
 * Complementary suppression across breakdowns that nest or overlap (a team within its department,
 * a department within the whole, months within the period, locations across all of them).
 * Published are the whole and one group per key of each breakdown. A group of 1 to threshold−1
 * answers is withheld; then, for every shown figure and every breakdown, the figure minus the shown
 * groups of that breakdown lying wholly inside it must leave nothing or at least the threshold —
 * else the smallest of them is withheld too. Last, an onlooker's every chain of subtractions is
 * tried: while one ends in fewer than the threshold, the smallest shown group it used is withheld.
 */
export function suppressNested<D extends string>(
  cells: readonly ProtectedCell<D>[],
  dims: readonly D[],
  threshold: number,
): Suppression<D> {
  // Cells with the same keys are one: no breakdown tells them apart.
  const merged = new Map<string, ProtectedCell<D>>();
  for (const c of cells) {
    if (c.n <= 0) continue;
    const id = JSON.stringify(dims.map((d) => c.keys[d]));
    const m = merged.get(id);
    if (m) m.n += c.n;
    else merged.set(id, { keys: c.keys, n: c.n });
  }
  const live = [...merged.values()];
  const total = live.reduce((s, c) => s + c.n, 0);
  const hidden = Object.fromEntries(dims.map((d) => [d, new Set<string>()])) as Record<D, Set<string>>;
  const hideAll = () => {
    for (const d of dims) for (const c of live) hidden[d].add(c.keys[d]);
    return { totalShown: false, hidden };
  };
  if (isTooFew(total, threshold)) return hideAll();
  const groups: Group<D>[] = [];
  for (const d of dims) {
    const byKey = new Map<string, Group<D>>();
    live.forEach((c, i) => {
      const key = c.keys[d];
      let g = byKey.get(key);
      if (!g) {
        g = { dim: d, key, n: 0, mask: 0n };
        byKey.set(key, g);
      }
      g.n += c.n;
      g.mask |= 1n << BigInt(i);
    });
    groups.push(...byKey.values());
  }
  const whole: Group<D> = { dim: null, key: '', n: total, mask: (1n << BigInt(live.length)) - 1n };
  const count = (mask: bigint) => live.reduce((s, c, i) => s + ((mask >> BigInt(i)) & 1n ? c.n : 0), 0);
  const isHidden = (g: Group<D>) => g.dim !== null && hidden[g.dim].has(g.key);
  const hide = (g: Group<D>) => hidden[g.dim as D].add(g.key);
  const within = (inner: Group<D>, outer: Group<D>) => (outer.mask & inner.mask) === inner.mask;
  for (const g of groups) if (isTooFew(g.n, threshold)) hide(g);
  let changed = true;
  while (changed) {
    changed = false;
    for (const a of [whole, ...groups]) {
      if (isHidden(a)) continue;
      for (const d of dims) {
        const inside = groups.filter((g) => g.dim === d && g !== a && !isHidden(g) && within(g, a));
        const rest = a.n - inside.reduce((s, g) => s + g.n, 0);
        if (inside.length && isTooFew(rest, threshold)) {
          hide(inside.reduce((min, g) => (g.n < min.n ? g : min)));
          changed = true;
        }
      }
    }
  }
  for (;;) {
    const shown = groups.filter((g) => !isHidden(g));
    if (!shown.length) break;
    // A withheld group with exactly the answers of a shown figure would be shown by it.
    const twin = shown.find((g) => groups.some((h) => isHidden(h) && h.mask === g.mask));
    if (twin) {
      hide(twin);
      continue;
    }
    if (groups.some((h) => isHidden(h) && h.mask === whole.mask)) return hideAll();
    const leak = findLeak([whole, ...shown], count, threshold);
    if (!leak) break;
    const used = [...leak].filter((g) => g !== whole);
    hide((used.length ? used : shown).reduce((min, g) => (g.n < min.n ? g : min)));
  }
  return { totalShown: true, hidden };
}
