import { formatCount, formatNumber } from '../format.js';
import { NEAR_FREE_EPOCHS, NEAR_WORTHLESS_EPOCHS, NO_LONGER_HELPS_NATS, type DataConstrainedPlan } from './data-constrained.js';
import type { InferencePlan } from './inference.js';

/** The warnings the constraint sections add to a plan's notes: one sentence each, saying what to do. */

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

/** Threshold above which a plan counts as off its scoring model's loss-optimal frontier. */
const OFF_FRONTIER_FRACTION = 0.01;

/**
 * Says how much of the inference saving needs no inference at all: a power-law plan scored by a
 * model whose optimum differs (deepmind's 20 tokens/parameter under hoffmann2022) is beaten at the
 * same loss by re-allocating alone.
 */
export function describeInference(rule: string, section: InferencePlan): string[] {
  if (section.trainingOnlySavingFraction < OFF_FRONTIER_FRACTION) return [];
  const percent = (fraction: number): string => `${(fraction * 100).toFixed(1)}%`;
  return [
    `${rule}'s plan is not loss-optimal under ${section.lossModel}: ${percent(section.trainingOnlySavingFraction)} of its training compute would be saved at the same loss ` +
      `with no inference at all, part of the ${percent(section.lifetimeSavingFraction)} lifetime saving. --rule optimal starts from the loss-optimal model.`,
  ];
}
