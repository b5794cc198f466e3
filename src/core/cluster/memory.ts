import type { Architecture } from '../../domain/architecture.js';
import type { GradDtype, Optimizer, Recompute, ZeroStage } from './choices.js';
import { countParams } from './params.js';

/**
 * Memory per GPU of one training layout, by component (shared/reference/parallelism.md):
 * model states after tensor/pipeline splitting and ZeRO sharding (Rajbhandari et al. 2020, §3, Fig. 1),
 * activations per Korthikanti et al. 2022 (Table 2, §4.2.3) for the most loaded pipeline stage,
 * and a stated allowance for everything else.
 */

export { GRAD_DTYPES, OPTIMIZERS, ZERO_STAGES, type GradDtype, type Optimizer, type ZeroStage } from './choices.js';
export type TrainingPrecision = 'fp32' | 'tf32' | 'fp16' | 'bf16' | 'fp8';

// In its own module, so that `llm-plan check` reads it without the memory model (issue 16).
import { BUFFER_ALLOWANCE } from './allowance.js';

export { BUFFER_ALLOWANCE };

/**
 * Optimizer-state bytes per parameter, fp32 states. AdamW: momentum and variance (8 B). SGD with
 * momentum: one buffer (4 B). Adafactor (Shazeer & Stern 2018, §3 and §5): factored second moments
 * (a row and a column vector per matrix, O(rows + cols), counted as 0) and no first moment (β1 = 0).
 * Mixed precision adds the fp32 master copy of the weights (4 B): AdamW 4 + 8 = ZeRO's K = 12.
 */
const OPTIMIZER_STATE_BYTES: Readonly<Record<Optimizer, number>> = { adamw: 8, adafactor: 0, sgd: 4 };

export interface StateBytes {
  readonly weights: number;
  readonly gradients: number;
  /** Optimizer states plus, in mixed precision, the fp32 master weights. */
  readonly optimizer: number;
}

/**
 * Bytes per parameter of each model state before sharding. 16-bit training (fp16, bf16; fp8
 * training keeps 16-bit weights, Transformer Engine): 2 B weights, gradients 2 B (`bf16`, ZeRO's
 * accounting) or 4 B (`fp32`, Megatron-LM's main_grad), fp32 master + states. fp32/tf32: 4 B each,
 * no master copy.
 *
 * @example stateBytes('bf16', 'adamw', 'bf16') → { weights: 2, gradients: 2, optimizer: 12 } (16 B, ZeRO Fig. 1)
 */
export function stateBytes(precision: TrainingPrecision, optimizer: Optimizer, gradDtype: GradDtype): StateBytes {
  const states = OPTIMIZER_STATE_BYTES[optimizer];
  if (precision === 'fp32' || precision === 'tf32') return { weights: 4, gradients: 4, optimizer: states };
  return { weights: 2, gradients: gradDtype === 'fp32' ? 4 : 2, optimizer: 4 + states };
}

/**
 * Model-state bytes per GPU for `params` parameters held by each GPU before ZeRO, sharded over
 * `dp` data-parallel ranks (ZeRO Fig. 1): stage 1 the optimizer states, 2 also the gradients,
 * 3 also the weights.
 *
 * @example shardedStateBytes(7.5e9, { weights: 2, gradients: 2, optimizer: 12 }, 1, 64) → 3.14e10 (Fig. 1: 31.4 GB)
 */
export function shardedStateBytes(params: number, bytes: StateBytes, zero: ZeroStage, dp: number): StateBytes {
  return {
    weights: (params * bytes.weights) / (zero >= 3 ? dp : 1),
    gradients: (params * bytes.gradients) / (zero >= 2 ? dp : 1),
    optimizer: (params * bytes.optimizer) / (zero >= 1 ? dp : 1),
  };
}

/** A parallel layout: GPUs = tp · pp · dp. */
export interface Layout {
  readonly tp: number;
  readonly pp: number;
  readonly dp: number;
  readonly zero: ZeroStage;
  readonly recompute: Recompute;
  /** Sequences per micro-batch (b). */
  readonly microBatch: number;
  /** Megatron sequence parallelism: on whenever tp > 1 (Korthikanti et al. 2022, §4.2.2). */
  readonly sequenceParallel: boolean;
}

/** What memory and time need besides the layout. */
export interface TrainingSetup {
  readonly arch: Architecture;
  readonly seqLen: number;
  readonly precision: TrainingPrecision;
  readonly optimizer: Optimizer;
  readonly gradDtype: GradDtype;
  /** FlashAttention (Dao et al. 2022): the s² attention-score activations are never stored. */
  readonly flashAttention: boolean;
}

export interface MemorySplit {
  readonly weights: number;
  readonly gradients: number;
  readonly optimizer: number;
  readonly activations: number;
  /** The stated allowance (BUFFER_ALLOWANCE of the GPU's memory). */
  readonly buffers: number;
  readonly total: number;
  /** Which pipeline stage is the most loaded one these bytes are for. */
  readonly stage: 'first' | 'last' | 'only';
  /** Parameters held per GPU by that stage before ZeRO sharding. */
  readonly paramsPerGpu: number;
}

/**
 * Activation bytes of one layer for one micro-batch, in units of s·b·h bytes (16-bit, Korthikanti
 * Table 2 generalised to GQA and SwiGLU). MHA with a 4h GELU MLP gives 34 (+5·a·s/h scores):
 * norms' inputs 4, QKV input 2, Q and K 4, V 2, projection input 2, two dropout masks 2,
 * MLP input 2 and the two 4h-wide tensors 16. With k KV heads K and V take 2·k·d_h/h each;
 * SwiGLU keeps three f-wide tensors (gate, up, their product): 6f/h.
 * Replicated over t without sequence parallelism: 10 (norms, QKV and MLP inputs, dropout masks).
 */
export function activationUnitsPerLayer(arch: Architecture, seqLen: number, tp: number, sp: boolean, recompute: Recompute, flash: boolean): number {
  const h = arch.dModel;
  if (recompute === 'full') return sp ? 2 / tp : 2; // only each layer's input is kept
  const q = (arch.heads * arch.headDim) / h;
  const kv = (arch.kvHeads * arch.headDim) / h;
  const mlp = ((arch.mlp === 'swiglu' ? 6 : 4) * arch.ffn) / h;
  const replicated = 10;
  const split = 2 * q + 4 * kv + 2 * q + mlp;
  const scores = flash || recompute === 'selective' ? 0 : (5 * arch.heads * seqLen) / h;
  return sp ? (replicated + split + scores) / tp : replicated + (split + scores) / tp;
}

/**
 * Memory per GPU of the most loaded pipeline stage. With 1F1B the first stage keeps activations
 * for min(p, m) micro-batches of its L/p layers (Korthikanti §4.2.3); the last stage keeps one
 * micro-batch and the output logits (4·s·b·V/t bytes, fp32 logits for the loss). The first stage
 * also holds the input embedding, the last the output head (each V·h/t, vocabulary-parallel);
 * with tied embeddings and p > 1 both hold a copy. Full recomputation keeps one layer's full
 * activations while it recomputes (the working set).
 */
export function memoryPerGpu(setup: TrainingSetup, layout: Layout, microBatchesPerStep: number, gpuMemoryBytes: number): MemorySplit {
  const { arch, seqLen } = setup;
  const { tp, pp, dp, zero, recompute, microBatch, sequenceParallel: sp } = layout;
  const counts = countParams(arch);
  const layersPerStage = arch.layers / pp;
  const blockParams = (layersPerStage * counts.perLayer) / tp;
  const vocabParams = (arch.vocab * arch.dModel) / tp;
  const bytes = stateBytes(setup.precision, setup.optimizer, setup.gradDtype);
  const widen = setup.precision === 'fp32' || setup.precision === 'tf32' ? 2 : 1;
  const sbh = seqLen * microBatch * arch.dModel * widen;
  const perLayer = activationUnitsPerLayer(arch, seqLen, tp, sp, recompute, setup.flashAttention) * sbh;
  const workingSet = recompute === 'full' ? activationUnitsPerLayer(arch, seqLen, tp, sp, 'none', setup.flashAttention) * sbh : 0;
  const logits = (4 * seqLen * microBatch * arch.vocab) / tp;
  const inFlight = Math.min(pp, microBatchesPerStep);
  const embeddingActs = (sp ? sbh / tp : sbh) * inFlight; // embedding dropout mask per in-flight micro-batch

  const stages: { stage: MemorySplit['stage']; params: number; activations: number }[] =
    pp === 1
      ? [{ stage: 'only', params: blockParams + vocabParams * (arch.tiedEmbeddings ? 1 : 2) + (counts.positions + counts.finalNorm) / tp, activations: layersPerStage * perLayer + workingSet + embeddingActs + logits }]
      : [
          { stage: 'first', params: blockParams + vocabParams + counts.positions / tp, activations: layersPerStage * inFlight * perLayer + workingSet + embeddingActs },
          { stage: 'last', params: blockParams + vocabParams + counts.finalNorm / tp, activations: layersPerStage * perLayer + workingSet + logits },
        ];
  const buffers = BUFFER_ALLOWANCE * gpuMemoryBytes;
  let worst: MemorySplit | undefined;
  for (const { stage, params, activations } of stages) {
    const { weights, gradients, optimizer } = shardedStateBytes(params, bytes, zero, dp);
    const total = weights + gradients + optimizer + activations + buffers;
    if (!worst || total > worst.total) worst = { weights, gradients, optimizer, activations, buffers, total, stage, paramsPerGpu: params };
  }
  return worst as MemorySplit;
}
