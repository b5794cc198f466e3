import type { ChinchillaParams } from '../../domain/presets.js';
import { badInput } from '../../domain/errors.js';
import { FIT_LBFGS_OPTIONS, toParams, type FitResult, type ProgressCallback } from './fit.js';
import { minimizeLbfgs } from './lbfgs.js';
import { MAX_BOOTSTRAP_SAMPLES } from './limits.js';
import { createHuberObjective, prepareRuns } from './objective.js';
import { createRandom } from './prng.js';
import type { Run } from './runs.js';

/** Central mass of the reported percentile intervals. */
export const BOOTSTRAP_CONFIDENCE = 0.95;

export interface BootstrapOptions {
  readonly samples: number;
  readonly seed: number;
  readonly onProgress?: ProgressCallback;
}

export type ParamName = keyof ChinchillaParams;
export const PARAM_NAMES: readonly ParamName[] = ['E', 'A', 'B', 'alpha', 'beta'];

export interface BootstrapResult {
  /** Resamples that gave a valid law (all five parameters positive and finite). */
  readonly samples: number;
  /** Resamples whose refit gave a non-positive exponent or a non-finite value; left out. */
  readonly failed: number;
  readonly seed: number;
  readonly confidence: number;
  readonly intervals: Readonly<Record<ParamName, readonly [number, number]>>;
  readonly draws: readonly ChinchillaParams[];
}

/**
 * Nonparametric bootstrap: resample the runs with replacement `samples` times (seeded mulberry32),
 * refit each resample, and give percentile intervals of every parameter.
 *
 * Speed choice: a refit does not rerun the 4500-point grid. It starts from the full-data optimum
 * and from the few well-separated grid starts that did best on the full data (`fit.warmStarts`),
 * and keeps the lowest objective. A resample is a small perturbation of the data, so its optimum
 * lies near the full-data one; the extra grid starts guard against a resample whose best basin
 * moved. This is what makes 1000 resamples take seconds instead of hours.
 */
export function bootstrapFit(runs: readonly Run[], fit: FitResult, options: BootstrapOptions): BootstrapResult {
  const { samples, seed } = options;
  if (!Number.isInteger(samples) || samples < 1 || samples > MAX_BOOTSTRAP_SAMPLES) {
    throw badInput(`--bootstrap must be a whole number from 1 to ${MAX_BOOTSTRAP_SAMPLES}, got ${samples}`, 'for example --bootstrap 1000');
  }
  const random = createRandom(seed);
  const prepared = prepareRuns(runs);
  const { weights } = prepared;
  const objective = createHuberObjective(prepared, fit.delta);
  const n = runs.length;
  const draws: ChinchillaParams[] = [];
  for (let sample = 0; sample < samples; sample++) {
    // A resample as counts per run: equivalent to repeating the runs, with no copies.
    weights.fill(0);
    for (let i = 0; i < n; i++) {
      const picked = Math.floor(random() * n);
      weights[picked] = (weights[picked] as number) + 1;
    }
    let best: { f: number; x: Float64Array } | undefined;
    for (const start of fit.warmStarts) {
      const result = minimizeLbfgs(objective, start, FIT_LBFGS_OPTIONS);
      if (Number.isFinite(result.f) && (!best || result.f < best.f)) best = result;
    }
    const params = best ? toParams(best.x) : undefined;
    if (params && isValidLaw(params)) draws.push(params);
    options.onProgress?.(sample + 1, samples);
  }
  if (draws.length === 0) throw badInput('no bootstrap resample gave a valid law', 'the runs do not determine the five parameters; add runs');
  return {
    samples: draws.length,
    failed: samples - draws.length,
    seed,
    confidence: BOOTSTRAP_CONFIDENCE,
    intervals: intervalsOf(draws, BOOTSTRAP_CONFIDENCE),
    draws,
  };
}

function intervalsOf(draws: readonly ChinchillaParams[], confidence: number): Record<ParamName, [number, number]> {
  const entries = PARAM_NAMES.map((name) => [name, percentileInterval(draws.map((draw) => draw[name]), confidence)] as const);
  return Object.fromEntries(entries) as Record<ParamName, [number, number]>;
}

/** All five parameters positive and finite, as a loss-model preset requires. */
export function isValidLaw(params: ChinchillaParams): boolean {
  return PARAM_NAMES.every((name) => params[name] > 0 && Number.isFinite(params[name]));
}

/**
 * The central `confidence` interval of `values` by percentiles, interpolating linearly between
 * order statistics (Hyndman & Fan 1996 type 7, numpy's default).
 *
 * @example percentileInterval([1, 2, 3, 4, 5], 0.5) → [2, 4]
 */
export function percentileInterval(values: readonly number[], confidence: number): [number, number] {
  const sorted = [...values].sort((p, q) => p - q);
  const tail = (1 - confidence) / 2;
  return [quantile(sorted, tail), quantile(sorted, 1 - tail)];
}

function quantile(sorted: readonly number[], p: number): number {
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  const low = sorted[below] as number;
  return low + (position - below) * ((sorted[above] as number) - low);
}
