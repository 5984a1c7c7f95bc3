// Seeded pseudo-random numbers for simulations and benchmarks (reproducible runs):
// the sfc32 generator, with gamma, beta and exponential variates on top.

export interface Random {
  /** Uniform on [0, 1) with 53 random bits. */
  next(): number;
  /** Exponential with the given rate. */
  exponential(rate: number): number;
  /** Standard normal (Marsaglia polar method). */
  normal(): number;
  /** Gamma with shape k and scale theta (Marsaglia & Tsang 2000). */
  gamma(shape: number, scale: number): number;
  /** Beta(a, b) from two gamma variates. */
  beta(a: number, b: number): number;
}

export function createRandom(seed: number): Random {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const u32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 15; i++) u32();
  const next = (): number => ((u32() >>> 5) * 67108864 + (u32() >>> 6)) / 9007199254740992;
  let spare = Number.NaN;
  const normal = (): number => {
    if (!Number.isNaN(spare)) {
      const v = spare;
      spare = Number.NaN;
      return v;
    }
    for (;;) {
      const u = 2 * next() - 1;
      const v = 2 * next() - 1;
      const s = u * u + v * v;
      if (s > 0 && s < 1) {
        const f = Math.sqrt((-2 * Math.log(s)) / s);
        spare = v * f;
        return u * f;
      }
    }
  };
  const gamma = (shape: number, scale: number): number => {
    if (shape < 1) {
      // Boost: G(k) = G(k + 1) · U^(1/k).
      return gamma(shape + 1, scale) * (1 - next()) ** (1 / shape);
    }
    const dd = shape - 1 / 3;
    const cc = 1 / Math.sqrt(9 * dd);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = normal();
        v = 1 + cc * x;
      } while (v <= 0);
      v = v * v * v;
      const u = next();
      if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + dd * (1 - v + Math.log(v))) {
        return dd * v * scale;
      }
    }
  };
  return {
    next,
    exponential: (rate) => -Math.log(1 - next()) / rate,
    normal,
    gamma,
    beta: (alpha, beta) => {
      const x = gamma(alpha, 1);
      return x / (x + gamma(beta, 1));
    },
  };
}
