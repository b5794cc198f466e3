import { describe, expect, it } from 'vitest';
import { createHuberObjective, prepareRuns } from '../../../src/core/fit/objective.js';
import { createRandom } from '../../../src/core/fit/prng.js';

// One run at N = e², D = e³ and the law e = 0, a = 2, b = 3, α = β = 1, i.e. E = 1, A = e², B = e³:
// the prediction is 1 + e²/e² + e³/e³ = 3 exactly. Observed losses below put the log residual
// r = log(3) − log(L) at chosen values; Huber_δ(r) = r²/2 for |r| ≤ δ, else δ(|r| − δ/2).
const LAW = Float64Array.of(0, 2, 3, 1, 1);
const N = Math.exp(2);
const D = Math.exp(3);

describe('createHuberObjective', () => {
  it.each([
    ['an exact prediction', 3, 0],
    ['r = 0.0005, inside δ: 0.5 × 0.0005² = 1.25e-7', 3 * Math.exp(-0.0005), 1.25e-7],
    ['r = 0.01, beyond δ: 1e-3 × (0.01 − 0.0005) = 9.5e-6', 3 * Math.exp(-0.01), 9.5e-6],
    ['r = −0.01, symmetric: 9.5e-6', 3 * Math.exp(0.01), 9.5e-6],
  ])('scores %s', (_, loss, expected) => {
    const objective = createHuberObjective(prepareRuns([{ params: N, tokens: D, loss }]), 1e-3);
    expect(objective(LAW, new Float64Array(5))).toBeCloseTo(expected, 15);
  });

  it('sums over runs, and a resample weight counts a run that many times', () => {
    const prepared = prepareRuns([
      { params: N, tokens: D, loss: 3 * Math.exp(-0.01) },
      { params: N, tokens: D, loss: 3 * Math.exp(-0.0005) },
    ]);
    const objective = createHuberObjective(prepared, 1e-3);
    expect(objective(LAW, new Float64Array(5))).toBeCloseTo(9.5e-6 + 1.25e-7, 15);
    prepared.weights.set([2, 0]);
    expect(objective(LAW, new Float64Array(5))).toBeCloseTo(2 * 9.5e-6, 15);
  });

  it('has the gradient of central finite differences, in both Huber regimes', () => {
    const random = createRandom(7);
    const runs = Array.from({ length: 40 }, () => {
      const params = 10 ** (7 + 3 * random());
      const tokens = 10 ** (9 + 3 * random());
      const loss = 1.7 + 400 / params ** 0.34 + 400 / tokens ** 0.28 + 0.05 * (random() - 0.5);
      return { params, tokens, loss };
    });
    for (const delta of [1e-3, 1]) {
      const objective = createHuberObjective(prepareRuns(runs), delta);
      for (const point of [[0.5, 6, 6, 0.34, 0.28], [0, 5, 8, 0.4, 0.3], [1, 10, 2, 0.6, 0.1]]) {
        const x = Float64Array.from(point);
        const gradient = new Float64Array(5);
        objective(x, gradient);
        for (let i = 0; i < 5; i++) {
          const h = 1e-6;
          const up = Float64Array.from(x);
          const down = Float64Array.from(x);
          up[i] = (up[i] as number) + h;
          down[i] = (down[i] as number) - h;
          const numeric = (objective(up, new Float64Array(5)) - objective(down, new Float64Array(5))) / (2 * h);
          expect(gradient[i]).toBeCloseTo(numeric, 6);
        }
      }
    }
  });

  it('stays finite where the terms are huge (no overflow in log-sum-exp)', () => {
    const objective = createHuberObjective(prepareRuns([{ params: 1e6, tokens: 1e8, loss: 3 }]), 1e-3);
    const gradient = new Float64Array(5);
    expect(Number.isFinite(objective(Float64Array.of(1, 900, 900, -5, -5), gradient))).toBe(true);
    expect(gradient.every(Number.isFinite)).toBe(true);
  });
});
