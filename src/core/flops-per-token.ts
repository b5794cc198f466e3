import type { FlopsPerTokenRule } from '../domain/presets.js';

/**
 * DeepSeek LLM's model scale M (non-embedding FLOPs per token, forward + backward, attention included):
 * `M = 72·n_layer·d_model² + 12·n_layer·d_model·l_seq` (DeepSeek-AI 2024, arXiv:2401.02954, §3.2, Eq. 2).
 *
 * @example modelScaleOf(80, 8192, 4096) → 4.187e11
 */
export function modelScaleOf(nLayers: number, dModel: number, sequenceLength: number): number {
  return 72 * nLayers * dModel * dModel + 12 * nLayers * dModel * sequenceLength;
}

/** What a flops-per-token rule's M_opt became: the shape assumed and the parameters it implies. */
export interface FlopsPerTokenAllocation {
  /** M_opt = M_base·C^a, non-embedding FLOPs per token. */
  readonly modelScale: number;
  /** The law's own D_opt = D_base·C^b (C = M·D in its accounting, not 6·N·D). */
  readonly dataScale: number;
  /** d_model of the assumed shape (continuous; n_layer = d_model / aspect ratio). */
  readonly dModel: number;
  readonly nLayers: number;
  /** Non-embedding parameters of that shape, `12·n_layer·d_model²`. */
  readonly nonEmbeddingParams: number;
  /** Untied input and output embeddings, `2·V·d_model`. */
  readonly embeddingParams: number;
  /** All parameters: the plan's N. */
  readonly params: number;
}

/**
 * Converts M_opt at C FLOPs into parameters through an assumed shape with a fixed aspect ratio
 * r = d/L: `M = 72·d³/r + 12·l_seq·d²/r` is solved for d (it rises strictly with d), then
 * `N = 12·d³/r + 2·V·d` (non-embedding as in DeepSeek's N1 = 12·L·d², plus untied embeddings).
 * N rises with C, and slower than C (so D = C/(6N) rises too), because M grows at least as d².
 */
export function allocateFlopsPerToken(rule: FlopsPerTokenRule, flops: number): FlopsPerTokenAllocation {
  const modelScale = rule.modelScale.coefficient * flops ** rule.modelScale.exponent;
  const dataScale = rule.data.coefficient * flops ** rule.data.exponent;
  const r = rule.aspectRatio;
  const cubic = 72 / r;
  const square = (12 * rule.sequenceLength) / r;
  // Each term alone reaches M at its own d, so the root lies below the larger of the two.
  let low = 0;
  let high = Math.max(Math.cbrt(modelScale / cubic), Math.sqrt(modelScale / square));
  for (let step = 0; step < 200 && high - low > high * 1e-16; step++) {
    const middle = (low + high) / 2;
    if (cubic * middle ** 3 + square * middle ** 2 < modelScale) low = middle;
    else high = middle;
  }
  const dModel = high;
  const nonEmbeddingParams = (12 * dModel ** 3) / r;
  const embeddingParams = 2 * rule.vocabSize * dModel;
  return {
    modelScale,
    dataScale,
    dModel,
    nLayers: dModel / r,
    nonEmbeddingParams,
    embeddingParams,
    params: nonEmbeddingParams + embeddingParams,
  };
}
