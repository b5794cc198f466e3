import type { Architecture } from '../../domain/architecture.js';
import type { ClusterHardware } from './cluster-hardware.js';
import { badInput } from '../../domain/errors.js';
import { formatBytes } from '../format-bytes.js';
import { formatCount, formatGrouped, formatNumber } from '../format.js';
import { adviseFit, type FitAdvice } from './advice.js';
import { flopsPerToken, type Recompute } from './flops.js';
import { estimateLayout, searchLayouts, whatBinds, type Binding, type ClusterSpec, type LayoutConstraints, type LayoutEstimate, type StepTime } from './layout.js';
import { shardedStateBytes, stateBytes, ZERO_STAGES, type GradDtype, type Layout, type MemorySplit, type Optimizer, type TrainingPrecision, type TrainingSetup, type ZeroStage } from './memory.js';
import { countParams } from './params.js';
import { proposeArchitecture } from './shape.js';

/**
 * One plan row on a cluster: its architecture (given, or proposed from N), FLOPs per token,
 * the best layout over the GPUs and its memory per GPU — the `architecture`, `flops`, `layout`
 * and `memory` sections of a `plans[]` row.
 */

export type { ClusterHardware } from './cluster-hardware.js';

export type ArchitectureOrigin = 'preset' | 'file' | 'flags' | 'proposed';

export interface ClusterRequest {
  /** The architecture when the user gave one; else one is proposed from the row's N. */
  readonly architecture?: { readonly arch: Architecture; readonly origin: Exclude<ArchitectureOrigin, 'proposed'> };
  readonly vocab: number;
  readonly seqLen: number;
  readonly optimizer: Optimizer;
  readonly gradDtype: GradDtype;
  readonly flashAttention: boolean;
  readonly gpusPerNode: number;
  /** Sequences per step; default DeepSeek's batch for the row's compute (`defaultBatch`). */
  readonly globalBatch?: number;
  readonly constraints: LayoutConstraints;
  /** `--layout`: evaluate exactly this t and p (and whatever else is fixed), not a ranking. */
  readonly fixedLayout: boolean;
}

export interface ArchitectureSection extends Architecture {
  readonly origin: ArchitectureOrigin;
  /** Exact count of this shape, embeddings included. */
  readonly params: number;
  readonly nonEmbeddingParams: number;
  /** `params / the row's params − 1`. */
  readonly paramsVsPlan: number;
}

export interface FlopsSection {
  readonly seqLen: number;
  readonly recompute: Recompute;
  readonly flashAttention: boolean;
  /** Model FLOPs per training token (what MFU counts), attention included. */
  readonly modelPerToken: number;
  /** Hardware FLOPs per token (what HFU counts): model plus recomputation. */
  readonly hardwarePerToken: number;
  /** 6 × parameters: what the scaling law's C = 6·N·D counts. */
  readonly sixNPerToken: number;
  readonly attentionPerToken: number;
  /** modelPerToken × the row's tokens. */
  readonly model: number;
  readonly hardware: number;
}

/** A searched layout with what it costs: memory split, step time, throughput, days. */
export interface LayoutRow extends Layout {
  readonly microBatches: number;
  readonly globalBatch: number;
  readonly fits: boolean;
  readonly memory: MemorySplit;
  readonly step: StepTime;
  readonly tokensPerSecond: number;
  /** Wall-clock days for the row's tokens at this layout's step time. */
  readonly days: number;
  readonly achievedMfu: number;
  readonly achievedHfu: number;
}

export interface LayoutSection {
  readonly gpus: number;
  readonly gpusPerNode: number;
  /** The global batch asked for, in sequences. */
  readonly requestedGlobalBatch: number;
  readonly fixed: boolean;
  /** The fastest fitting layout; when nothing fits, the one needing the least memory (fits false). */
  readonly chosen: LayoutRow;
  /** The next-fastest fitting layouts. */
  readonly alternatives: readonly LayoutRow[];
  readonly fittingCount: number;
  readonly searchedCount: number;
  /** What limits the chosen layout; null when nothing fits. */
  readonly binding: Binding | null;
  /** When nothing fits: changes verified to make something fit. */
  readonly advice: readonly FitAdviceJson[];
  readonly interNodeBytesPerSecond: number;
  readonly intraNodeBytesPerSecond: number;
}

export type FitAdviceJson =
  | { readonly kind: 'drop-constraints'; readonly dropped: readonly string[] }
  | { readonly kind: 'more-gpus'; readonly gpus: number }
  | { readonly kind: 'shorter-sequences'; readonly seqLen: number }
  | { readonly kind: 'smaller-model'; readonly params: number; readonly layers: number; readonly dModel: number };

/** The legacy `plans[].memory` fields (issue 6), now from the chosen layout, plus the split. */
export interface ClusterMemory {
  readonly precision: TrainingPrecision;
  readonly optimizer: Optimizer;
  readonly zeroStage: ZeroStage;
  /** Data-parallel GPUs the states are sharded over (d). */
  readonly gpus: number;
  readonly seqLen: number;
  readonly microBatch: number;
  readonly recompute: Recompute;
  readonly modelStateBytesPerParam: number;
  readonly modelStateBytesPerGpu: number;
  readonly activationBytesPerGpu: number;
  /** Model states + activations (the buffer allowance is separate). */
  readonly totalBytesPerGpu: number;
  readonly gpuMemoryBytes: number;
  readonly fits: boolean;
  readonly minGpusForModelStates: number | null;
  readonly lowestFittingZeroStage: ZeroStage | null;
  readonly assumedShape: { readonly nLayers: number; readonly dModel: number; readonly nHeads: number };
  readonly gradDtype: GradDtype;
  readonly tensorParallel: number;
  readonly pipelineParallel: number;
  readonly split: { readonly weights: number; readonly gradients: number; readonly optimizer: number; readonly activations: number; readonly buffers: number };
  readonly bufferBytesPerGpu: number;
}

export interface ClusterPlan {
  readonly architecture: ArchitectureSection;
  readonly flops: FlopsSection;
  readonly layout: LayoutSection;
  readonly memory: ClusterMemory;
  readonly notes: readonly string[];
  /** The layout needing the least memory per GPU (the chosen one when nothing fits): how close the run is to not fitting. */
  readonly leanest: LayoutRow;
}

const SECONDS_PER_DAY = 86_400;
const RECOMPUTE_WORDS: Readonly<Record<Recompute, string>> = { none: 'no recomputation', selective: 'selective recomputation', full: 'full recomputation' };
/** How many fitting alternatives the layout section keeps besides the chosen one. */
const ALTERNATIVES = 4;

export function planCluster(row: { readonly params: number; readonly tokens: number }, gpus: number, hardware: ClusterHardware, request: ClusterRequest, defaultBatch: number): ClusterPlan {
  const given = request.architecture;
  const proposal = given ? undefined : proposeArchitecture(row.params, request.vocab);
  const arch = given?.arch ?? (proposal as NonNullable<typeof proposal>).architecture;
  const counts = countParams(arch);
  const setup: TrainingSetup = { arch, seqLen: request.seqLen, precision: hardware.precision, optimizer: request.optimizer, gradDtype: request.gradDtype, flashAttention: request.flashAttention };
  const cluster: ClusterSpec = {
    gpus,
    gpuMemoryBytes: hardware.memoryBytes,
    peakFlops: hardware.peakFlops,
    mfu: hardware.mfu,
    gpusPerNode: request.gpusPerNode,
    intraNodeBytesPerSecond: hardware.intraNodeBytesPerSecond,
    interNodeBytesPerSecond: hardware.interNodeBytesPerSecond,
  };
  const batch = Math.max(1, Math.round(request.globalBatch ?? defaultBatch));
  const search = searchLayouts(setup, cluster, batch, request.constraints, ALTERNATIVES + 1);
  const best = search.ranked[0];
  const chosenEstimate = best ?? search.leastMemory;
  if (!chosenEstimate) throw noLayout(arch, gpus, request, batch);
  const toRow = (estimate: LayoutEstimate): LayoutRow => ({
    ...estimate.layout,
    microBatches: estimate.microBatches,
    globalBatch: estimate.globalBatch,
    fits: estimate.fits,
    memory: estimate.memory,
    step: estimate.step,
    tokensPerSecond: estimate.tokensPerSecond,
    days: row.tokens / estimate.tokensPerSecond / SECONDS_PER_DAY,
    achievedMfu: estimate.achievedMfu,
    achievedHfu: estimate.achievedHfu,
  });
  const advice = best ? [] : adviseFit(setup, cluster, batch, request.constraints).map(toAdviceJson);
  const chosen = toRow(chosenEstimate);
  const flops = flopsPerToken(arch, request.seqLen, chosen.recompute, request.flashAttention);
  const memory = legacyMemory(setup, cluster, chosenEstimate, batch);
  const architecture: ArchitectureSection = {
    ...arch,
    origin: given?.origin ?? 'proposed',
    params: counts.total,
    nonEmbeddingParams: counts.nonEmbedding,
    paramsVsPlan: counts.total / row.params - 1,
  };
  const layout: LayoutSection = {
    gpus,
    gpusPerNode: request.gpusPerNode,
    requestedGlobalBatch: batch,
    fixed: request.fixedLayout,
    chosen,
    alternatives: search.ranked.slice(1).map(toRow),
    fittingCount: search.fittingCount,
    searchedCount: search.searchedCount,
    binding: best ? (whatBinds(search) ?? null) : null,
    advice,
    intraNodeBytesPerSecond: hardware.intraNodeBytesPerSecond,
    interNodeBytesPerSecond: hardware.interNodeBytesPerSecond,
  };
  return {
    architecture,
    flops: {
      seqLen: request.seqLen,
      recompute: chosen.recompute,
      flashAttention: request.flashAttention,
      modelPerToken: flops.model,
      hardwarePerToken: flops.hardware,
      sixNPerToken: flops.sixN,
      attentionPerToken: flops.attention,
      model: flops.model * row.tokens,
      hardware: flops.hardware * row.tokens,
    },
    layout,
    memory,
    leanest: best && search.leastMemory ? toRow(search.leastMemory) : chosen,
    notes: describeCluster(architecture, layout, search.fastestIgnoringMemory, proposal?.withinTolerance ?? true, hardware.memoryBytes),
  };
}

/**
 * Why not even one layout exists (before memory is looked at): a fixed t or p that does not split
 * the heads, the node, the layers or the GPUs, or more data-parallel GPUs than sequences per step.
 */
function noLayout(arch: Architecture, gpus: number, request: ClusterRequest, batch: number): Error {
  const { tp, pp } = request.constraints;
  const problems: string[] = [];
  if (tp !== undefined) {
    const splits = [[arch.heads, 'heads'], [request.gpusPerNode, 'GPUs per node'], [gpus, 'GPUs']] as const;
    const not = splits.filter(([count]) => count % tp !== 0).map(([count, what]) => `the ${formatGrouped(count)} ${what}`);
    if (not.length > 0) problems.push(`tp=${tp} does not divide ${not.join(' or ')}`);
  }
  if (pp !== undefined && arch.layers % pp !== 0) problems.push(`pp=${pp} does not divide the ${arch.layers} layers`);
  if (problems.length === 0 && tp !== undefined && pp !== undefined && gpus % (tp * pp) !== 0) problems.push(`tp × pp = ${tp * pp} does not divide the ${formatGrouped(gpus)} GPUs`);
  if (problems.length > 0) {
    return badInput(`--layout ${[tp === undefined ? '' : `tp=${tp}`, pp === undefined ? '' : `pp=${pp}`].filter(Boolean).join(',')} has no layout on ${formatGrouped(gpus)} GPUs: ${problems.join('; ')}`, `tensor parallelism splits the heads inside a node, pipeline parallelism the layers (${arch.name}: ${arch.heads} heads, ${arch.layers} layers)`);
  }
  return badInput(
    `--gpus ${formatGrouped(gpus)}: no layout keeps the global batch of ${formatGrouped(batch)} sequences (every data-parallel GPU needs at least one sequence per step)`,
    'use fewer --gpus, more tensor or pipeline parallelism (--layout), or a larger --global-batch',
  );
}

function toAdviceJson(advice: FitAdvice): FitAdviceJson {
  if (advice.kind === 'smaller-model') return { kind: 'smaller-model', params: advice.params, layers: advice.architecture.layers, dModel: advice.architecture.dModel };
  return advice;
}

function legacyMemory(setup: TrainingSetup, cluster: ClusterSpec, estimate: LayoutEstimate, batch: number): ClusterMemory {
  const { layout, memory } = estimate;
  const bytes = stateBytes(setup.precision, setup.optimizer, setup.gradDtype);
  const usable = cluster.gpuMemoryBytes - memory.buffers;
  // Fewest GPUs (t·p·d) whose ZeRO sharding holds this stage's model states (activations aside).
  const unsharded = shardedStateBytes(memory.paramsPerGpu, bytes, layout.zero, Number.POSITIVE_INFINITY);
  const whole = shardedStateBytes(memory.paramsPerGpu, bytes, layout.zero, 1);
  const fixedPart = unsharded.weights + unsharded.gradients + unsharded.optimizer;
  const shardable = whole.weights + whole.gradients + whole.optimizer - fixedPart;
  const minDp = fixedPart >= usable ? null : shardable === 0 ? 1 : Math.max(1, Math.ceil(shardable / (usable - fixedPart)));
  const lowest = ZERO_STAGES.filter((zero) => !(layout.pp > 1 && zero >= 2)).find((zero) => estimateLayout(setup, cluster, { ...layout, zero }, batch).fits);
  const states = memory.weights + memory.gradients + memory.optimizer;
  return {
    precision: setup.precision,
    optimizer: setup.optimizer,
    zeroStage: layout.zero,
    gpus: layout.dp,
    seqLen: setup.seqLen,
    microBatch: layout.microBatch,
    recompute: layout.recompute,
    modelStateBytesPerParam: bytes.weights + bytes.gradients + bytes.optimizer,
    modelStateBytesPerGpu: states,
    activationBytesPerGpu: memory.activations,
    totalBytesPerGpu: states + memory.activations,
    gpuMemoryBytes: cluster.gpuMemoryBytes,
    fits: estimate.fits,
    minGpusForModelStates: minDp === null ? null : minDp * layout.tp * layout.pp,
    lowestFittingZeroStage: lowest ?? null,
    assumedShape: { nLayers: setup.arch.layers, dModel: setup.arch.dModel, nHeads: setup.arch.heads },
    gradDtype: setup.gradDtype,
    tensorParallel: layout.tp,
    pipelineParallel: layout.pp,
    split: { weights: memory.weights, gradients: memory.gradients, optimizer: memory.optimizer, activations: memory.activations, buffers: memory.buffers },
    bufferBytesPerGpu: memory.buffers,
  };
}

/** One-line notes: why the chosen layout wins and what binds, or what would make one fit. */
function describeCluster(arch: ArchitectureSection, layout: LayoutSection, fastest: LayoutEstimate | undefined, shapeWithinTolerance: boolean, gpuMemory: number): string[] {
  const notes: string[] = [];
  const { chosen } = layout;
  const name = `t${chosen.tp}·p${chosen.pp}·d${chosen.dp}`;
  if (arch.statedParams !== undefined) {
    notes.push(`${arch.name}'s published shape counts ${formatCount(arch.params)} parameters against the stated ${formatCount(arch.statedParams)} (${arch.notes ?? 'assumed details'}); memory and time use the shape.`);
  }
  if (!shapeWithinTolerance) notes.push(`No Llama-style shape comes within 5% of the planned size; the layout uses the closest, ${formatCount(arch.params)} parameters.`);
  if (!chosen.fits) {
    const changes = layout.advice.map((advice) => {
      switch (advice.kind) {
        case 'drop-constraints':
          return `let the search choose ${advice.dropped.map((key) => `--${key === 'tp' || key === 'pp' ? 'layout' : key === 'microBatch' ? 'micro-batch' : key}`).filter((flag, index, all) => all.indexOf(flag) === index).join(' and ')}`;
        case 'more-gpus':
          return `${formatGrouped(advice.gpus)} GPUs`;
        case 'shorter-sequences':
          return `--seq-len ${advice.seqLen}`;
        case 'smaller-model':
          return `a model of ${formatCount(advice.params)} parameters (${advice.layers} × ${advice.dModel})`;
      }
      return '';
    });
    notes.push(
      `No layout fits in ${formatBytes(gpuMemory)} per GPU: the leanest (${name}, ZeRO-${chosen.zero}, ${RECOMPUTE_WORDS[chosen.recompute]}) needs ${formatBytes(chosen.memory.total)}` +
        (changes.length > 0 ? `; what would fit: ${changes.join(', or ')}.` : '; no change of GPUs, sequence length or model size this tool tries makes it fit.'),
    );
    return notes;
  }
  if (layout.fixed) return notes;
  const because: Record<Binding, string> = {
    memory: `memory binds: the faster ${fastest ? `t${fastest.layout.tp}·p${fastest.layout.pp}·d${fastest.layout.dp} (ZeRO-${fastest.layout.zero}, ${RECOMPUTE_WORDS[fastest.layout.recompute]})` : 'layouts'} would need ${fastest ? formatBytes(fastest.memory.total) : 'more'} per GPU`,
    bubble: `the pipeline bubble binds (${formatNumber((chosen.step.bubble / chosen.step.total) * 100)}% of the step)`,
    communication: `communication binds (${formatNumber(((chosen.step.tensorComm + chosen.step.pipelineComm + chosen.step.dataComm) / chosen.step.total) * 100)}% of the step)`,
    recomputation: `recomputation binds (${formatNumber((chosen.step.recompute / chosen.step.total) * 100)}% of the step)`,
    compute: 'compute binds: bubble, communication and recomputation are each under 5% of the step',
  };
  notes.push(`Layout ${name} (ZeRO-${chosen.zero}, ${RECOMPUTE_WORDS[chosen.recompute]}, micro-batch ${chosen.microBatch}) is the fastest of ${formatGrouped(layout.fittingCount)} that fit; ${because[layout.binding ?? 'compute']}.`);
  return notes;
}
