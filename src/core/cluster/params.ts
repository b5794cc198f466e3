import type { Architecture } from '../../domain/architecture.js';

/**
 * Exact parameter count of a decoder-only transformer from its shape (shared/reference/parallelism.md,
 * "Parameter count"). Per layer: attention Q and O `h·(a·d_h)` each, K and V `h·(k·d_h)` each
 * (grouped-query attention when k < a); MLP `3·h·f` (SwiGLU) or `2·h·f` (GELU); two norms.
 * Then one final norm, the input embedding `V·h`, the output head another `V·h` unless tied, and
 * `maxSeqLen·h` learned positions (GPT-2/3).
 */
export interface ParamBreakdown {
  /** Weights (and biases and norms) of one transformer block. */
  readonly perLayer: number;
  /** The part of a block that sits in matrix multiplies (what 2 FLOPs per parameter per token counts). */
  readonly perLayerMatmul: number;
  readonly layers: number;
  readonly embedding: number;
  /** Output head; 0 when tied to the embedding. */
  readonly head: number;
  readonly positions: number;
  readonly finalNorm: number;
  readonly total: number;
  /** `total` minus the input embedding and learned positions (the head is a matmul, so it stays). */
  readonly nonEmbedding: number;
}

export function countParams(arch: Architecture): ParamBreakdown {
  const { dModel: h, heads: a, kvHeads: k, headDim, ffn: f, vocab: V } = arch;
  const q = a * headDim;
  const kv = k * headDim;
  const attention = h * q + 2 * h * kv + q * h;
  const mlp = (arch.mlp === 'swiglu' ? 3 : 2) * h * f;
  const normSize = arch.norm === 'layernorm' ? 2 * h : h;
  const qkvBias = arch.bias === 'none' ? 0 : q + 2 * kv;
  const outputBias = arch.bias === 'attention' || arch.bias === 'all' ? h : 0;
  const mlpBias = arch.bias === 'all' ? (arch.mlp === 'swiglu' ? 2 * f : f) + h : 0;
  const perLayerMatmul = attention + mlp;
  const perLayer = perLayerMatmul + 2 * normSize + qkvBias + outputBias + mlpBias;
  const embedding = V * h;
  const head = arch.tiedEmbeddings ? 0 : V * h;
  const positions = arch.positions === 'learned' ? (arch.maxSeqLen ?? 0) * h : 0;
  const layers = arch.layers * perLayer;
  const total = layers + normSize + embedding + head + positions;
  return { perLayer, perLayerMatmul, layers, embedding, head, positions, finalNorm: normSize, total, nonEmbedding: total - embedding - positions };
}
