import type { Precision } from '../../domain/presets.js';
import { badInput } from '../../domain/errors.js';
import type { ModelShape } from './shape.js';

/**
 * Training memory per GPU under data parallelism with ZeRO sharding (Rajbhandari et al. 2020,
 * "ZeRO: Memory Optimizations Toward Training Trillion Parameter Models", §3 and Fig. 1), plus
 * activations (Korthikanti et al. 2022, "Reducing Activation Recomputation in Large Transformer
 * Models", §4, Eq. 1–2). Tensor and pipeline parallelism, temporary buffers, fragmentation and the
 * framework's own few GB are not modelled: the estimate is a floor, not a guarantee.
 */

export const OPTIMIZERS = ['adamw', 'sgd'] as const;
export type Optimizer = (typeof OPTIMIZERS)[number];

/** fp32 optimizer states per parameter: Adam keeps m and v (2 × 4 B), SGD with momentum one buffer. */
const OPTIMIZER_STATE_BYTES: Readonly<Record<Optimizer, number>> = { adamw: 8, sgd: 4 };

export const ZERO_STAGES = [0, 1, 2, 3] as const;
export type ZeroStage = (typeof ZERO_STAGES)[number];

export const RECOMPUTE_MODES = ['none', 'selective', 'full'] as const;
export type Recompute = (typeof RECOMPUTE_MODES)[number];

export const DEFAULT_SEQ_LEN = 2048;

/** Bytes per parameter of each model state, before sharding. */
export interface ModelStateBytes {
  readonly weights: number;
  readonly gradients: number;
  /** Optimizer states plus, in mixed precision, the fp32 master weights. */
  readonly optimizer: number;
}

/**
 * Model-state bytes per parameter for a training precision and optimizer (ZeRO §3.1).
 * Mixed precision (fp16, bf16, and fp8, whose master weights and optimizer stay in fp32):
 * 2 B weights + 2 B gradients + (4 B master + optimizer states). AdamW: 2 + 2 + 12 = 16 B ("K = 12").
 * fp32/tf32: 4 B weights + 4 B gradients + optimizer states, no separate master copy (AdamW 16 B).
 *
 * @example modelStateBytes('bf16', 'adamw') → { weights: 2, gradients: 2, optimizer: 12 }
 */
export function modelStateBytes(precision: Precision, optimizer: Optimizer): ModelStateBytes {
  const states = OPTIMIZER_STATE_BYTES[optimizer];
  if (precision === 'fp32' || precision === 'tf32') return { weights: 4, gradients: 4, optimizer: states };
  return { weights: 2, gradients: 2, optimizer: 4 + states };
}

/**
 * Model-state bytes on each of `gpus` data-parallel GPUs (ZeRO Fig. 1): stage 1 shards the optimizer
 * states, stage 2 also the gradients, stage 3 also the weights.
 *
 * @example shardedStateBytes(7.5e9, { weights: 2, gradients: 2, optimizer: 12 }, 3, 64) → 1.875e9 (Fig. 1: 120 GB / 64)
 */
export function shardedStateBytes(params: number, bytes: ModelStateBytes, stage: ZeroStage, gpus: number): number {
  const shard = (value: number, sharded: boolean): number => (sharded ? value / gpus : value);
  return params * (shard(bytes.weights, stage >= 3) + shard(bytes.gradients, stage >= 2) + shard(bytes.optimizer, stage >= 1));
}

/**
 * The fewest GPUs whose memory holds the model states at a ZeRO stage, or `null` when no count
 * does (the unsharded part alone exceeds one GPU). Activations are not counted here.
 */
export function minGpusForModelStates(params: number, bytes: ModelStateBytes, stage: ZeroStage, gpuMemoryBytes: number): number | null {
  const unsharded = shardedStateBytes(params, bytes, stage, Number.POSITIVE_INFINITY);
  const sharded = shardedStateBytes(params, bytes, stage, 1) - unsharded;
  if (unsharded >= gpuMemoryBytes) return null;
  if (sharded === 0) return 1;
  return Math.max(1, Math.ceil(sharded / (gpuMemoryBytes - unsharded)));
}

/**
 * Activation bytes held per GPU for one micro-batch (Korthikanti et al. 2022, no tensor or sequence
 * parallelism, 16-bit activations): per layer `s·b·h·(34 + 5·a·s/h)` without recomputation,
 * `34·s·b·h` with selective recomputation (Eq. 2 without the attention-score term), and `2·s·b·h`
 * (the layer input) with full recomputation. fp32/tf32 activations take twice the bytes.
 * The embedding and output-logit buffers are not included.
 *
 * @example activationBytes(llama2_7b, 2048, 1, 'none', 'bf16') → 32 · 2048·4096·(34 + 80) = 3.06e10
 */
export function activationBytes(shape: Pick<ModelShape, 'nLayers' | 'dModel' | 'nHeads'>, seqLen: number, microBatch: number, recompute: Recompute, precision: Precision): number {
  const { nLayers, dModel: h, nHeads: a } = shape;
  const sbh = seqLen * microBatch * h;
  const perLayer =
    recompute === 'full' ? 2 * sbh
    : recompute === 'selective' ? 34 * sbh
    : sbh * (34 + (5 * a * seqLen) / h);
  const widthFactor = precision === 'fp32' || precision === 'tf32' ? 2 : 1;
  return nLayers * perLayer * widthFactor;
}

/** What the memory estimate needs besides the plan's N and the shape. */
export interface MemorySettings {
  readonly precision: Precision;
  readonly optimizer: Optimizer;
  readonly zeroStage: ZeroStage;
  readonly gpus: number;
  readonly gpuMemoryBytes: number;
  readonly seqLen: number;
  readonly microBatch: number;
  readonly recompute: Recompute;
}

/** `plans[].memory`: bytes per GPU. */
export interface MemoryEstimate {
  readonly precision: Precision;
  readonly optimizer: Optimizer;
  readonly zeroStage: ZeroStage;
  readonly gpus: number;
  readonly seqLen: number;
  readonly microBatch: number;
  readonly recompute: Recompute;
  /** Model-state bytes per parameter before sharding (16 for mixed-precision AdamW). */
  readonly modelStateBytesPerParam: number;
  readonly modelStateBytesPerGpu: number;
  readonly activationBytesPerGpu: number;
  readonly totalBytesPerGpu: number;
  readonly gpuMemoryBytes: number;
  readonly fits: boolean;
  /** Fewest GPUs holding the model states at this ZeRO stage; null when none can. */
  readonly minGpusForModelStates: number | null;
  /** Lowest ZeRO stage at which the total fits on `gpus` GPUs; null when none does. */
  readonly lowestFittingZeroStage: ZeroStage | null;
  /** The layers, width and heads the activations were estimated for (the `--shape` heuristic). */
  readonly assumedShape: { readonly nLayers: number; readonly dModel: number; readonly nHeads: number };
}

/** The memory estimate for N parameters of a given shape under the settings. */
export function estimateMemory(params: number, shape: Pick<ModelShape, 'nLayers' | 'dModel' | 'nHeads'>, settings: MemorySettings): MemoryEstimate {
  const { precision, optimizer, zeroStage, gpus, gpuMemoryBytes, seqLen, microBatch, recompute } = settings;
  if (!(Number.isInteger(gpus) && gpus >= 1)) throw badInput(`the GPU count must be a whole number ≥ 1, got ${gpus}`);
  const bytes = modelStateBytes(precision, optimizer);
  const activationBytesPerGpu = activationBytes(shape, seqLen, microBatch, recompute, precision);
  const totalAt = (stage: ZeroStage): number => shardedStateBytes(params, bytes, stage, gpus) + activationBytesPerGpu;
  const modelStateBytesPerGpu = shardedStateBytes(params, bytes, zeroStage, gpus);
  const totalBytesPerGpu = modelStateBytesPerGpu + activationBytesPerGpu;
  return {
    precision,
    optimizer,
    zeroStage,
    gpus,
    seqLen,
    microBatch,
    recompute,
    modelStateBytesPerParam: bytes.weights + bytes.gradients + bytes.optimizer,
    modelStateBytesPerGpu,
    activationBytesPerGpu,
    totalBytesPerGpu,
    gpuMemoryBytes,
    fits: totalBytesPerGpu <= gpuMemoryBytes,
    minGpusForModelStates: minGpusForModelStates(params, bytes, zeroStage, gpuMemoryBytes),
    lowestFittingZeroStage: ZERO_STAGES.find((stage) => totalAt(stage) <= gpuMemoryBytes) ?? null,
    assumedShape: { nLayers: shape.nLayers, dModel: shape.dModel, nHeads: shape.nHeads },
  };
}
