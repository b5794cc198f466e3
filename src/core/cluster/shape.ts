import type { Architecture } from '../../domain/architecture.js';
import { countParams } from './params.js';

/**
 * A Llama-2-style shape for a parameter count, with heads divisible by 8 so tensor parallelism
 * over 2, 4 or 8 GPUs of a node splits them evenly (Megatron-LM needs heads % t = 0).
 *
 * The recipe is Llama 2's own (Touvron et al. 2023, Table 1 and §2.2; Meta's params.json):
 * head size 128; SwiGLU width `multiple_of · ceil(m · int(8h/3) / multiple_of)`; untied embeddings,
 * RMSNorm, RoPE, no biases, vocabulary 32,000. Below d_model 8192: multi-head attention, m = 1,
 * multiple_of 256 (7B: 11008, 13B: 13824). From d_model 8192 (Llama 2 34B and 70B): grouped-query
 * attention with 8 KV heads, m = 1.3, multiple_of 4096 (70B: 28672).
 */

export const HEAD_DIM = 128; // Llama 2, GPT-3 175B, Chinchilla, Gopher: d_model / heads = 128
export const HEADS_MULTIPLE = 8; // tensor parallelism up to 8 GPUs of a node
export const GQA_FROM_WIDTH = 8192; // Llama 2 Table 1: GQA for 34B and 70B (both d_model 8192)
export const GQA_KV_HEADS = 8; // Llama 2 70B params.json: n_kv_heads 8
export const DEFAULT_VOCAB = 32_000; // Llama 2 SentencePiece tokenizer
/** d_model / layers band the proposer aims for: Llama 2 7B/13B and GPT-3 sit at 128, Llama 2 70B at 102.4. */
export const ASPECT_RATIO_BAND = [100, 128] as const;
/** A proposed count may differ from the target by at most this fraction. */
export const SHAPE_TOLERANCE = 0.05;

/**
 * Llama's SwiGLU width for a model width (Meta's model.py, FeedForward).
 *
 * @example llamaFfn(4096) → 11008; llamaFfn(5120) → 13824; llamaFfn(8192) → 28672 (m = 1.3, multiple_of 4096)
 */
export function llamaFfn(dModel: number): number {
  const gqa = dModel >= GQA_FROM_WIDTH;
  const multiplier = gqa ? 1.3 : 1;
  const multipleOf = gqa ? 4096 : 256;
  const hidden = Math.floor((multiplier * Math.floor((8 * dModel) / 3)));
  return multipleOf * Math.ceil(hidden / multipleOf);
}

/** The Llama-2-style architecture of `layers` blocks of width `heads · 128`. */
export function llamaShape(layers: number, heads: number, vocab: number = DEFAULT_VOCAB): Architecture {
  const dModel = heads * HEAD_DIM;
  return {
    name: `proposed ${layers}×${dModel}`,
    layers,
    dModel,
    heads,
    kvHeads: dModel >= GQA_FROM_WIDTH ? GQA_KV_HEADS : heads,
    headDim: HEAD_DIM,
    ffn: llamaFfn(dModel),
    vocab,
    mlp: 'swiglu',
    tiedEmbeddings: false,
    norm: 'rmsnorm',
    bias: 'none',
    positions: 'rope',
  };
}

export interface ProposedShape {
  readonly architecture: Architecture;
  readonly params: number;
  /** `params / target − 1`. */
  readonly relativeError: number;
  readonly withinTolerance: boolean;
}

/**
 * Proposes a shape with about `target` parameters. For every head count that is a multiple of 8,
 * the layer counts nearest the target are candidates; among those within 5%, the choice is, in
 * order: aspect ratio d/L closest to the 100–128 band, then the parameter count closest to the
 * target. When nothing is within 5% (tiny targets whose embeddings alone are too many), the
 * closest count is returned with `withinTolerance: false`.
 *
 * @example proposeArchitecture(6_738_415_616).architecture → 32 layers × 4096, 32 heads (Llama 2 7B)
 */
export function proposeArchitecture(target: number, vocab: number = DEFAULT_VOCAB): ProposedShape {
  let best: { shape: ProposedShape; key: [number, number] } | undefined;
  let closest: ProposedShape | undefined;
  for (let heads = HEADS_MULTIPLE; heads <= 1024; heads += HEADS_MULTIPLE) {
    const one = countParams(llamaShape(1, heads, vocab));
    const zero = countParams(llamaShape(1, heads, vocab)).total - one.perLayer;
    const ideal = (target - zero) / one.perLayer;
    for (const layers of new Set([Math.max(1, Math.floor(ideal)), Math.max(1, Math.ceil(ideal))])) {
      const architecture = llamaShape(layers, heads, vocab);
      const params = zero + layers * one.perLayer;
      const relativeError = params / target - 1;
      const shape: ProposedShape = { architecture, params, relativeError, withinTolerance: Math.abs(relativeError) <= SHAPE_TOLERANCE };
      if (!closest || Math.abs(relativeError) < Math.abs(closest.relativeError)) closest = shape;
      if (!shape.withinTolerance) continue;
      const key: [number, number] = [distanceToBand(architecture.dModel / layers), Math.abs(relativeError)];
      if (!best || key[0] < best.key[0] || (key[0] === best.key[0] && key[1] < best.key[1])) best = { shape, key };
    }
  }
  const chosen = best?.shape ?? closest;
  if (!chosen) throw new Error('proposeArchitecture: no candidate (unreachable for a positive target)');
  return { ...chosen, architecture: { ...chosen.architecture, name: `proposed ${chosen.architecture.layers}×${chosen.architecture.dModel}` } };
}

/** |ln| distance of an aspect ratio from the band; 0 inside it. */
function distanceToBand(ratio: number): number {
  const [low, high] = ASPECT_RATIO_BAND;
  if (ratio < low) return Math.log(low / ratio);
  if (ratio > high) return Math.log(ratio / high);
  return 0;
}
