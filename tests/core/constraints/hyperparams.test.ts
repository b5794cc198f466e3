import { describe, expect, it } from 'vitest';
import { suggestHyperparams } from '../../../src/core/constraints/hyperparams.js';
import { relativeError } from '../../helpers/cli.js';

describe('suggestHyperparams (DeepSeek LLM §3.1)', () => {
  // C = 1e23: η = 0.3118 · 10^(−23·0.125) = 0.3118 · 10^0.125 · 1e-3 = 0.3118 · 1.333521e-3 = 4.15792e-4
  //           B = 0.2920 · 10^(23·0.3271) = 0.2920 · 10^7.5233 = 0.2920 · 3.33657e7 = 9.7428e6 tokens
  it('at 1e23 FLOPs', () => {
    const hyper = suggestHyperparams(1e23, 2048);
    expect(hyper.source).toBe('deepseek2024');
    expect(relativeError(hyper.peakLearningRate, 4.15792e-4)).toBeLessThan(1e-5);
    expect(relativeError(hyper.batchTokens, 9.7428e6)).toBeLessThan(1e-4);
    expect(hyper.batchSequences).toBe(4757); // 9.7428e6 / 2048 = 4757.2
    expect(hyper.seqLen).toBe(2048);
  });

  it('follows the fitted exponents: ×10 compute → η × 10^−0.125, B × 10^0.3271', () => {
    const low = suggestHyperparams(1e21, 4096);
    const high = suggestHyperparams(1e22, 4096);
    expect(relativeError(high.peakLearningRate / low.peakLearningRate, 10 ** -0.125)).toBeLessThan(1e-12);
    expect(relativeError(high.batchTokens / low.batchTokens, 10 ** 0.3271)).toBeLessThan(1e-12);
  });

  it('never proposes fewer than one sequence', () => {
    expect(suggestHyperparams(1e10, 1_000_000).batchSequences).toBe(1);
  });
});
