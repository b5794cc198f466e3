import type { ChinchillaParams } from '../../presets/schemas.js';
import { compareRuns, computeOptimal, type RunComparison } from './optimal.js';
import type { Run } from './runs.js';

/** One point of the compute-optimal frontier of a law. */
export interface FrontierPoint {
  readonly flops: number;
  readonly params: number;
  readonly tokens: number;
  readonly loss: number;
}

/** What a plot of a fit needs: the runs against the law, and the law's frontier over their range. */
export interface FitPlotData {
  readonly runs: RunComparison[];
  readonly frontier: FrontierPoint[];
}

/**
 * Plot data for a fitted law and the runs it was fitted on: each run with its predicted loss and
 * log residual, and `points` log-spaced points of the compute-optimal frontier spanning the runs'
 * training FLOPs (`6·N·D`), extended `padDecades` decades beyond the largest run, where the law is used.
 *
 * @example createFitPlotData(law, runs).frontier[0].flops → the smallest run's 6·N·D
 */
export function createFitPlotData(law: ChinchillaParams, runs: readonly Run[], points = 50, padDecades = 2): FitPlotData {
  const compared = compareRuns(law, runs);
  if (compared.length === 0) return { runs: compared, frontier: [] };
  const logLow = Math.log10(Math.min(...compared.map((run) => run.flops)));
  const logHigh = Math.log10(Math.max(...compared.map((run) => run.flops))) + padDecades;
  const count = Math.max(2, Math.floor(points));
  const frontier = Array.from({ length: count }, (_, i) => {
    const flops = 10 ** (logLow + ((logHigh - logLow) * i) / (count - 1));
    const { params, tokens } = computeOptimal(law, flops);
    return { flops, params, tokens, loss: law.E + law.A / params ** law.alpha + law.B / tokens ** law.beta };
  });
  return { runs: compared, frontier };
}
