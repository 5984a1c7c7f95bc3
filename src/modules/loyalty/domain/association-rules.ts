/**
 * Item-to-item association rules from shopping baskets: frequent itemsets by depth-first
 * counting over per-itemset basket lists (Eclat's vertical layout), then rules `A → c` with
 * their support, confidence, lift and a lower confidence bound of lift.
 *
 * Items are integer ids (`ItemDictionary` turns the shop's codes into them) and baskets are
 * one flat Int32Array with offsets (`BasketBuilder`), so ten million line items take about
 * 80 MB and no object per basket.
 *
 * The lower bound of lift. With n baskets, n_A holding the antecedent, n_c the consequent and
 * n_Ac both, lift = n · n_Ac / (n_A · n_c). Its logarithm is a smooth function of the
 * multinomial proportions of the 2×2 table (A, not A) × (c, not c); the delta method gives
 *   Var(ln lift) ≈ 1/n_Ac − 1/n_A − 1/n_c + (2 · lift − 1) / n
 * (which is the familiar 1/n_Ac − 1/n_A − 1/n_c + 1/n under independence), and the bound is
 * the lower end of the two-sided 95 % interval, exp(ln lift − 1.96 · √Var). A rule seen in
 * few baskets gets a wide interval and a low bound, so ranking by the bound prefers rules whose
 * lift is both high and well measured. docs/basket-rules.md works an example.
 */

/** Mining thresholds: support and confidence as shares (0–1], itemsets of 2…maxLength items. */
export type MiningOptions = {
  minSupport: number;
  minConfidence: number;
  /** Most items in an itemset, the antecedent plus the consequent (at least 2). */
  maxLength: number;
  /** z of the lift bound; 1.96 (the lower end of a two-sided 95 % interval) by default. */
  z?: number;
  /** Stops counting past this many frequent itemsets (a guard against a too-low support). */
  maxItemsets?: number;
};

/** A rule `antecedent → consequent` with its counts over `baskets` baskets. */
export type AssociationRule = {
  antecedent: number[];
  consequent: number;
  /** Baskets holding the antecedent and the consequent. */
  count: number;
  antecedentCount: number;
  consequentCount: number;
  baskets: number;
  support: number;
  confidence: number;
  lift: number;
  liftLower: number;
};

export type MiningResult = {
  rules: AssociationRule[];
  baskets: number;
  /** Distinct items seen, and those frequent enough. */
  items: number;
  frequentItems: number;
  itemsets: number;
  /** True when `maxItemsets` stopped the counting early. */
  truncated: boolean;
};

/** Baskets as one flat list of item ids: basket i is items[offsets[i] … offsets[i + 1]). */
export type Baskets = { offsets: Int32Array; items: Int32Array; count: number; itemCount: number };

/** The shop's item codes as dense integer ids, in the order first seen. */
export class ItemDictionary {
  private readonly ids = new Map<string, number>();
  readonly codes: string[] = [];

  idOf(code: string): number {
    let id = this.ids.get(code);
    if (id === undefined) {
      id = this.codes.length;
      this.ids.set(code, id);
      this.codes.push(code);
    }
    return id;
  }

  find(code: string): number | undefined {
    return this.ids.get(code);
  }

  get size() {
    return this.codes.length;
  }
}

/** Collects baskets into growable typed arrays: `add(item)` for each line, `close()` after each basket. */
export class BasketBuilder {
  private items: Int32Array<ArrayBuffer> = new Int32Array(1 << 16);
  private offsets: Int32Array<ArrayBuffer> = new Int32Array(1 << 12);
  private length = 0;
  private count = 0;
  private itemCount = 0;

  add(item: number) {
    if (this.length === this.items.length) this.items = grow(this.items);
    this.items[this.length++] = item;
    if (item >= this.itemCount) this.itemCount = item + 1;
  }

  /** Ends the current basket; an empty one is dropped. */
  close() {
    if (this.length === this.offsets[this.count]) return;
    if (this.count + 2 > this.offsets.length) this.offsets = grow(this.offsets);
    this.offsets[++this.count] = this.length;
  }

  get baskets() {
    return this.count;
  }

  get lineItems() {
    return this.length;
  }

  build(): Baskets {
    this.close();
    return {
      offsets: this.offsets.subarray(0, this.count + 1),
      items: this.items.subarray(0, this.length),
      count: this.count,
      itemCount: this.itemCount,
    };
  }
}

function compareIds(a: number[], b: number[]) {
  for (let i = 0; i < a.length && i < b.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

function grow(a: Int32Array): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** Baskets from lists of item ids (tests and small inputs). */
export function basketsOf(lists: readonly (readonly number[])[]): Baskets {
  const b = new BasketBuilder();
  for (const list of lists) {
    for (const item of list) b.add(item);
    b.close();
  }
  return b.build();
}

/** The smallest count whose share of `n` reaches `share`. */
export function countAtLeast(share: number, n: number): number {
  let c = Math.max(1, Math.ceil(share * n));
  while (c > 1 && (c - 1) / n >= share) c--;
  while (c / n < share) c++;
  return c;
}

/** Lift and its lower bound (see the file's comment) from the four counts. */
export function liftWithBound(
  count: number,
  antecedentCount: number,
  consequentCount: number,
  baskets: number,
  z = 1.96,
): { lift: number; liftLower: number } {
  const lift = (baskets * count) / (antecedentCount * consequentCount);
  const variance = Math.max(
    0,
    1 / count - 1 / antecedentCount - 1 / consequentCount + (2 * lift - 1) / baskets,
  );
  return { lift, liftLower: Math.exp(Math.log(lift) - z * Math.sqrt(variance)) };
}

/**
 * Frequent itemsets and the rules with one consequent that pass the thresholds, best lift bound
 * first. A basket may name an item twice (two lines of one product): it counts once.
 */
export function mineAssociationRules(data: Baskets, options: MiningOptions): MiningResult {
  const n = data.count;
  const maxLength = Math.max(2, Math.floor(options.maxLength));
  const z = options.z ?? 1.96;
  const maxItemsets = options.maxItemsets ?? 2_000_000;
  const empty = { rules: [], baskets: n, items: 0, frequentItems: 0, itemsets: 0, truncated: false };
  if (n === 0) return empty;
  const minCount = countAtLeast(options.minSupport, n);

  // 1. How many baskets hold each item (a repeated item counts once per basket).
  const itemCount = data.itemCount;
  const counts = new Int32Array(itemCount);
  const seen = new Int32Array(itemCount).fill(-1);
  let distinct = 0;
  for (let t = 0; t < n; t++) {
    for (let p = data.offsets[t]; p < data.offsets[t + 1]; p++) {
      const item = data.items[p];
      if (seen[item] === t) continue;
      seen[item] = t;
      if (counts[item]++ === 0) distinct++;
    }
  }

  // 2. Frequent items recoded 0…F−1 from the rarest up: a prefix of rare items has short basket lists.
  const frequent: number[] = [];
  for (let i = 0; i < itemCount; i++) if (counts[i] >= minCount) frequent.push(i);
  frequent.sort((a, b) => counts[a] - counts[b] || a - b);
  const F = frequent.length;
  const code = new Int32Array(itemCount).fill(-1);
  frequent.forEach((item, k) => {
    code[item] = k;
  });
  const support1 = new Int32Array(F);
  for (let k = 0; k < F; k++) support1[k] = counts[frequent[k]];

  // 3. The baskets again, frequent items only, each sorted and without repeats.
  const offsets = new Int32Array(n + 1);
  let total = 0;
  for (let t = 0; t < n; t++) {
    for (let p = data.offsets[t]; p < data.offsets[t + 1]; p++) if (code[data.items[p]] >= 0) total++;
  }
  const items = new Int32Array(total);
  let w = 0;
  for (let t = 0; t < n; t++) {
    const start = w;
    for (let p = data.offsets[t]; p < data.offsets[t + 1]; p++) {
      const k = code[data.items[p]];
      if (k < 0) continue;
      // insertion into the sorted run, dropping a repeat
      let q = w - 1;
      while (q >= start && items[q] > k) q--;
      if (q >= start && items[q] === k) continue;
      items.copyWithin(q + 2, q + 1, w);
      items[q + 1] = k;
      w++;
    }
    offsets[t + 1] = w;
  }

  // 4. Every item's list of baskets.
  const lists: Int32Array[] = Array.from({ length: F }, (_, k) => new Int32Array(support1[k]));
  const fill = new Int32Array(F);
  for (let t = 0; t < n; t++) {
    for (let p = offsets[t]; p < offsets[t + 1]; p++) {
      const k = items[p];
      lists[k][fill[k]++] = t;
    }
  }

  // 5. Depth first: a prefix with its basket list counts its extensions by reading those baskets.
  const found = new Map<string, number>();
  const itemsets: { items: Int32Array; count: number }[] = [];
  const tally = new Int32Array(F);
  const mark = new Int32Array(F);
  let stamp = 0;
  let truncated = false;

  const position = new Int32Array(F);
  const extend = (prefix: number[], baskets: Int32Array, extensions: number[]) => {
    if (truncated) return;
    stamp++;
    for (const e of extensions) {
      mark[e] = stamp;
      tally[e] = 0;
    }
    const last = prefix[prefix.length - 1];
    for (let i = 0; i < baskets.length; i++) {
      const t = baskets[i];
      for (let p = offsets[t + 1] - 1; p >= offsets[t]; p--) {
        const k = items[p];
        if (k <= last) break;
        if (mark[k] === stamp) tally[k]++;
      }
    }
    const next: number[] = [];
    const nextCounts: number[] = [];
    for (const e of extensions) {
      if (tally[e] < minCount) continue;
      next.push(e);
      nextCounts.push(tally[e]);
    }
    if (!next.length) return;
    for (let j = 0; j < next.length; j++) {
      const set = Int32Array.from([...prefix, next[j]]);
      itemsets.push({ items: set, count: nextCounts[j] });
      found.set(set.join(','), nextCounts[j]);
    }
    if (itemsets.length > maxItemsets) {
      truncated = true;
      return;
    }
    if (prefix.length + 1 >= maxLength || next.length < 2) return;
    // the basket lists of the longer prefixes, all in one pass
    // (the last extension has nothing after it to extend with)
    const childLists: (Int32Array | undefined)[] = next.map((_, j) =>
      j < next.length - 1 ? new Int32Array(nextCounts[j]) : undefined,
    );
    const childFill = new Int32Array(next.length);
    stamp++;
    for (let j = 0; j < next.length - 1; j++) {
      mark[next[j]] = stamp;
      position[next[j]] = j;
    }
    for (let i = 0; i < baskets.length; i++) {
      const t = baskets[i];
      for (let p = offsets[t + 1] - 1; p >= offsets[t]; p--) {
        const k = items[p];
        if (k <= last) break;
        if (mark[k] !== stamp) continue;
        const j = position[k];
        (childLists[j] as Int32Array)[childFill[j]++] = t;
      }
    }
    for (let j = 0; j < next.length - 1; j++) {
      extend([...prefix, next[j]], childLists[j] as Int32Array, next.slice(j + 1));
      childLists[j] = undefined;
    }
  };

  const all = Array.from({ length: F }, (_, k) => k);
  for (let k = 0; k < F - 1 && !truncated; k++) extend([k], lists[k], all.slice(k + 1));

  // 6. Rules with one consequent: A = itemset minus c, whose count was found on the way down.
  const rules: AssociationRule[] = [];
  for (const set of itemsets) {
    const size = set.items.length;
    for (let j = 0; j < size; j++) {
      const consequent = set.items[j];
      const rest: number[] = [];
      for (let q = 0; q < size; q++) if (q !== j) rest.push(set.items[q]);
      const antecedentCount = rest.length === 1 ? support1[rest[0]] : found.get(rest.join(','));
      if (antecedentCount === undefined) continue;
      const confidence = set.count / antecedentCount;
      if (confidence < options.minConfidence) continue;
      const consequentCount = support1[consequent];
      const { lift, liftLower } = liftWithBound(set.count, antecedentCount, consequentCount, n, z);
      rules.push({
        antecedent: rest.map((k) => frequent[k]).sort((a, b) => a - b),
        consequent: frequent[consequent],
        count: set.count,
        antecedentCount,
        consequentCount,
        baskets: n,
        support: set.count / n,
        confidence,
        lift,
        liftLower,
      });
    }
  }
  rules.sort(
    (a, b) =>
      b.liftLower - a.liftLower ||
      b.confidence - a.confidence ||
      b.count - a.count ||
      a.antecedent.length - b.antecedent.length ||
      compareIds(a.antecedent, b.antecedent) ||
      a.consequent - b.consequent,
  );
  return { rules, baskets: n, items: distinct, frequentItems: F, itemsets: itemsets.length, truncated };
}
