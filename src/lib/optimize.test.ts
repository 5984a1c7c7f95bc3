import { describe, expect, it } from 'vitest';
import { computeHessianFromGradient, computeNumericalHessian } from './numeric-hessian';
import { minimize, minimizeBfgs, minimizeNelderMead } from './optimize';
import { invertMatrix } from './small-matrix';

const rosenbrock = (x: Float64Array) => 100 * (x[1] - x[0] * x[0]) ** 2 + (1 - x[0]) ** 2;
const rosenbrockGradient = (x: Float64Array, g: Float64Array) => {
  g[0] = -400 * x[0] * (x[1] - x[0] * x[0]) - 2 * (1 - x[0]);
  g[1] = 200 * (x[1] - x[0] * x[0]);
  return rosenbrock(x);
};

describe('optimisers', () => {
  it('BFGS finds the Rosenbrock minimum with analytic or numerical gradients', () => {
    const analytic = minimizeBfgs(rosenbrock, [-1.2, 1], { gradient: rosenbrockGradient });
    const numeric = minimizeBfgs(rosenbrock, [-1.2, 1]);
    for (const res of [analytic, numeric]) {
      expect(res.converged).toBe(true);
      expect(res.x[0]).toBeCloseTo(1, 5);
      expect(res.x[1]).toBeCloseTo(1, 5);
    }
  });

  it('Nelder-Mead finds it too', () => {
    const res = minimizeNelderMead(rosenbrock, [-1.2, 1], { maxIterations: 5000 });
    expect(res.converged).toBe(true);
    expect(res.x[0]).toBeCloseTo(1, 4);
  });

  it('treats NaN and Infinity as worse than anything and still converges', () => {
    // Defined only for x > 0: a log-barrier-like objective.
    const f = (x: Float64Array) => (x[0] <= 0 ? Number.NaN : x[0] - Math.log(x[0]) + (x[1] - 3) ** 2);
    const res = minimize(f, [5, 0]);
    expect(res.converged).toBe(true);
    expect(res.x[0]).toBeCloseTo(1, 5);
    expect(res.x[1]).toBeCloseTo(3, 5);
  });

  it('numerical Hessians agree with the exact one of a quadratic, and invert', () => {
    // f = x'Ax/2 with A = [[4, 1], [1, 3]]
    const f = (x: Float64Array) => 0.5 * (4 * x[0] * x[0] + 2 * x[0] * x[1] + 3 * x[1] * x[1]);
    const grad = (x: Float64Array, g: Float64Array) => {
      g[0] = 4 * x[0] + x[1];
      g[1] = x[0] + 3 * x[1];
    };
    const H1 = computeNumericalHessian(f, [1.5, -2]);
    const H2 = computeHessianFromGradient(grad, [1.5, -2]);
    [4, 1, 1, 3].forEach((v, i) => {
      expect(H1[i]).toBeCloseTo(v, 4);
      expect(H2[i]).toBeCloseTo(v, 8);
    });
    const inv = invertMatrix([4, 1, 1, 3], 2)!;
    [3 / 11, -1 / 11, -1 / 11, 4 / 11].forEach((v, i) => {
      expect(inv[i]).toBeCloseTo(v, 12);
    });
    expect(invertMatrix([1, 2, 2, 4], 2)).toBeNull();
  });
});
