import type { ChinchillaParams } from '../domain/presets.js';
import { logSpace } from './budget-range.js';
import { computeOptimal } from './fit/optimal.js';
import { CURVE_SAMPLES, type IsoflopPoint } from './plot-data.js';
import { TRAINING_FLOPS_PER_PARAM_TOKEN as SIX } from '../domain/units.js';

/** One observed training run, as a fit reads it. */
export interface ObservedRun {
  readonly params: number;
  readonly tokens: number;
  readonly loss: number;
}

/** Runs of about the same compute, with the fitted law's IsoFLOP curve at that compute. */
export interface FitBucket {
  /** Geometric mean of the runs' `6·N·D`. */
  readonly flops: number;
  readonly runs: readonly ObservedRun[];
  readonly curve: readonly IsoflopPoint[];
}

/** Observed runs grouped by compute, each group with the fitted law's curve: what `fit --svg` draws. */
export interface FitPlot {
  readonly kind: 'fit';
  readonly law: ChinchillaParams;
  readonly buckets: readonly FitBucket[];
  /**
   * The law's compute-optimal runs from the smallest bucket's compute to the largest:
   * `N_opt(C)` (Hoffmann et al. 2022, Eq. 4), `D = C/(6N)`, and the law's loss there. It passes
   * through the bottom of every bucket's curve.
   */
  readonly optimal: readonly IsoflopPoint[];
}

/**
 * Runs whose compute `6·N·D` rounds to the same quarter decade share a bucket: IsoFLOP experiments
 * use a handful of fixed budgets (Hoffmann et al. 2022 §3.2 use nine), and a quarter decade (×1.78)
 * keeps neighbouring budgets apart while absorbing the small spread of real token counts.
 */
const BUCKETS_PER_DECADE = 4;

/**
 * Groups observed runs by compute and draws the law `E + A/N^α + B/D^β` along each group's
 * IsoFLOP line, over the group's range of N (widened by a third of a decade each side).
 *
 * @example createFitPlot([{ params: 1e8, tokens: 2e9, loss: 3.1 }], { E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 })
 */
export function createFitPlot(runs: readonly ObservedRun[], law: ChinchillaParams, samples = CURVE_SAMPLES): FitPlot {
  const groups = new Map<number, ObservedRun[]>();
  for (const run of runs) {
    const key = Math.round(Math.log10(SIX * run.params * run.tokens) * BUCKETS_PER_DECADE);
    groups.set(key, [...(groups.get(key) ?? []), run]);
  }
  const widen = 10 ** (1 / 3);
  const buckets = [...groups.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, members]) => {
      const flops = Math.exp(members.reduce((sum, run) => sum + Math.log(SIX * run.params * run.tokens), 0) / members.length);
      const sizes = members.map((run) => run.params);
      const curve = logSpace(Math.min(...sizes) / widen, Math.max(...sizes) * widen, samples).map((params) => {
        const tokens = flops / (SIX * params);
        return { params, tokens, loss: law.E + law.A / params ** law.alpha + law.B / tokens ** law.beta };
      });
      return { flops, runs: members, curve };
    });
  const lowest = buckets[0]?.flops ?? 0;
  const highest = buckets[buckets.length - 1]?.flops ?? 0;
  const optimal = (highest > lowest ? logSpace(lowest, highest, samples) : lowest > 0 ? [lowest] : []).map((flops) => {
    const { params, tokens } = computeOptimal(law, flops);
    return { params, tokens, loss: law.E + law.A / params ** law.alpha + law.B / tokens ** law.beta };
  });
  return { kind: 'fit', law, buckets, optimal };
}
