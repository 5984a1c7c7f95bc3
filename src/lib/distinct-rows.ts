// Dense ids for distinct rows of numeric columns, by open-addressing hashing of the float
// bits: linear in the number of rows, with no string keys or sorting.

export interface DistinctRows {
  /** Group id (0..count-1) of every row. */
  groupOf: Int32Array;
  /** Index of the first row of each group, in order of first appearance. */
  firstRow: Int32Array;
  /** Rows in each group. */
  size: Int32Array;
  count: number;
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

function mix(h: number, v: number): number {
  f64[0] = v + 0; // folds -0 into 0
  h = Math.imul(h ^ u32[0], 0x9e3779b1);
  h = Math.imul(h ^ u32[1], 0x85ebca77);
  return h ^ (h >>> 15);
}

/** Groups rows i by the exact values (columns[0][i], columns[1][i], ...). */
export function indexDistinctRows(columns: readonly ArrayLike<number>[]): DistinctRows {
  const n = columns.length > 0 ? columns[0].length : 0;
  const k = columns.length;
  let capacity = 16;
  while (capacity < n * 2) capacity *= 2;
  const mask = capacity - 1;
  const slots = new Int32Array(capacity).fill(-1);
  const groupOf = new Int32Array(n);
  let firstRow = new Int32Array(Math.min(n, 1024));
  let size = new Int32Array(firstRow.length);
  let count = 0;
  for (let i = 0; i < n; i++) {
    let h = 0x2545f491;
    for (let c = 0; c < k; c++) h = mix(h, columns[c][i]);
    let slot = h & mask;
    for (;;) {
      const g = slots[slot];
      if (g === -1) {
        if (count === firstRow.length) {
          const grownFirst = new Int32Array(Math.min(n, firstRow.length * 2));
          grownFirst.set(firstRow);
          firstRow = grownFirst;
          const grownSize = new Int32Array(firstRow.length);
          grownSize.set(size);
          size = grownSize;
        }
        slots[slot] = count;
        firstRow[count] = i;
        size[count] = 1;
        groupOf[i] = count++;
        break;
      }
      const r = firstRow[g];
      let same = true;
      for (let c = 0; c < k; c++) {
        // Equal values, or both NaN.
        const a = columns[c][r];
        const b = columns[c][i];
        if (a !== b && !(Number.isNaN(a) && Number.isNaN(b))) {
          same = false;
          break;
        }
      }
      if (same) {
        groupOf[i] = g;
        size[g]++;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return { groupOf, firstRow: firstRow.slice(0, count), size: size.slice(0, count), count };
}
