import { describe, expect, it } from 'vitest';
import { parseBaseline } from '../../src/core/baseline.js';
import { PlanError } from '../../src/domain/errors.js';
import { predictLoss } from '../../src/core/loss.js';
import { percentile, spreadOf } from '../../src/core/spread.js';
import { VARIANT_FAMILIES } from '../../src/core/spread-variants.js';
import { allocate } from '../../src/core/rules.js';
import type { ChinchillaLoss, LossModel, Rule } from '../../src/domain/presets.js';
import { BUILTIN_LOSS_MODELS, BUILTIN_RULES } from '../../src/presets/builtin.js';
import { relativeError } from '../helpers/cli.js';

const rule = (id: string): Rule => BUILTIN_RULES.find((candidate) => candidate.id === id) as Rule;
const loss = (id: string): LossModel => BUILTIN_LOSS_MODELS.find((candidate) => candidate.id === id) as LossModel;

function rangeAt(ruleId: string, lossId: string, flops: number, baseline?: ReturnType<typeof parseBaseline>) {
  const scored = { rule: rule(ruleId), loss: loss(lossId) };
  const { params, tokens } = allocate(scored.rule, flops, scored.loss);
  const point = { params, tokens, loss: predictLoss(scored.loss, params, tokens) };
  return { point, range: spreadOf(scored, flops, point, BUILTIN_LOSS_MODELS, baseline) };
}

describe('published variants', () => {
  it('spreads deepmind at 5.88e21 FLOPs (1/100 of Chinchilla) across the paper\'s three approaches and Epoch\'s refit', () => {
    const { range } = rangeAt('deepmind', 'hoffmann2022', 5.88e21);
    const params = Object.fromEntries(range.variants.map((variant) => [variant.id, variant.params]));
    // By hand: approach 1, 175e9 · (5.88e21/3.85e24)^0.5 = 175e9 · 0.039080 = 6.8390e9;
    // approach 2, 10e9 · (5.88e21/1.32e22)^0.49 = 10e9 · e^(0.49 · −0.80866) = 6.7286e9.
    expect(relativeError(params['chinchilla-1'] ?? 0, 6.839e9)).toBeLessThan(1e-4);
    expect(relativeError(params['chinchilla-2'] ?? 0, 6.7286e9)).toBeLessThan(1e-4);
    // Approach 3, unrounded: G = (0.33917084·406.401 / (0.2849083·410.7228))^(1/0.62407914) = 1.177926^1.60236 = 1.30001;
    // (C/6)^0.456526 = e^(48.33408 · 0.456526) = e^22.0658 = 3.8287e9; N = 4.9773e9.
    expect(relativeError(params['chinchilla-3'] ?? 0, 4.9773e9)).toBeLessThan(2e-3);
    // Epoch: G = (0.3478·482.01 / (0.3658·2085.43))^(1/0.7136) = 0.119639; (C/6)^0.512612 = e^24.77663 = 5.75887e10; N = 6.8898e9.
    expect(relativeError(params['besiroglu2024'] ?? 0, 6.8898e9)).toBeLessThan(3e-3);
    expect(range.basis).toBe('published');
    expect(range.fixed).toBeUndefined();
    expect(range.params[0]).toBe(params['chinchilla-3']);
    expect(range.variants.map((variant) => variant.id)).toEqual(['chinchilla-1', 'chinchilla-2', 'chinchilla-3', 'besiroglu2024']);
    for (const variant of range.variants) {
      expect(relativeError(6 * variant.params * variant.tokens, 5.88e21)).toBeLessThan(1e-12);
      expect(variant.source).toMatch(/\S/);
    }
  });

  it('the power-law variants are the rules chinchilla-1 and chinchilla-2, law for law', () => {
    for (const id of ['chinchilla-1', 'chinchilla-2']) {
      const variant = VARIANT_FAMILIES.chinchilla.find((entry) => entry.id === id);
      const preset = rule(id);
      if (variant?.kind !== 'power-law' || preset.kind !== 'power-law') throw new Error(`${id} is a power law`);
      expect(variant.exponent).toBe(preset.exponent);
      expect(variant.anchor).toEqual(preset.anchor);
    }
  });

  it('does not range a quantity the user fixed: --params 124e6 keeps N at 124M and spreads D, C and the loss', () => {
    const scored = { rule: rule('deepmind'), loss: loss('hoffmann2022') };
    // deepmind's compute for 124M: 5.88e23 · (124e6/70e9)^2 = 1.84512e18.
    const flops = 5.88e23 * (124e6 / 70e9) ** 2;
    const { params, tokens } = allocate(scored.rule, flops, scored.loss);
    const point = { params, tokens, loss: predictLoss(scored.loss, params, tokens) };
    const range = spreadOf(scored, flops, point, BUILTIN_LOSS_MODELS, undefined, { kind: 'params', value: 124e6 });
    expect(range.fixed).toBe('params');
    expect(range.params).toEqual([124e6, 124e6]);
    for (const variant of range.variants) expect(variant.params).toBe(124e6);
    // Approach 1 needs C = 3.85e24 · (124e6/175e9)^2 = 1.93293e18 for 124M, so D = C/(6N) = 2.598e9.
    const approach1 = range.variants.find((variant) => variant.id === 'chinchilla-1');
    expect(relativeError(approach1?.flops ?? 0, 1.93293e18)).toBeLessThan(1e-4);
    expect(relativeError(approach1?.tokens ?? 0, 2.598e9)).toBeLessThan(1e-3);
    expect(range.flops?.[0]).toBeLessThan(range.flops?.[1] ?? 0);
  });

  it('spreads openai between the ×5.5 exponent and Table 6\'s 0.73', () => {
    // One decade above the anchor (8.64e20): ×5.5 → 7.15e9; Table 6 → 1.3e9·10^0.73 = 1.3e9·5.37032 = 6.98142e9.
    const { range } = rangeAt('openai', 'kaplan2020', 8.64e20);
    expect(relativeError(range.params[0], 6.98142e9)).toBeLessThan(1e-4);
    expect(relativeError(range.params[1], 7.15e9)).toBeLessThan(1e-12);
    expect(relativeError(range.tokens[0], 8.64e20 / (6 * 7.15e9))).toBeLessThan(1e-12);
  });

  it.each([
    ['deepmind', 'hoffmann2022'],
    ['openai', 'kaplan2020'],
    ['optimal', 'besiroglu2024'],
    ['optimal', 'hoffmann2022'],
    ['optimal', 'kaplan2020'],
  ])('contains the plan itself: %s under %s', (ruleId, lossId) => {
    for (const flops of [1e18, 1e21, 1e24, 1e27]) {
      const { point, range } = rangeAt(ruleId, lossId, flops);
      expect(range.params[0]).toBeLessThanOrEqual(point.params);
      expect(range.params[1]).toBeGreaterThanOrEqual(point.params);
      expect(range.tokens[0]).toBeLessThanOrEqual(point.tokens);
      expect(range.tokens[1]).toBeGreaterThanOrEqual(point.tokens);
      expect(range.loss[0]).toBeLessThanOrEqual(point.loss);
      expect(range.loss[1]).toBeGreaterThanOrEqual(point.loss);
    }
  });

  it('pivots the power-law variants on a baseline', () => {
    // At the baseline's own compute every power-law variant gives the baseline's N.
    const baseline = parseBaseline('1B:20B');
    const { range } = rangeAt('deepmind', 'hoffmann2022', baseline.flops, baseline);
    const powerLaws = VARIANT_FAMILIES.chinchilla.filter((entry) => entry.kind === 'power-law').map((entry) => entry.id);
    expect(powerLaws).toEqual(['chinchilla-1', 'chinchilla-2']);
    for (const variant of range.variants.filter((entry) => powerLaws.includes(entry.id))) {
      expect(relativeError(variant.params, 1e9)).toBeLessThan(1e-12);
    }
  });

  it('refuses a rule without published variants', () => {
    const custom: Rule = { ...(rule('deepmind') as Rule), id: 'mine' };
    const point = { params: 1, tokens: 1, loss: 1 };
    expect(() => spreadOf({ rule: custom, loss: loss('hoffmann2022') }, 1e21, point, BUILTIN_LOSS_MODELS)).toThrow(PlanError);
    expect(() => spreadOf({ rule: custom, loss: loss('hoffmann2022') }, 1e21, point, BUILTIN_LOSS_MODELS)).toThrow(/no published variants/);
  });
});

describe('bootstrap interval of a fitted law', () => {
  const hoffmann = loss('hoffmann2022') as ChinchillaLoss;
  const besiroglu = loss('besiroglu2024') as ChinchillaLoss;
  const draw = ({ E, A, B, alpha, beta }: ChinchillaLoss) => ({ E, A, B, alpha, beta });
  const fitted: ChinchillaLoss = {
    ...besiroglu,
    id: 'my-law',
    fit: {
      input: 'runs.csv',
      date: '2026-01-01',
      runs: 2,
      droppedTopLoss: 0,
      delta: 1e-3,
      objective: 0,
      converged: true,
      starts: 1,
      bootstrap: {
        samples: 2,
        seed: 1,
        confidence: 0.5,
        intervals: { E: [0, 0], A: [0, 0], B: [0, 0], alpha: [0, 0], beta: [0, 0] },
        draws: [draw(hoffmann), draw(besiroglu)],
      },
    },
  };

  it('takes percentiles of the draws\' closed-form optima', () => {
    // At 5.76e23 the draws' optima are N_h = 3.2190e10 and N_b = 7.2240e10 (by hand, Hoffmann Eq. 4).
    // Confidence 0.5 → quantiles 0.25 and 0.75 of two values: N_h + 0.25·(N_b − N_h), N_h + 0.75·(N_b − N_h).
    const scored = { rule: rule('optimal'), loss: fitted as LossModel };
    const { params, tokens } = allocate(scored.rule, 5.76e23, scored.loss);
    const point = { params, tokens, loss: predictLoss(scored.loss, params, tokens) };
    const range = spreadOf(scored, 5.76e23, point, BUILTIN_LOSS_MODELS);
    expect(range.basis).toBe('bootstrap');
    expect(range.bootstrap).toEqual({ draws: 2, confidence: 0.5 });
    expect(range.variants).toEqual([]);
    expect(relativeError(range.params[0], 3.219e10 + 0.25 * (7.224e10 - 3.219e10))).toBeLessThan(2e-3);
    // The point (N_b itself) is above the 0.75 quantile, so the interval stretches to hold it.
    expect(relativeError(range.params[1], 7.224e10)).toBeLessThan(2e-3);
    expect(range.loss[0]).toBeLessThan(range.loss[1]);
  });
});

describe('percentile (type 7)', () => {
  it.each([
    [[1, 2, 3, 4], 0.5, 2.5],
    [[1, 2, 3, 4], 0, 1],
    [[1, 2, 3, 4], 1, 4],
    [[10, 20], 0.25, 12.5],
    [[5], 0.9, 5],
    // numpy.percentile([1, 3, 7, 15, 31], 90) = 15 + 0.6·16 = 24.6
    [[1, 3, 7, 15, 31], 0.9, 24.6],
  ])('%j at %d → %d', (values, q, expected) => {
    expect(percentile(values, q)).toBeCloseTo(expected, 12);
  });
});
