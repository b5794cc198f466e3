import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bootstrapFit, percentileInterval } from '../../../src/core/fit/bootstrap.js';
import { fitScalingLaw } from '../../../src/core/fit/fit.js';
import { compareRuns, computeOptimal, optimalParamsExponent } from '../../../src/core/fit/optimal.js';
import { relativeError } from '../../helpers/cli.js';
import { HOFFMANN_LAW, syntheticRuns } from './fixtures.js';

const EPOCH = { E: 1.8172, A: 482.01, B: 2085.43, alpha: 0.3478, beta: 0.3658 };

describe('computeOptimal', () => {
  // By hand, Hoffmann Eq. 4 with Epoch's constants: α+β = 0.7136,
  // G = (0.3478·482.01 / (0.3658·2085.43))^(1/0.7136) = (167.643/762.850)^1.40135 = 0.21976^1.40135 = 0.11975,
  // N = G·(1e24/6)^(0.3658/0.7136) = 0.11975 · (1.6667e23)^0.51261 = 0.11975 · 8.006e11 = 9.59e10
  // (issue 5 quotes 95.9e9 at 1e24 FLOPs).
  it('gives 95.9e9 parameters at 1e24 FLOPs for the Epoch fit', () => {
    expect(relativeError(computeOptimal(EPOCH, 1e24).params, 95.9e9)).toBeLessThan(0.005);
  });

  it('spends the budget exactly and minimises the loss on the 6·N·D = C curve', () => {
    const loss = (n: number, d: number): number => EPOCH.E + EPOCH.A / n ** EPOCH.alpha + EPOCH.B / d ** EPOCH.beta;
    fc.assert(
      fc.property(fc.double({ min: 18, max: 27, noNaN: true }), fc.double({ min: 0.01, max: 0.5, noNaN: true }), (logFlops, step) => {
        const flops = 10 ** logFlops;
        const { params, tokens } = computeOptimal(EPOCH, flops);
        expect(relativeError(6 * params * tokens, flops)).toBeLessThan(1e-12);
        const best = loss(params, tokens);
        for (const factor of [1 + step, 1 / (1 + step)]) {
          const n = params * factor;
          expect(loss(n, flops / (6 * n))).toBeGreaterThan(best);
        }
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('gives the exponent β/(α+β): 0.3658/0.7136 = 0.51261 for Epoch', () => {
    expect(optimalParamsExponent(EPOCH)).toBeCloseTo(0.51261, 5);
  });
});

describe('compareRuns', () => {
  it('puts the prediction and log residual next to each run', () => {
    // E + A/N^α + B/D^β with N = D = 1 is E + A + B; observed 2× that gives log 2.
    const law = { E: 1, A: 2, B: 3, alpha: 0.5, beta: 0.5 };
    const [row] = compareRuns(law, [{ params: 1, tokens: 1, loss: 12 }]);
    expect(row).toMatchObject({ params: 1, tokens: 1, loss: 12, flops: 6, predictedLoss: 6 });
    expect(row?.logResidual).toBeCloseTo(Math.log(2), 12);
  });
});

describe('percentileInterval', () => {
  it.each([
    // Type 7: position (n−1)·p. [1..5], p = .25 → 1 → 2; p = .75 → 3 → 4.
    [[5, 1, 4, 2, 3], 0.5, [2, 4]],
    // 11 values 0..10, p = .05 → 0.5 → 0.5; p = .95 → 9.5.
    [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9, [0.5, 9.5]],
    [[7], 0.95, [7, 7]],
  ])('%j at %d → %j', (values, confidence, expected) => {
    const [low, high] = percentileInterval(values, confidence);
    expect(low).toBeCloseTo(expected[0] as number, 12);
    expect(high).toBeCloseTo(expected[1] as number, 12);
  });
});

describe('bootstrapFit', () => {
  const runs = syntheticRuns(HOFFMANN_LAW, 0.003, 5);
  const fit = fitScalingLaw(runs);
  const first = bootstrapFit(runs, fit, { samples: 40, seed: 9 });

  it('is reproducible from its seed and differs across seeds', () => {
    expect(bootstrapFit(runs, fit, { samples: 40, seed: 9 }).draws).toEqual(first.draws);
    expect(bootstrapFit(runs, fit, { samples: 40, seed: 10 }).draws).not.toEqual(first.draws);
  });

  it('gives intervals that bracket the point estimate and the true E and exponents', () => {
    expect(first).toMatchObject({ samples: 40, failed: 0, seed: 9, confidence: 0.95 });
    for (const name of ['E', 'alpha', 'beta'] as const) {
      const [low, high] = first.intervals[name];
      expect(low).toBeLessThan(high);
      expect(low).toBeLessThanOrEqual(fit.params[name]);
      expect(high).toBeGreaterThanOrEqual(fit.params[name]);
      // With 0.3% noise the spread is small but not zero; the truth sits within a widened interval.
      const width = high - low;
      expect(HOFFMANN_LAW[name]).toBeGreaterThan(low - width);
      expect(HOFFMANN_LAW[name]).toBeLessThan(high + width);
    }
  });

  it('reports progress once per resample', () => {
    const calls: number[] = [];
    bootstrapFit(runs, fit, { samples: 3, seed: 1, onProgress: (done) => calls.push(done) });
    expect(calls).toEqual([1, 2, 3]);
  });

  it.each([0, 1.5, -2])('refuses %d resamples', (samples) => {
    expect(() => bootstrapFit(runs, fit, { samples, seed: 1 })).toThrow(/--bootstrap must be a whole number/);
  });
});
