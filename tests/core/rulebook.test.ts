import { describe, expect, it } from 'vitest';
import { allocateFlopsPerToken, modelScaleOf } from '../../src/core/flops-per-token.js';
import { flopsForQuery } from '../../src/core/inverse.js';
import { allocate, allocateLossOptimal, paramsExponent } from '../../src/core/rules.js';
import { BUILTIN_LOSS_MODELS, BUILTIN_RULES } from '../../src/presets/builtin.js';
import type { ChinchillaLoss, FlopsPerTokenRule, LossModel, Rule } from '../../src/domain/presets.js';

const rule = (id: string): Rule => BUILTIN_RULES.find((candidate) => candidate.id === id) as Rule;
const lossModel = (id: string): LossModel => BUILTIN_LOSS_MODELS.find((candidate) => candidate.id === id) as LossModel;
const anyLoss = lossModel('besiroglu2024');
const rel = (value: number, expected: number): number => Math.abs(value / expected - 1);

// Hoffmann et al. 2022, arXiv:2203.15556, Table 3 (approach 1): parameters → FLOPs (tokens in the last column).
const TABLE_3: ReadonlyArray<readonly [number, number, number]> = [
  [400e6, 1.92e19, 8.0e9],
  [1e9, 1.21e20, 20.2e9],
  [10e9, 1.23e22, 205.1e9],
  [67e9, 5.76e23, 1.5e12],
  [175e9, 3.85e24, 3.7e12],
  [280e9, 9.9e24, 5.9e12],
  [520e9, 3.43e25, 11.0e12],
  [1e12, 1.27e26, 21.2e12],
  [10e12, 1.3e28, 216.2e12],
];
// Table A3, approach 2 (IsoFLOP profiles).
const TABLE_A3_APPROACH_2: ReadonlyArray<readonly [number, number, number]> = [
  [400e6, 1.84e19, 7.7e9],
  [1e9, 1.2e20, 20.0e9],
  [10e9, 1.32e22, 219.5e9],
  [67e9, 6.88e23, 1.7e12],
  [175e9, 4.54e24, 4.3e12],
  [280e9, 1.18e25, 7.1e12],
  [520e9, 4.19e25, 13.4e12],
  [1e12, 1.59e26, 26.5e12],
  [10e12, 1.75e28, 292.0e12],
];
// Table A3, approach 3 (parametric fit). The paper prints 1.26e+24 for the 175B row; its 12.0T tokens
// make that 6 · 175e9 · 12.0e12 = 1.26e25, a typo of one decade, used corrected here.
const TABLE_A3_APPROACH_3: ReadonlyArray<readonly [number, number, number]> = [
  [400e6, 2.21e19, 9.2e9],
  [1e9, 1.62e20, 27.1e9],
  [10e9, 2.46e22, 410.1e9],
  [67e9, 1.71e24, 4.1e12],
  [175e9, 1.26e25, 12.0e12],
  [280e9, 3.52e25, 20.1e12],
  [520e9, 1.36e26, 43.5e12],
  [1e12, 5.65e26, 94.1e12],
  [10e12, 8.55e28, 1425.5e12],
];

describe('Chinchilla as published (Hoffmann et al. 2022)', () => {
  it('chinchilla-1 reproduces every row of Table 3 within 2.5% of N', () => {
    for (const [params, flops] of TABLE_3) expect(rel(allocate(rule('chinchilla-1'), flops, anyLoss).params, params)).toBeLessThan(0.025);
  });

  it('chinchilla-2 reproduces every approach-2 row of Table A3 within 4% of N (1% but for the 67B row)', () => {
    for (const [params, flops] of TABLE_A3_APPROACH_2) {
      const error = rel(allocate(rule('chinchilla-2'), flops, anyLoss).params, params);
      expect(error).toBeLessThan(params === 67e9 ? 0.04 : 0.01);
    }
  });

  it('chinchilla-3 (the unrounded fitted law) reproduces every approach-3 row of Table A3 within 7.5% of N, and 3.5% up to 1B', () => {
    for (const [params, flops] of TABLE_A3_APPROACH_3) {
      const error = rel(allocate(rule('chinchilla-3'), flops, anyLoss).params, params);
      expect(error).toBeLessThan(params <= 1e9 ? 0.035 : 0.075);
    }
  });

  it('the printed (rounded) constants put N 18–31% below every approach-3 row; the unrounded ones do not', () => {
    for (const [params, flops] of TABLE_A3_APPROACH_3) {
      const rounded = allocateLossOptimal(lossModel('hoffmann2022'), flops) / params - 1;
      expect(rounded).toBeLessThan(-0.18);
      expect(rounded).toBeGreaterThan(-0.31);
    }
  });

  it('chinchilla-3 is the loss-optimal frontier of hoffmann2022-unrounded, constants for constants', () => {
    const unrounded = lossModel('hoffmann2022-unrounded') as ChinchillaLoss;
    const fitted = rule('chinchilla-3');
    if (fitted.kind !== 'fitted-law') throw new Error('chinchilla-3 is a fitted law');
    expect(fitted.law).toEqual({ E: unrounded.E, A: unrounded.A, B: unrounded.B, alpha: unrounded.alpha, beta: unrounded.beta });
    for (const flops of [1e19, 1e23, 1e27]) {
      expect(rel(allocate(fitted, flops, anyLoss).params, allocateLossOptimal(unrounded, flops))).toBeLessThan(1e-12);
    }
  });

  it('the exponents are Table 2’s: 0.50, 0.49 and 0.46 (β/(α+β) of the unrounded fit, 0.4565)', () => {
    expect(paramsExponent(rule('chinchilla-1'), anyLoss)).toBe(0.5);
    expect(paramsExponent(rule('chinchilla-2'), anyLoss)).toBe(0.49);
    // 0.2849083 / (0.33917084 + 0.2849083) = 0.456526, by hand.
    expect(paramsExponent(rule('chinchilla-3'), anyLoss)).toBeCloseTo(0.456526, 5);
  });
});

describe('Llama 3 (§3.2.1)', () => {
  // The paper: "Extrapolation ... to 3.8 × 10^25 FLOPs suggests training a 402B parameter model on 16.55T tokens."
  it('at 3.8e25 FLOPs: 16.55T tokens within 3%, 402B parameters within 5%', () => {
    const { params, tokens } = allocate(rule('llama3'), 3.8e25, anyLoss);
    expect(rel(tokens, 16.55e12)).toBeLessThan(0.03);
    expect(rel(params, 402e9)).toBeLessThan(0.05);
  });

  it('D = 0.299 · C^0.537 by hand at 1e22 FLOPs (the top of its runs)', () => {
    // log10(1e22^0.537) = 11.814; 10^11.814 = 6.516e11; × 0.299 = 1.948e11 tokens.
    expect(rel(allocate(rule('llama3'), 1e22, anyLoss).tokens, 1.948e11)).toBeLessThan(1e-3);
  });

  it('the text’s rounding (0.53, 0.29) would miss the paper’s own 16.55T by a third: why Figure 3’s constants are used', () => {
    const rounded = 0.29 * 3.8e25 ** 0.53;
    expect(rounded / 16.55e12).toBeLessThan(0.65);
  });
});

describe('DeepSeek LLM (§3.2)', () => {
  const deepseek = rule('deepseek') as FlopsPerTokenRule;

  it('M_base · D_base = 1 and a + b = 1, so M_opt · D_opt = C (to the paper’s rounding, 1.2e-4)', () => {
    expect(Math.abs(deepseek.modelScale.coefficient * deepseek.data.coefficient - 1)).toBeLessThan(2e-4);
    expect(deepseek.modelScale.exponent + deepseek.data.exponent).toBeCloseTo(1, 12);
    const at = allocateFlopsPerToken(deepseek, 1e21);
    expect(rel(at.modelScale * at.dataScale, 1e21)).toBeLessThan(2e-4);
  });

  it('at 4.5e23 FLOPs (DeepSeek LLM 67B): M_opt ≈ 4.32e11 FLOPs/token and D_opt ≈ 1.04e12 tokens, as Figure 4 annotates', () => {
    // By hand: 0.1715 · 10^(23.6532 · 0.5243) = 0.1715 · 2.5195e12 = 4.321e11;
    //          5.8316 · 10^(23.6532 · 0.4757) = 5.8316 · 1.7853e11 = 1.0411e12.
    const at = allocateFlopsPerToken(deepseek, 4.5e23);
    expect(rel(at.modelScale, 4.321e11)).toBeLessThan(1e-3);
    expect(rel(at.dataScale, 1.0411e12)).toBeLessThan(1e-3);
  });

  it('M of the assumed shape equals M_opt, and its parameters are 12·L·d² + 2·V·d', () => {
    const at = allocateFlopsPerToken(deepseek, 1e23);
    expect(rel(modelScaleOf(at.nLayers, at.dModel, 4096), at.modelScale)).toBeLessThan(1e-12);
    expect(at.dModel / at.nLayers).toBeCloseTo(128, 9);
    expect(rel(at.params, 12 * at.nLayers * at.dModel ** 2 + 2 * 102400 * at.dModel)).toBeLessThan(1e-12);
  });

  it('at DeepSeek 67B’s budget the shape gives about 67B parameters (their 95-layer, 8192-wide model: 67B)', () => {
    expect(rel(allocate(deepseek, 4.5e23, anyLoss).params, 67e9)).toBeLessThan(0.05);
  });

  it('modelScaleOf is Eq. 2: 80 layers × 8192 at l_seq 4096', () => {
    // 72·80·8192² + 12·80·8192·4096 = 3.8655e11 + 3.2212e10 = 4.1876e11.
    expect(rel(modelScaleOf(80, 8192, 4096), 4.1876e11)).toBeLessThan(1e-4);
  });

  it('inverse queries solve numerically: --params N gives back N', () => {
    const flops = flopsForQuery({ kind: 'params', params: 7e9 }, { rule: deepseek, loss: anyLoss });
    expect(rel(allocate(deepseek, flops, anyLoss).params, 7e9)).toBeLessThan(1e-9);
    const byTokens = flopsForQuery({ kind: 'tokens', tokens: 2e12 }, { rule: deepseek, loss: anyLoss });
    expect(rel(allocate(deepseek, byTokens, anyLoss).tokens, 2e12)).toBeLessThan(1e-9);
  });
});

describe('every built-in rule and loss model names its source and the data it was fitted on', () => {
  it.each(BUILTIN_RULES.map((preset) => [preset.id, preset] as const))('rule %s', (id, preset) => {
    expect(preset.source.length).toBeGreaterThan(20);
    // optimal has no runs of its own: they are those of the loss model that scores it.
    if (id !== 'optimal') expect(preset.fittedOn?.data.length ?? 0).toBeGreaterThan(20);
  });
  it.each(BUILTIN_LOSS_MODELS.map((preset) => [preset.id, preset] as const))('loss model %s', (_id, preset) => {
    expect(preset.fittedOn?.data.length ?? 0).toBeGreaterThan(20);
  });
});
