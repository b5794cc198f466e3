import type { Architecture } from '../../domain/architecture.js';
import { countParams } from './params.js';

import type { Recompute } from './choices.js';

export { RECOMPUTE_MODES, type Recompute } from './choices.js';

/**
 * Training FLOPs per token of a decoder-only transformer, counted as Megatron-LM and PaLM count
 * them (Narayanan et al. 2021, SC'21, §5.1; Chowdhery et al. 2022, App. B):
 * - forward, per token: 2 FLOPs per matmul weight (the blocks' matmuls and the output head), plus
 *   the attention scores and the attention-weighted values, `2·s·(a·d_h)` each per layer;
 *   causal masking is NOT subtracted (Megatron's and PaLM's convention, so MFU figures compare);
 * - backward = 2 × forward, so model FLOPs per token = 3 × forward;
 * - hardware FLOPs add what recomputation executes again: full recomputation one more forward
 *   pass of the blocks (not the output head), selective the attention scores and values
 *   (Korthikanti et al. 2022, §5) — unless FlashAttention, which recomputes them inside its own
 *   kernel, is on (then selective costs nothing here).
 * For MHA with h = a·d_h and a GELU 4h MLP this is Narayanan's per-iteration count divided by B·s.
 */
export interface FlopsPerToken {
  /** Model FLOPs per training token (what MFU counts): `6·N_matmul + 12·L·s·a·d_h`. */
  readonly model: number;
  /** Hardware FLOPs per token (what HFU counts): model plus recomputation. */
  readonly hardware: number;
  /** `6 × all parameters`: the Kaplan/Chinchilla approximation the scaling laws use. */
  readonly sixN: number;
  /** The attention-score share of `model` (grows with the sequence length). */
  readonly attention: number;
  /** `hardware / model`: 4/3 for full recomputation of a weight-dominated model. */
  readonly recomputeFactor: number;
  readonly seqLen: number;
  readonly recompute: Recompute;
  readonly flashAttention: boolean;
}

export function flopsPerToken(arch: Architecture, seqLen: number, recompute: Recompute, flashAttention = true): FlopsPerToken {
  const params = countParams(arch);
  const blockMatmul = 2 * arch.layers * params.perLayerMatmul; // forward, per token
  const headMatmul = 2 * arch.vocab * arch.dModel; // forward, per token (tied or not, the head is a matmul)
  const attentionForward = 2 * 2 * arch.layers * seqLen * arch.heads * arch.headDim;
  const forward = blockMatmul + headMatmul + attentionForward;
  const model = 3 * forward;
  const extra = recompute === 'full' ? blockMatmul + attentionForward : recompute === 'selective' && !flashAttention ? attentionForward : 0;
  const hardware = model + extra;
  return { model, hardware, sixN: 6 * params.total, attention: 3 * attentionForward, recomputeFactor: hardware / model, seqLen, recompute, flashAttention };
}

/**
 * Narayanan et al. 2021, §5.1, Eq. (3): FLOPs per iteration of a GPT model with full activation
 * recomputation, `96·B·s·L·h²·(1 + s/(6h) + V/(16·L·h))` (B = global batch in sequences).
 * Independent closed form the tests check `flopsPerToken` against.
 */
export function narayananIterationFlops(batch: number, seqLen: number, layers: number, hidden: number, vocab: number): number {
  return 96 * batch * seqLen * layers * hidden ** 2 * (1 + seqLen / (6 * hidden) + vocab / (16 * layers * hidden));
}
