import { describe, expect, it } from 'vitest';
import {
  dataConstrainedLossFloor,
  effectiveParams,
  effectiveTokens,
  evaluateDataConstrained,
  optimizeDataConstrained,
  paramsOptimalForTokens,
  planDataConstrained,
  R_D_STAR,
  R_N_STAR,
} from '../../../src/core/constraints/data-constrained.js';
import type { ChinchillaLoss } from '../../../src/domain/presets.js';
import { BUILTIN_LOSS_MODELS } from '../../../src/presets/builtin.js';
import { relativeError } from '../../helpers/cli.js';

const hoffmann = BUILTIN_LOSS_MODELS.find((model) => model.id === 'hoffmann2022') as ChinchillaLoss;

describe('Muennighoff et al. 2023 constants', () => {
  it('R_D* = 15.387756 and R_N* = 5.309743 (the paper’s fitted values)', () => {
    expect(R_D_STAR).toBe(15.387756);
    expect(R_N_STAR).toBe(5.309743);
  });
});

describe('effectiveTokens: D′ = U + U·R_D*·(1 − e^(−R_D/R_D*))', () => {
  it.each([
    // 4 epochs of 1T: R_D = 3; 1 − e^(−3/15.387756) = 1 − 0.822865 = 0.177135; D′ = 1e12·(1 + 2.725673) = 3.725673e12
    [4e12, 1e12, 3.725673e12],
    // one epoch or less is all fresh
    [1e12, 1e12, 1e12],
    [5e11, 1e12, 5e11],
  ])('D = %d, U = %d → %d', (tokens, unique, expected) => {
    expect(relativeError(effectiveTokens(tokens, unique), expected)).toBeLessThan(1e-6);
  });

  it('approaches U·(1 + R_D*) = 16.39·U however often the data repeats', () => {
    expect(relativeError(effectiveTokens(1e9 * 1e6, 1e9), 1e9 * (1 + R_D_STAR))).toBeLessThan(1e-9);
  });

  it('loses little up to 4 epochs (Muennighoff: "negligible"): 4 epochs are worth > 90% of fresh data', () => {
    expect(effectiveTokens(4e12, 1e12) / 4e12).toBeGreaterThan(0.9);
  });
});

describe('paramsOptimalForTokens agrees with the efficient frontier of Hoffmann Eq. 4', () => {
  // Second formula: N_opt = G·(C/6)^a, D_opt = G⁻¹·(C/6)^b, G = (αA/(βB))^(1/(α+β)).
  it.each([1e21, 5.88e23, 1e26])('C = %d', (flops) => {
    const { A, B, alpha, beta } = hoffmann;
    const G = ((alpha * A) / (beta * B)) ** (1 / (alpha + beta));
    const nOpt = G * (flops / 6) ** (beta / (alpha + beta));
    const dOpt = (flops / 6) ** (alpha / (alpha + beta)) / G;
    expect(relativeError(paramsOptimalForTokens(hoffmann, dOpt), nOpt)).toBeLessThan(1e-9);
  });
});

describe('evaluateDataConstrained: N = 10B on D = 200B from U = 100B (hoffmann2022)', () => {
  // By hand: D′ = 1e11·(1 + 15.387756·(1 − e^(−1/15.387756))) = 1.968199e11
  //   N_opt(1e11) = (0.34·406.4·1e11^0.28 / (0.28·410.7))^(1/0.34) = 1.965088e9 = U_N (< N)
  //   R_N = 10e9/1.965088e9 − 1 = 4.088834; N′ = U_N·(1 + 5.309743·(1 − e^(−R_N/5.309743))) = 7.568369e9
  //   L = 1.69 + 406.4/N′^0.34 + 410.7/D′^0.28 = 2.150475 (vs 2.133134 with N and D as they are)
  const run = evaluateDataConstrained(hoffmann, 10e9, 200e9, 100e9);
  it.each([
    ['epochs', run.epochs, 2],
    ['effectiveTokens', run.effectiveTokens, 1.968199e11],
    ['effectiveParams', run.effectiveParams, 7.568369e9],
    ['loss', run.loss, 2.150475],
  ])('%s', (_name, actual, expected) => {
    expect(relativeError(actual, expected)).toBeLessThan(1e-6);
  });

  it('effectiveParams leaves N alone when it is below N_opt(U)', () => {
    expect(effectiveParams(hoffmann, 1e9, 100e9)).toBe(1e9);
  });
});

describe('optimizeDataConstrained', () => {
  it('finds the minimum a brute-force scan of 20,001 points finds, at the same compute', () => {
    const flops = 1e23;
    const unique = 300e9;
    const optimum = optimizeDataConstrained(hoffmann, flops, unique);
    expect(relativeError(6 * optimum.params * optimum.tokens, flops)).toBeLessThan(1e-12);
    let best = Number.POSITIVE_INFINITY;
    for (let index = 0; index <= 20_000; index++) {
      const params = 10 ** (8 + (6 * index) / 20_000); // 1e8 … 1e14
      best = Math.min(best, evaluateDataConstrained(hoffmann, params, flops / (6 * params), unique).loss);
    }
    expect(optimum.loss).toBeLessThanOrEqual(best + 1e-12);
    expect(best - optimum.loss).toBeLessThan(1e-6);
  });

  it('matches the unconstrained Chinchilla optimum when unique data is plentiful', () => {
    // With U far above D nothing repeats and N ≤ N_opt(D), so the plain Eq. 4 optimum is the answer.
    const flops = 1e22;
    const { A, B, alpha, beta } = hoffmann;
    const G = ((alpha * A) / (beta * B)) ** (1 / (alpha + beta));
    const nOpt = G * (flops / 6) ** (beta / (alpha + beta));
    const optimum = optimizeDataConstrained(hoffmann, flops, 1e15);
    expect(relativeError(optimum.params, nOpt)).toBeLessThan(1e-4);
  });
});

describe('planDataConstrained', () => {
  it('says more compute no longer helps with 30B unique tokens at 1e23 FLOPs, and gives the floor', () => {
    // Floor by hand: N_opt(30e9) = 7.290813e8; N′max = 7.290813e8·6.309743 = 4.600336e9;
    //   D′max = 30e9·16.387756 = 4.916327e11; L = 1.69 + 406.4/N′^0.34 + 410.7/D′^0.28 = 2.119380
    const section = planDataConstrained(hoffmann, 28.87e9, 577.4e9, 1e23, 30e9);
    expect(relativeError(section.lossFloor, 2.11938)).toBeLessThan(1e-6);
    expect(relativeError(dataConstrainedLossFloor(hoffmann, 30e9), 2.11938)).toBeLessThan(1e-6);
    expect(section.moreComputeHelps).toBe(false);
    expect(section.lossGainPer10xCompute).toBeLessThan(0.01);
    // The gain per 10× cannot exceed the distance to the floor.
    expect(section.lossGainPer10xCompute).toBeLessThanOrEqual(section.optimal.loss - section.lossFloor);
    expect(section.epochs).toBeCloseTo(577.4 / 30, 10);
  });

  it('says more compute still helps with 300B unique tokens at the same budget', () => {
    const section = planDataConstrained(hoffmann, 28.87e9, 577.4e9, 1e23, 300e9);
    expect(section.moreComputeHelps).toBe(true);
    expect(section.optimal.loss).toBeLessThanOrEqual(section.loss);
    expect(section.lossModel).toBe('hoffmann2022');
  });

  it('with plentiful unique data gains per 10× what the closed-form Chinchilla optimum gains', () => {
    // Numerical data-constrained optimum (U = 1e18, never repeated) against Hoffmann Eq. 4 in closed form.
    const section = planDataConstrained(hoffmann, 1e10, 1.7e12, 1e23, 1e18);
    expect(Math.abs(section.lossGainPer10xCompute - section.unconstrainedLossGainPer10xCompute)).toBeLessThan(1e-6);
    expect(section.unconstrainedLossGainPer10xCompute).toBeGreaterThan(0.01);
    expect(section.moreComputeHelps).toBe(true);
  });

  it('refuses a non-positive number of unique tokens', () => {
    expect(() => planDataConstrained(hoffmann, 1e9, 2e10, 1.2e20, 0)).toThrow(/--unique-tokens/);
  });
});
