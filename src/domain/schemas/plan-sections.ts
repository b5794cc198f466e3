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
  optimizer: z.enum(['adamw', 'adafactor', 'sgd']),
  zeroStage: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]).describe('ZeRO stage: 1 shards optimizer states, 2 also gradients, 3 also weights'),
  gpus: count.describe('data-parallel GPUs the states are sharded over (d of the chosen layout)'),
  seqLen: count.describe('tokens per sequence'),
  microBatch: count.describe('sequences per GPU per step'),
  recompute: z.enum(['none', 'selective', 'full']).describe('activation recomputation (Korthikanti et al. 2022)'),
  modelStateBytesPerParam: finite.describe('bytes per parameter of weights, gradients and optimizer states before sharding (16 for mixed-precision AdamW)'),
  modelStateBytesPerGpu: finite.describe('bytes'),
  activationBytesPerGpu: finite.describe('bytes, one micro-batch'),
  totalBytesPerGpu: finite.describe('bytes: model states + activations'),
  gpuMemoryBytes: finite.describe('bytes of memory per GPU'),
  fits: z.boolean().describe('totalBytesPerGpu + bufferBytesPerGpu ≤ gpuMemoryBytes'),
  minGpusForModelStates: count.nullable().describe('fewest GPUs (t·p·d at the chosen t and p) holding the model states at this ZeRO stage; null when none can'),
  lowestFittingZeroStage: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]).nullable().describe('lowest ZeRO stage at which the chosen layout fits; null when none does'),
  assumedShape: z.object({ nLayers: count, dModel: count, nHeads: count }).describe('the shape the activations were estimated for (plans[].architecture)'),
  gradDtype: z.enum(['bf16', 'fp32']).describe('--grad-dtype: gradient bytes (2 or 4; Megatron-LM keeps fp32 main_grad)'),
  tensorParallel: count.describe('t of the chosen layout'),
  pipelineParallel: count.describe('p of the chosen layout'),
  split: z
    .object({ weights: finite, gradients: finite, optimizer: finite.describe('optimizer states + fp32 master weights'), activations: finite, buffers: finite.describe('the stated allowance') })
    .describe('bytes per GPU by component, the most loaded pipeline stage'),
  bufferBytesPerGpu: finite.describe('bytes set aside per GPU for CUDA/NCCL buffers and fragmentation (10% of the GPU, an assumption)'),
});

export const ArchitectureSectionSchema = z.object({
  origin: z.enum(['preset', 'file', 'flags', 'proposed']).describe('--arch preset, a config.json, shape flags, or proposed from N (Llama 2 recipe)'),
  id: z.string().optional(),
  name: z.string(),
  layers: count,
  dModel: count,
  heads: count,
  kvHeads: count.describe('key/value heads (grouped-query attention when < heads)'),
  headDim: count,
  ffn: count.describe('feed-forward hidden width'),
  vocab: count,
  mlp: z.enum(['swiglu', 'gelu']),
  tiedEmbeddings: z.boolean(),
  norm: z.enum(['rmsnorm', 'layernorm']),
  bias: z.enum(['none', 'qkv', 'attention', 'all']),
  positions: z.enum(['rope', 'learned', 'relative']),
  maxSeqLen: count.optional(),
  statedParams: finite.optional().describe("the paper's own parameter count, where the shape does not reproduce it"),
  source: z.string().optional(),
  notes: z.string().optional(),
  params: count.describe('exact parameter count of this shape, embeddings included'),
  nonEmbeddingParams: count,
  paramsVsPlan: finite.describe("params / the row's params − 1"),
});

const FlopsPerTokenSchema = z.object({
  seqLen: count,
  recompute: z.enum(['none', 'selective', 'full']),
  flashAttention: z.boolean(),
  modelPerToken: finite.describe('model FLOPs per training token (MFU counts these): 6·N_matmul + 12·L·s·h, causal masking not subtracted (Narayanan et al. 2021; PaLM App. B)'),
  hardwarePerToken: finite.describe('hardware FLOPs per token (HFU): model + recomputation'),
  sixNPerToken: finite.describe('6 × params: what the scaling law counts'),
  attentionPerToken: finite.describe('the attention-score part of modelPerToken'),
  model: finite.describe("modelPerToken × the row's tokens"),
  hardware: finite.describe("hardwarePerToken × the row's tokens"),
});

const StepSchema = z.object({
  compute: finite.describe('seconds: hardware FLOPs at peak × --mfu'),
  recompute: finite.describe('seconds of compute spent on recomputation'),
  bubble: finite.describe('seconds: 1F1B pipeline bubble, (p − 1)/m'),
  tensorComm: finite.describe('seconds: tensor-parallel all-reduces over NVLink, not overlapped'),
  pipelineComm: finite.describe('seconds: pipeline sends'),
  dataComm: finite.describe('seconds: data-parallel gradient all-reduce left after overlap with the last backward pass'),
  total: finite.describe('seconds per step'),
});

export const LayoutRowSchema = z.object({
  tp: count,
  pp: count,
  dp: count,
  zero: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
  recompute: z.enum(['none', 'selective', 'full']),
  microBatch: count.describe('sequences per micro-batch'),
  sequenceParallel: z.boolean(),
  microBatches: count.describe('micro-batches per step (gradient accumulation)'),
  globalBatch: count.describe('sequences per step: microBatches · microBatch · dp'),
  fits: z.boolean(),
  memory: z.object({ weights: finite, gradients: finite, optimizer: finite, activations: finite, buffers: finite, total: finite, stage: z.enum(['first', 'last', 'only']), paramsPerGpu: finite }).describe('bytes per GPU of the most loaded stage'),
  step: StepSchema,
  tokensPerSecond: finite,
  days: finite.describe("wall-clock days for the row's tokens"),
  achievedMfu: finite.describe('model FLOPs / (step time × peak)'),
  achievedHfu: finite.describe('hardware FLOPs / (step time × peak)'),
});

export const LayoutSchema = z.object({
  gpus: count,
  gpusPerNode: count,
  requestedGlobalBatch: count.describe('sequences (--global-batch, or DeepSeek LLM’s batch for the compute)'),
  fixed: z.boolean().describe('--layout: this layout evaluated, not searched'),
  chosen: LayoutRowSchema.describe('the fastest fitting layout; when none fits, the leanest (fits false)'),
  alternatives: z.array(LayoutRowSchema).describe('the next fastest fitting layouts'),
  fittingCount: z.number().int().nonnegative(),
  searchedCount: z.number().int().nonnegative(),
  binding: z.enum(['memory', 'bubble', 'communication', 'recomputation', 'compute']).nullable().describe('what limits the chosen layout'),
  advice: z
    .array(
      z.union([
        z.object({ kind: z.literal('drop-constraints'), dropped: z.array(z.string()) }),
        z.object({ kind: z.literal('more-gpus'), gpus: count }),
        z.object({ kind: z.literal('shorter-sequences'), seqLen: count }),
        z.object({ kind: z.literal('smaller-model'), params: finite, layers: count, dModel: count }),
      ]),
    )
    .describe('when nothing fits: changes verified to make a layout fit'),
  intraNodeBytesPerSecond: finite.describe('per GPU, per direction'),
  interNodeBytesPerSecond: finite.describe('per GPU, per direction'),
  startDate: z.string().optional().describe('YYYY-MM-DD the run starts (--start; the CLI uses today)'),
  finishDate: z.string().optional().describe('startDate + days, rounded up'),
});

const ComparisonSchema = z.object({
  optimum: z.object({ params: finite, tokens: finite, tokensPerParam: finite, loss: finite }).describe("the rule's allocation of the run's compute"),
  paramsRatio: finite.describe('N / N_opt'),
  tokensPerParamRatio: finite.describe("the run's tokens per parameter over the optimum's"),
  lossGap: finite.describe("nats/token: the run's loss minus the optimum's"),
  regime: z.enum(['over-trained', 'under-trained', 'optimal']),
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
  architecture: ArchitectureSectionSchema.optional().describe('with a memory estimate: the architecture (--arch, shape flags, or proposed)'),
  flopsPerToken: FlopsPerTokenSchema.optional().describe('with a memory estimate: FLOPs per token with attention and recomputation'),
  layout: LayoutSchema.optional().describe('with a memory estimate: the parallel layout search (t, p, d, ZeRO, recomputation, micro-batch)'),
  comparison: ComparisonSchema.optional().describe("--params with --tokens, or --model: the run against the rule's optimum at the same compute"),
};

export const PlanSectionsSchema = z.object(PlanSectionsShape);
