import * as z from 'zod';
import { PrecisionSchema } from '../presets.js';

/**
 * The optional sections of a `plans[]` row in `llm-plan/plan@1` (issue 6), as zod schemas: the
 * documentation of each field with its unit, for `llm-plan schema plan` and for validating real
 * outputs in tests. The hand-written interfaces in src/core/constraints are the types the code
 * builds; tests/schemas/plan-sections.test.ts keeps the two from drifting apart.
 *
 * Objects are not strict: `@1` only grows, so a consumer's validator must accept fields added later.
 */
const finite = z.number().finite();
const count = z.number().int().positive();

const MemorySchema = z.object({
  precision: PrecisionSchema.describe('training precision (the hardware precision)'),
  optimizer: z.enum(['adamw', 'sgd']),
  zeroStage: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]).describe('ZeRO stage: 1 shards optimizer states, 2 also gradients, 3 also weights'),
  gpus: count.describe('data-parallel GPUs the states are sharded over'),
  seqLen: count.describe('tokens per sequence'),
  microBatch: count.describe('sequences per GPU per step'),
  recompute: z.enum(['none', 'selective', 'full']).describe('activation recomputation (Korthikanti et al. 2022)'),
  modelStateBytesPerParam: finite.describe('bytes per parameter of weights, gradients and optimizer states before sharding (16 for mixed-precision AdamW)'),
  modelStateBytesPerGpu: finite.describe('bytes'),
  activationBytesPerGpu: finite.describe('bytes, one micro-batch'),
  totalBytesPerGpu: finite.describe('bytes: model states + activations'),
  gpuMemoryBytes: finite.describe('bytes of memory per GPU'),
  fits: z.boolean().describe('totalBytesPerGpu ≤ gpuMemoryBytes'),
  minGpusForModelStates: count.nullable().describe('fewest GPUs holding the model states at this ZeRO stage; null when none can'),
  lowestFittingZeroStage: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]).nullable().describe('lowest ZeRO stage at which the total fits on gpus; null when none does'),
  assumedShape: z.object({ nLayers: count, dModel: count, nHeads: count }).describe('the shape the activations were estimated for (the --shape heuristic)'),
});

const TimeSchema = z.object({
  gpuHours: finite.describe("GPU-hours of the row's training FLOPs"),
  gpus: count.optional().describe('--gpus'),
  wallClockHours: finite.optional().describe('gpuHours / gpus, hours'),
  wallClockDays: finite.optional().describe('days'),
  targetDays: finite.optional().describe('--days'),
  gpusForTargetDays: count.optional().describe('ceil(gpuHours / (24 · targetDays))'),
});

const CostSchema = z.object({
  usd: finite.describe('USD'),
  gpuHours: finite,
  pricePerGpuHour: finite.describe('USD per GPU-hour'),
});

const ShapeSchema = z.object({
  nLayers: count,
  dModel: count.describe('a multiple of 128'),
  nHeads: count,
  headDim: count.describe('128'),
  ffnDim: count.describe('SwiGLU width: 8/3·dModel rounded up to a multiple of 256'),
  vocabSize: count,
  tiedEmbeddings: z.literal(false).describe('input and output embeddings are separate matrices'),
  params: count.describe('parameters of this shape, embeddings included'),
  embeddingParams: count.describe('2 · vocabSize · dModel'),
  aspectRatio: finite.describe('dModel / nLayers'),
  paramsRelativeError: finite.describe('params / planned params − 1'),
  withinTolerance: z.boolean().describe('|paramsRelativeError| ≤ 0.05'),
});

const HyperparamsSchema = z.object({
  source: z.literal('deepseek2024').describe("DeepSeek LLM's fit (arXiv:2401.02954 §3.1) on their data"),
  peakLearningRate: finite.describe('0.3118 · C^−0.125'),
  batchTokens: finite.describe('0.2920 · C^0.3271 tokens'),
  batchSequences: count.describe('batchTokens / seqLen, rounded'),
  seqLen: count,
});

const EffectiveRunSchema = z.object({
  params: finite,
  tokens: finite,
  epochs: finite.describe('tokens / uniqueTokens'),
  effectiveTokens: finite.describe("D' (Muennighoff et al. 2023, Eq. 5)"),
  effectiveParams: finite.describe("N' (Muennighoff et al. 2023, Eq. 5)"),
  loss: finite.describe("nats/token: the scoring model at N', D'"),
});

const DataConstrainedSchema = EffectiveRunSchema.extend({
  uniqueTokens: finite.describe('--unique-tokens'),
  lossModel: z.string(),
  optimal: EffectiveRunSchema.describe('the lowest data-constrained loss at the same compute'),
  lossFloor: finite.describe('nats/token: the limit as compute grows without bound'),
  lossGainPer10xCompute: finite.describe('nats/token: optimal loss at C minus at 10·C'),
  unconstrainedLossGainPer10xCompute: finite.describe('nats/token: the same with unlimited unique data'),
  moreComputeHelps: z.boolean().describe('lossGainPer10xCompute ≥ 0.01'),
});

const LifetimeRunSchema = z.object({
  params: finite,
  trainingTokens: finite,
  trainingFlops: finite.describe('6 · params · trainingTokens'),
  inferenceFlops: finite.describe('2 · params · inferenceTokens'),
  lifetimeFlops: finite.describe('trainingFlops + inferenceFlops'),
});

const InferenceSchema = LifetimeRunSchema.extend({
  inferenceTokens: finite.describe('--inference-tokens'),
  lossModel: z.string(),
  loss: finite.describe("nats/token: the row's loss, which both models reach"),
  baseline: LifetimeRunSchema.describe('the row as planned, serving the same tokens'),
  lifetimeFlopsSaved: finite,
  lifetimeSavingFraction: finite.describe('lifetimeFlopsSaved / baseline.lifetimeFlops'),
  trainingOnlySavingFraction: finite.describe('training compute saved at the same loss with no inference: how far the row is from loss-optimal under its scoring model'),
});

/** The optional fields a `plans[]` row may carry (spread into the row schema). */
export const PlanSectionsShape = {
  memory: MemorySchema.optional().describe('--gpus, --days or a memory flag, with --gpu (Rajbhandari et al. 2020; Korthikanti et al. 2022)'),
  time: TimeSchema.optional().describe('--gpus and/or --days, with --gpu'),
  cost: CostSchema.optional().describe('--price with --gpu'),
  shape: ShapeSchema.optional().describe('--shape'),
  hyperparams: HyperparamsSchema.optional().describe('--hyperparams'),
  dataConstrained: DataConstrainedSchema.optional().describe('--unique-tokens (Muennighoff et al. 2023)'),
  inference: InferenceSchema.optional().describe('--inference-tokens (Sardana et al. 2023)'),
};

export const PlanSectionsSchema = z.object(PlanSectionsShape);
