/**
 * Near-optimal batch size and peak learning rate as functions of compute, from DeepSeek-AI 2024,
 * "DeepSeek LLM" (arXiv:2401.02954), §3.1: `η_opt = 0.3118 · C^−0.1250`, `B_opt = 0.2920 · C^0.3271`
 * tokens. DeepSeek fitted these on their own data and model family with C = M·D (M counts
 * non-embedding FLOPs per token, attention included); here C is the plan's 6·N·D. They are a
 * starting point for a sweep, not a substitute for one.
 */
const LR_COEFFICIENT = 0.3118; // DeepSeek LLM §3.1, Eq. 1
const LR_EXPONENT = -0.125; // DeepSeek LLM §3.1, Eq. 1
const BATCH_COEFFICIENT = 0.292; // DeepSeek LLM §3.1, Eq. 1
const BATCH_EXPONENT = 0.3271; // DeepSeek LLM §3.1, Eq. 1

/** `plans[].hyperparams`. */
export interface Hyperparams {
  readonly source: 'deepseek2024';
  readonly peakLearningRate: number;
  readonly batchTokens: number;
  /** `batchTokens / seqLen`, rounded to a whole number of sequences (at least 1). */
  readonly batchSequences: number;
  readonly seqLen: number;
}

/**
 * DeepSeek's fitted hyperparameters for `flops` of training compute.
 *
 * @example suggestHyperparams(1e23, 2048) → { peakLearningRate: 4.16e-4, batchTokens: 9.74e6, batchSequences: 4756, … }
 */
export function suggestHyperparams(flops: number, seqLen: number): Hyperparams {
  const batchTokens = BATCH_COEFFICIENT * flops ** BATCH_EXPONENT;
  return {
    source: 'deepseek2024',
    peakLearningRate: LR_COEFFICIENT * flops ** LR_EXPONENT,
    batchTokens,
    batchSequences: Math.max(1, Math.round(batchTokens / seqLen)),
    seqLen,
  };
}
