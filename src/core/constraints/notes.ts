import { formatCount, formatNumber } from '../format.js';
import { formatBytes } from '../format-bytes.js';
import { NEAR_FREE_EPOCHS, NEAR_WORTHLESS_EPOCHS, NO_LONGER_HELPS_NATS, type DataConstrainedPlan } from './data-constrained.js';
import type { MemoryEstimate } from './memory.js';

/** The warnings the constraint sections add to a plan's notes: one sentence each, saying what to do. */

/** The warning for a plan whose memory per GPU exceeds the GPU's, with the way out that works. */
export function describeMisfit(memory: MemoryEstimate): string {
  const where = `ZeRO-${memory.zeroStage} over ${memory.gpus} GPU${memory.gpus === 1 ? '' : 's'}`;
  const head = `Does not fit in GPU memory: ${formatBytes(memory.totalBytesPerGpu)} per GPU (${where}) against ${formatBytes(memory.gpuMemoryBytes)}`;
  if (memory.lowestFittingZeroStage !== null) return `${head}; --zero ${memory.lowestFittingZeroStage} fits.`;
  if (memory.minGpusForModelStates !== null && memory.minGpusForModelStates > memory.gpus) {
    return `${head}; the model states alone need ${memory.minGpusForModelStates} GPUs at ZeRO-${memory.zeroStage}.`;
  }
  return `${head}; no ZeRO stage fits on ${memory.gpus} GPUs: add GPUs, raise --zero, or try --recompute full or a smaller --micro-batch.`;
}

/** Warnings about repetition (beyond ~4 and ~16 epochs) and about compute that no longer helps. */
export function describeDataConstrained(section: DataConstrainedPlan): string[] {
  const notes: string[] = [];
  const unique = formatCount(section.uniqueTokens);
  if (section.epochs > NEAR_WORTHLESS_EPOCHS) {
    notes.push(`${formatNumber(section.epochs)} epochs over ${unique} unique tokens: beyond ~${NEAR_WORTHLESS_EPOCHS} epochs more repetition adds almost nothing (Muennighoff et al. 2023).`);
  } else if (section.epochs > NEAR_FREE_EPOCHS) {
    notes.push(`${formatNumber(section.epochs)} epochs over ${unique} unique tokens: beyond ~${NEAR_FREE_EPOCHS} epochs repeated data is worth clearly less than fresh data (Muennighoff et al. 2023).`);
  }
  if (!section.moreComputeHelps) {
    const gain = `10× this budget lowers the best loss by only ${section.lossGainPer10xCompute.toFixed(4)} nats/token (< ${NO_LONGER_HELPS_NATS})`;
    notes.push(
      section.unconstrainedLossGainPer10xCompute >= NO_LONGER_HELPS_NATS
        ? `More compute no longer helps with ${unique} unique tokens: ${gain}, against ${section.unconstrainedLossGainPer10xCompute.toFixed(4)} with unlimited data; the floor is ${section.lossFloor.toFixed(3)}. Find more unique data.`
        : `More compute no longer helps: ${gain}, and unlimited data would not change that (the law approaches its irreducible loss here).`,
    );
  }
  return notes;
}
