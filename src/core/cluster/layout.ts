import type { Architecture } from '../../domain/architecture.js';
import { flopsPerToken, type FlopsPerToken, type Recompute } from './flops.js';
import { memoryPerGpu, stateBytes, ZERO_STAGES, type Layout, type MemorySplit, type TrainingSetup, type ZeroStage } from './memory.js';

/**
 * Step time of a layout and the search over layouts (shared/reference/parallelism.md).
 *
 * Time model (first order; an estimate, not a measurement):
 * - compute: the step's hardware FLOPs per GPU at `peak · mfu` — `--mfu` is the utilisation the
 *   matmuls themselves reach; recomputation's extra FLOPs run at that same rate (equal HFU), so
 *   full recomputation costs ≈ +1/3;
 * - 1F1B pipeline bubble: (p − 1)/m of compute (Narayanan et al. 2021, §2.2);
 * - tensor parallelism: 4 all-reduces of s·b·h 16-bit values per layer per micro-batch (6 with
 *   full recomputation), ring cost 2(t−1)/t of the buffer over NVLink, not overlapped;
 * - pipeline: one send of s·b·h values forward and one backward per micro-batch, not overlapped;
 * - data parallelism: the gradient all-reduce (ZeRO-1/2: reduce-scatter + all-gather, the same
 *   volume; ZeRO-3 1.5× for the weight all-gathers, Rajbhandari et al. 2020 §7.2.2) of
 *   2(d−1)/d · gradient bytes per GPU over the inter-node link, overlapped with the backward pass
 *   of the last micro-batch only (gradient accumulation), the rest exposed.
 * Links run at their per-direction datasheet rate (NVLink: half the bidirectional figure).
 */

export interface Interconnect {
  /** GPUs per node: tensor parallelism stays inside one. */
  readonly gpusPerNode: number;
  /** Per-GPU NVLink (or equivalent) bandwidth, bytes/s per direction. */
  readonly intraNodeBytesPerSecond: number;
  /** Per-GPU network bandwidth between nodes, bytes/s per direction. */
  readonly interNodeBytesPerSecond: number;
}

export interface ClusterSpec extends Interconnect {
  readonly gpus: number;
  readonly gpuMemoryBytes: number;
  /** Dense peak FLOP/s per GPU at the training precision. */
  readonly peakFlops: number;
  /** Model FLOPs utilisation of the compute phases (`--mfu`). */
  readonly mfu: number;
}

export interface StepTime {
  readonly compute: number;
  /** Of `compute`, what recomputation adds. */
  readonly recompute: number;
  readonly bubble: number;
  readonly tensorComm: number;
  readonly pipelineComm: number;
  /** Data-parallel communication left after overlap with the backward pass. */
  readonly dataComm: number;
  readonly total: number;
}

export interface LayoutEstimate {
  readonly layout: Layout;
  /** Micro-batches per pipeline per step (gradient-accumulation steps). */
  readonly microBatches: number;
  /** Sequences per step: microBatches · b · d (the requested global batch, rounded to the layout). */
  readonly globalBatch: number;
  readonly memory: MemorySplit;
  readonly fits: boolean;
  /** Seconds per step. */
  readonly step: StepTime;
  readonly tokensPerSecond: number;
  /** Model FLOPs per second per GPU over peak: the MFU the run reaches with bubble and communication. */
  readonly achievedMfu: number;
  /** Hardware FLOPs utilisation (recomputation included). */
  readonly achievedHfu: number;
}

/** Seconds for a ring all-reduce of `bytes` over `ranks` GPUs at `bandwidth` bytes/s. */
export function allReduceSeconds(bytes: number, ranks: number, bandwidth: number): number {
  return ranks <= 1 ? 0 : (2 * (ranks - 1) * bytes) / (ranks * bandwidth);
}

export function estimateLayout(setup: TrainingSetup, cluster: ClusterSpec, layout: Layout, globalBatchSequences: number, flops: FlopsPerToken = flopsPerToken(setup.arch, setup.seqLen, layout.recompute, setup.flashAttention)): LayoutEstimate {
  const { arch, seqLen } = setup;
  const { tp, pp, dp, microBatch, recompute, zero } = layout;
  const gpus = tp * pp * dp;
  const microBatches = Math.max(1, Math.round(globalBatchSequences / (microBatch * dp)));
  const globalBatch = microBatches * microBatch * dp;
  const tokensPerStep = globalBatch * seqLen;
  const rate = cluster.peakFlops * cluster.mfu;
  const compute = (tokensPerStep * flops.hardware) / gpus / rate;
  const recomputeSeconds = (tokensPerStep * (flops.hardware - flops.model)) / gpus / rate;
  const activationBytes = setup.precision === 'fp32' || setup.precision === 'tf32' ? 4 : 2;
  const sbhBytes = seqLen * microBatch * arch.dModel * activationBytes;
  const allReduces = recompute === 'full' ? 6 : 4;
  const tensorComm = (microBatches * (arch.layers / pp) * allReduces * allReduceSeconds(sbhBytes, tp, cluster.intraNodeBytesPerSecond));
  const crossNode = gpus > cluster.gpusPerNode;
  const pipelineLink = tp * pp <= cluster.gpusPerNode ? cluster.intraNodeBytesPerSecond : cluster.interNodeBytesPerSecond;
  const pipelineComm = pp > 1 ? (2 * microBatches * (layout.sequenceParallel ? sbhBytes / tp : sbhBytes)) / pipelineLink : 0;
  const memory = memoryPerGpu(setup, layout, microBatches, cluster.gpuMemoryBytes);
  const gradBytes = memory.paramsPerGpu * stateBytes(setup.precision, setup.optimizer, setup.gradDtype).gradients;
  const dataLink = crossNode ? cluster.interNodeBytesPerSecond : cluster.intraNodeBytesPerSecond;
  const dataVolume = zero >= 3 ? 1.5 : 1;
  const dataRaw = dataVolume * allReduceSeconds(gradBytes, dp, dataLink);
  // Backward ≈ 2/3 of a micro-batch's model FLOPs, plus the recomputed forward under full recomputation.
  const overlapWindow = ((compute - recomputeSeconds) * (2 / 3) + recomputeSeconds) / microBatches;
  const dataComm = Math.max(0, dataRaw - overlapWindow);
  const bubble = ((compute + tensorComm) * (pp - 1)) / microBatches;
  const total = compute + tensorComm + bubble + pipelineComm + dataComm;
  const tokensPerSecond = tokensPerStep / total;
  return {
    layout,
    microBatches,
    globalBatch,
    memory,
    fits: memory.total <= cluster.gpuMemoryBytes,
    step: { compute, recompute: recomputeSeconds, bubble, tensorComm, pipelineComm, dataComm, total },
    tokensPerSecond,
    achievedMfu: (tokensPerSecond * flops.model) / gpus / cluster.peakFlops,
    achievedHfu: (tokensPerSecond * flops.hardware) / gpus / cluster.peakFlops,
  };
}

/** Optional restrictions of the search (`--layout`, `--recompute`, `--zero`, `--micro-batch`). */
export interface LayoutConstraints {
  readonly tp?: number;
  readonly pp?: number;
  readonly zero?: ZeroStage;
  readonly recompute?: Recompute;
  readonly microBatch?: number;
}

export interface LayoutSearch {
  /** Fitting layouts, fastest first (seconds per token), at most `keep`. */
  readonly ranked: readonly LayoutEstimate[];
  readonly fittingCount: number;
  readonly searchedCount: number;
  /** The fastest layout ignoring memory: when it does not fit, memory is what binds. */
  readonly fastestIgnoringMemory: LayoutEstimate | undefined;
  /** The layout needing the least memory per GPU (what comes closest when nothing fits). */
  readonly leastMemory: LayoutEstimate | undefined;
}

/** Divisors of n in increasing order. */
export function divisors(n: number): number[] {
  const small: number[] = [];
  const large: number[] = [];
  for (let i = 1; i * i <= n; i++) {
    if (n % i !== 0) continue;
    small.push(i);
    if (i * i !== n) large.unshift(n / i);
  }
  return [...small, ...large];
}

const MAX_MICRO_BATCH = 64;
/**
 * A layout keeps the requested global batch within 25%: m = round(B/(b·d)) micro-batches make
 * m·b·d sequences, and a layout whose b·d alone exceeds 1.25·B would change the batch (a
 * hyperparameter of the run), so it is not a candidate.
 */
export const BATCH_TOLERANCE = 1.25;

/**
 * Every layout of `cluster.gpus` GPUs: t divides the heads and the node (t ≤ GPUs per node),
 * p divides the layers, d = GPUs/(t·p) whole; ZeRO 0–3 (2 and 3 only without pipelining, as
 * DeepSpeed allows), recomputation none/selective/full (selective is the same as none with
 * FlashAttention, so it is skipped then), micro-batch b a power of two with b·d ≤ 1.25 × the global batch.
 * Ranked by seconds per token; ties go to less memory.
 */
export function searchLayouts(setup: TrainingSetup, cluster: ClusterSpec, globalBatchSequences: number, constraints: LayoutConstraints = {}, keep = 5): LayoutSearch {
  const { arch } = setup;
  const tps = divisors(arch.heads).filter((t) => t <= cluster.gpusPerNode && cluster.gpusPerNode % t === 0 && cluster.gpus % t === 0);
  const pps = divisors(arch.layers);
  const recomputes: Recompute[] = constraints.recompute ? [constraints.recompute] : setup.flashAttention ? ['none', 'full'] : ['none', 'selective', 'full'];
  const flopsByMode = new Map(recomputes.map((mode) => [mode, flopsPerToken(arch, setup.seqLen, mode, setup.flashAttention)] as const));
  const fitting: LayoutEstimate[] = [];
  let fastestIgnoringMemory: LayoutEstimate | undefined;
  let leastMemory: LayoutEstimate | undefined;
  let searchedCount = 0;
  const perToken = (estimate: LayoutEstimate): number => 1 / estimate.tokensPerSecond;
  const better = (a: LayoutEstimate, b: LayoutEstimate): boolean => perToken(a) < perToken(b) * (1 - 1e-12) || (Math.abs(perToken(a) / perToken(b) - 1) <= 1e-12 && a.memory.total < b.memory.total);
  for (const tp of tps) {
    if (constraints.tp !== undefined && tp !== constraints.tp) continue;
    for (const pp of pps) {
      if (constraints.pp !== undefined && pp !== constraints.pp) continue;
      if (cluster.gpus % (tp * pp) !== 0) continue;
      const dp = cluster.gpus / (tp * pp);
      for (const zero of ZERO_STAGES) {
        if (constraints.zero !== undefined && zero !== constraints.zero) continue;
        if (pp > 1 && zero >= 2) continue;
        if (dp === 1 && zero > 0 && constraints.zero === undefined) continue; // nothing to shard over
        for (const recompute of recomputes) {
          const flops = flopsByMode.get(recompute);
          if (!flops) continue;
          for (let microBatch = 1; microBatch <= MAX_MICRO_BATCH; microBatch *= 2) {
            if (constraints.microBatch !== undefined && microBatch !== constraints.microBatch) continue;
            if (microBatch * dp > globalBatchSequences * BATCH_TOLERANCE) break;
            const layout: Layout = { tp, pp, dp, zero, recompute, microBatch, sequenceParallel: tp > 1 };
            const estimate = estimateLayout(setup, cluster, layout, globalBatchSequences, flops);
            searchedCount++;
            if (!fastestIgnoringMemory || better(estimate, fastestIgnoringMemory)) fastestIgnoringMemory = estimate;
            if (!leastMemory || estimate.memory.total < leastMemory.memory.total) leastMemory = estimate;
            if (estimate.fits) fitting.push(estimate);
          }
        }
      }
    }
  }
  fitting.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
  return { ranked: fitting.slice(0, keep), fittingCount: fitting.length, searchedCount, fastestIgnoringMemory, leastMemory };
}

export type Binding = 'memory' | 'bubble' | 'communication' | 'recomputation' | 'compute';

/**
 * What limits the best layout: memory when a faster layout exists that does not fit; otherwise
 * the largest overhead on top of the model's own compute (bubble, communication or
 * recomputation), or compute when those are all under 5% of the step.
 */
export function whatBinds(search: LayoutSearch): Binding | undefined {
  const best = search.ranked[0];
  if (!best) return undefined;
  const fastest = search.fastestIgnoringMemory;
  if (fastest && !fastest.fits && fastest.tokensPerSecond > best.tokensPerSecond * 1.005) return 'memory';
  const { step } = best;
  const overheads: [Binding, number][] = [
    ['bubble', step.bubble],
    ['communication', step.tensorComm + step.pipelineComm + step.dataComm],
    ['recomputation', step.recompute],
  ];
  overheads.sort((a, b) => b[1] - a[1]);
  const [top] = overheads;
  return top && top[1] > 0.05 * step.total ? top[0] : 'compute';
}

