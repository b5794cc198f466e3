import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planForInference, tokensForLoss } from '../../../src/core/constraints/inference.js';
import { LossModelSchema, type ChinchillaLoss } from '../../../src/domain/presets.js';
import { BUILTIN_LOSS_MODELS } from '../../../src/presets/builtin.js';
import { relativeError } from '../../helpers/cli.js';

const sardana = LossModelSchema.parse(
  JSON.parse(readFileSync(new URL('../../fixtures/sardana2023-loss.json', import.meta.url), 'utf8')),
) as ChinchillaLoss;

/** Chinchilla-optimal tokens for N: at the optimum αA/N^α = βB/D^β, so D = (βB·N^α/(αA))^(1/β). */
function optimalTokens(loss: ChinchillaLoss, params: number): number {
  return ((loss.beta * loss.B * params ** loss.alpha) / (loss.alpha * loss.A)) ** (1 / loss.beta);
}

describe('the Sardana et al. 2023 preset fixture', () => {
  it('is a valid chinchilla-form loss model with the constants of the authors’ code', () => {
    expect(sardana).toMatchObject({ form: 'chinchilla', E: 1.69, A: 406.4, B: 410.7, alpha: 0.336, beta: 0.283 });
  });
});

describe('planForInference reproduces Sardana et al. 2023’s example', () => {
  // A 13B Chinchilla-optimal model that will serve 2T inference tokens: the paper replaces it by
  // a ~7B model trained on more data, saving ~17% of lifetime compute.
  const params = 13e9;
  const plan = planForInference(sardana, params, optimalTokens(sardana, params), 2e12);

  it('≈ 7B parameters', () => {
    expect(plan.params).toBeGreaterThan(6.5e9);
    expect(plan.params).toBeLessThan(7.5e9);
  });

  it('≈ 17% lifetime saving', () => {
    expect(plan.lifetimeSavingFraction).toBeGreaterThan(0.15);
    expect(plan.lifetimeSavingFraction).toBeLessThan(0.19);
  });

  it('reaches the same loss and adds up its FLOPs', () => {
    const loss = sardana.E + sardana.A / plan.params ** sardana.alpha + sardana.B / plan.trainingTokens ** sardana.beta;
    expect(relativeError(loss, plan.loss)).toBeLessThan(1e-9);
    expect(relativeError(plan.trainingFlops, 6 * plan.params * plan.trainingTokens)).toBeLessThan(1e-12);
    expect(relativeError(plan.inferenceFlops, 2 * plan.params * 2e12)).toBeLessThan(1e-12);
    expect(relativeError(plan.baseline.lifetimeFlops, 6 * 13e9 * plan.baseline.trainingTokens + 2 * 13e9 * 2e12)).toBeLessThan(1e-12);
    expect(relativeError(plan.lifetimeFlopsSaved, plan.baseline.lifetimeFlops - plan.lifetimeFlops)).toBeLessThan(1e-12);
    expect(plan.trainingTokens).toBeGreaterThan(plan.baseline.trainingTokens);
  });

  it('is the minimum a brute-force scan along the iso-loss curve finds', () => {
    let best = Number.POSITIVE_INFINITY;
    for (let index = 0; index <= 20_000; index++) {
      const candidate = 10 ** (9 + (2 * index) / 20_000); // 1B … 100B
      const tokens = tokensForLoss(sardana, candidate, plan.loss);
      if (Number.isFinite(tokens)) best = Math.min(best, 6 * candidate * tokens + 2 * candidate * 2e12);
    }
    expect(plan.lifetimeFlops).toBeLessThanOrEqual(best * (1 + 1e-12));
    expect(relativeError(plan.lifetimeFlops, best)).toBeLessThan(1e-6);
  });
});

describe('planForInference without inference demand', () => {
  it('keeps a Chinchilla-optimal plan: nothing to save', () => {
    const hoffmann = BUILTIN_LOSS_MODELS.find((model) => model.id === 'hoffmann2022') as ChinchillaLoss;
    const plan = planForInference(hoffmann, 10e9, optimalTokens(hoffmann, 10e9), 0);
    expect(relativeError(plan.params, 10e9)).toBeLessThan(1e-6);
    expect(plan.lifetimeSavingFraction).toBeLessThan(1e-9);
    expect(plan.trainingOnlySavingFraction).toBeLessThan(1e-9);
  });

  it('measures how far a 20-tokens-per-parameter plan is from hoffmann2022’s own optimum (brute force)', () => {
    const hoffmann = BUILTIN_LOSS_MODELS.find((model) => model.id === 'hoffmann2022') as ChinchillaLoss;
    const plan = planForInference(hoffmann, 13e9, 260e9, 2e12);
    // The least training compute on the iso-loss curve through (13e9, 260e9), by scanning N.
    let least = Number.POSITIVE_INFINITY;
    for (let index = 0; index <= 20_000; index++) {
      const candidate = 10 ** (9 + (2 * index) / 20_000);
      const tokens = tokensForLoss(hoffmann, candidate, plan.loss);
      if (Number.isFinite(tokens)) least = Math.min(least, 6 * candidate * tokens);
    }
    expect(Math.abs(plan.trainingOnlySavingFraction - (1 - least / (6 * 13e9 * 260e9)))).toBeLessThan(1e-6);
    expect(plan.trainingOnlySavingFraction).toBeGreaterThan(0.01);
  });

  it('shrinks the model further as inference demand grows', () => {
    const sizes = [1e11, 1e12, 1e13, 1e14].map((tokens) => planForInference(sardana, 13e9, optimalTokens(sardana, 13e9), tokens).params);
    for (let index = 1; index < sizes.length; index++) expect(sizes[index]).toBeLessThan(sizes[index - 1] ?? 0);
  });

  it('refuses negative inference tokens', () => {
    expect(() => planForInference(sardana, 1e9, 2e10, -1)).toThrow(/--inference-tokens/);
  });
});
