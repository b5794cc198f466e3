import type { ChinchillaParams } from '../../domain/presets.js';
import { badInput } from '../../domain/errors.js';
import { createStartGrid, GRID_AB, GRID_E, GRID_EXPONENT } from './grid.js';
import { minimizeLbfgs, type LbfgsResult } from './lbfgs.js';
import {
  createHuberObjective,
  DEFAULT_HUBER_DELTA,
  PARAM_A,
  PARAM_ALPHA,
  PARAM_B,
  PARAM_BETA,
  PARAM_COUNT,
  PARAM_E,
  prepareRuns,
  type PreparedRuns,
} from './objective.js';
import type { Run } from './runs.js';

/** Called as the fit advances, so the CLI can draw a progress bar. */
export type ProgressCallback = (done: number, total: number) => void;

export interface FitOptions {
  /** Huber δ on log loss. @default 1e-3 (Hoffmann et al. 2022 §3.3) */
  readonly delta?: number;
  /** Initial points [e, a, b, α, β]. @default the 4500-point grid of `createStartGrid` */
  readonly starts?: readonly Float64Array[];
  readonly onProgress?: ProgressCallback;
}

/** The result of fitting `L = E + A/N^α + B/D^β` to runs. */
export interface FitResult {
  readonly params: ChinchillaParams;
  /** Sum of Huber losses at the optimum. */
  readonly objective: number;
  /** Whether the best start stopped on a convergence test (not on an iteration cap or line search). */
  readonly converged: boolean;
  /** How many initial points were tried. */
  readonly starts: number;
  /** How many runs were fitted. */
  readonly runs: number;
  readonly delta: number;
  /**
   * The optimum and a few well-separated grid starts among the best, as vectors [e, a, b, α, β]:
   * the warm starts of the bootstrap.
   */
  readonly warmStarts: readonly Float64Array[];
}

// Two-stage multi-start, for speed. Running L-BFGS to convergence from all 4500 grid points costs
// ~480k objective evaluations (~7 s here); nearly all of them fall into the same basin. So every
// start first gets SCREEN_ITERATIONS iterations (~6 evaluations), and the POLISHED_STARTS lowest
// are then run to convergence. This reaches the optimum of the exhaustive search (objective equal
// to a few 1e-15, relative) about fifteen times faster; checked when this was written on Chinchilla
// with and without the 5 highest-loss runs and on synthetic runs with 1% and 3% noise. On Chinchilla
// 13 of the 30 polished starts land on the optimum, a wide margin.
const SCREEN_ITERATIONS = 2;
const POLISHED_STARTS = 30;
// The screen only ranks starts, so on a large table it reads an evenly spaced subset of this many
// runs: 4500 starts × 6 evaluations stay cheap at 20,000 runs. Polishing always uses every run.
const MAX_SCREEN_RUNS = 1000;
const MAX_ITERATIONS = 1000;
const WARM_STARTS = 5;
// The fit needs more runs than the five parameters it estimates.
export const MIN_RUNS = 6;

/** Tight tolerances: the objective is ~1e-3 at the optimum, so L-BFGS-B's default (factr 1e7 on a floor of 1) would stop early. */
export const FIT_LBFGS_OPTIONS = { functionTolerance: 1e-12, functionScale: 1e-6, gradientTolerance: 1e-10, maxIterations: MAX_ITERATIONS } as const;

/**
 * Fits the approach-3 law to runs as Hoffmann et al. 2022 §3.3 and Besiroglu et al. 2024 do:
 * Huber loss on log loss, L-BFGS from a grid of initial points, the lowest objective wins.
 *
 * @example fitScalingLaw(runs).params → { E: 1.8172, A: 477.8, B: 2143, alpha: 0.3473, beta: 0.3672 } (Chinchilla data, 240 runs)
 */
export function fitScalingLaw(runs: readonly Run[], options: FitOptions = {}): FitResult {
  const delta = checkDelta(options.delta ?? DEFAULT_HUBER_DELTA);
  if (runs.length < MIN_RUNS) {
    throw badInput(`a fit needs at least ${MIN_RUNS} runs, got ${runs.length}`, 'the law has five parameters; give more runs (or drop fewer)');
  }
  checkFittable(runs);
  const starts = options.starts ?? createStartGrid();
  const prepared = prepareRuns(runs);
  const best = searchStarts(prepared, delta, starts, options.onProgress);
  const params = toParams(best.winner.x);
  if (!(params.alpha > 0 && params.beta > 0 && Object.values(params).every(Number.isFinite))) {
    throw badInput(
      `the fit gave no usable law (α = ${params.alpha.toPrecision(3)}, β = ${params.beta.toPrecision(3)}; both must be positive)`,
      'the runs must show loss falling with both parameters and tokens: vary both, or drop outliers with --drop-top-loss',
    );
  }
  return {
    params,
    objective: best.winner.f,
    converged: best.winner.converged,
    starts: starts.length,
    runs: runs.length,
    delta,
    warmStarts: best.warmStarts,
  };
}

/** Fewest distinct model sizes and distinct token counts: α and β each need a slope and a curve. */
export const MIN_DISTINCT_VALUES = 3;

/**
 * Refuses runs that cannot determine the five parameters (issue 11): seven identical rows once
 * "converged" to α = 0.94, β = 1.5 and a 1.24e15-parameter optimum. Needs at least
 * MIN_DISTINCT_VALUES distinct N and D, and at least MIN_RUNS distinct (N, D) pairs.
 */
export function checkFittable(runs: readonly Run[]): void {
  const distinct = (values: readonly number[]): number => new Set(values).size;
  const sizes = distinct(runs.map((run) => run.params));
  const tokens = distinct(runs.map((run) => run.tokens));
  const pairs = new Set(runs.map((run) => `${run.params}:${run.tokens}`)).size;
  const hint = 'vary both the model size and the tokens across runs (an IsoFLOP grid: several sizes at each of several budgets)';
  if (sizes < MIN_DISTINCT_VALUES) throw badInput(`the runs have ${sizes} distinct model size${sizes === 1 ? '' : 's'}; a fit needs at least ${MIN_DISTINCT_VALUES} to find α`, hint);
  if (tokens < MIN_DISTINCT_VALUES) throw badInput(`the runs have ${tokens} distinct token count${tokens === 1 ? '' : 's'}; a fit needs at least ${MIN_DISTINCT_VALUES} to find β`, hint);
  if (pairs < MIN_RUNS) throw badInput(`the runs have ${pairs} distinct (N, D) pairs; the law's five parameters need at least ${MIN_RUNS}`, hint);
}

/**
 * The parameters of a fitted law that lie outside the box its starting grid spans
 * (e ∈ [−1, 1], log A and log B ∈ [0, 25], α and β ∈ [0, 2]): a fit that ends there was not pinned
 * down by the runs inside the region where the grid looked, and says so.
 */
export function outsideStartBox(params: ChinchillaParams): string[] {
  const box: Array<[string, number, number, number]> = [
    ['E', Math.log(params.E), GRID_E[0], GRID_E[GRID_E.length - 1] ?? 1],
    ['A', Math.log(params.A), GRID_AB[0], GRID_AB[GRID_AB.length - 1] ?? 25],
    ['B', Math.log(params.B), GRID_AB[0], GRID_AB[GRID_AB.length - 1] ?? 25],
    ['α', params.alpha, GRID_EXPONENT[0], GRID_EXPONENT[GRID_EXPONENT.length - 1] ?? 2],
    ['β', params.beta, GRID_EXPONENT[0], GRID_EXPONENT[GRID_EXPONENT.length - 1] ?? 2],
  ];
  return box.filter(([, value, low, high]) => value < low || value > high).map(([name]) => name);
}

/** Screen every start briefly, polish the best, return the winner and the warm starts. */
function searchStarts(
  prepared: PreparedRuns,
  delta: number,
  starts: readonly Float64Array[],
  onProgress: ProgressCallback | undefined,
): { winner: LbfgsResult; warmStarts: Float64Array[] } {
  const objective = createHuberObjective(prepared, delta);
  const subset = subsampleRuns(prepared, MAX_SCREEN_RUNS);
  const screenObjective = subset === prepared ? objective : createHuberObjective(subset, delta);
  const total = starts.length + Math.min(POLISHED_STARTS, starts.length);
  const screened = starts.map((start, index) => {
    const result = minimizeLbfgs(screenObjective, start, { ...FIT_LBFGS_OPTIONS, maxIterations: SCREEN_ITERATIONS });
    if (onProgress && index % 100 === 99) onProgress(index + 1, total);
    return { start, result };
  });
  const finite = screened.filter(({ result }) => Number.isFinite(result.f)).sort((p, q) => p.result.f - q.result.f);
  const polished = finite.slice(0, POLISHED_STARTS).map(({ start, result }, index) => {
    // A start the screen already converged (on every run) needs no second run.
    const final = result.converged && subset === prepared ? result : minimizeLbfgs(objective, result.x, FIT_LBFGS_OPTIONS);
    onProgress?.(starts.length + index + 1, total);
    return { start, result: final };
  });
  polished.sort((p, q) => p.result.f - q.result.f);
  const winner = polished[0];
  if (!winner) throw badInput('the fit failed: the objective is not finite at any start', 'check the runs for extreme values');
  onProgress?.(total, total);
  return { winner: winner.result, warmStarts: [winner.result.x, ...distinctStarts(polished, WARM_STARTS - 1)] };
}

/** At most `limit` runs, evenly spaced through the table (deterministic); the table itself when it is small. */
export function subsampleRuns(prepared: PreparedRuns, limit: number): PreparedRuns {
  const n = prepared.logLoss.length;
  if (n <= limit) return prepared;
  const pick = (values: Float64Array) => Float64Array.from({ length: limit }, (_, i) => values[Math.floor((i * n) / limit)] ?? 0);
  return {
    logParams: pick(prepared.logParams),
    logTokens: pick(prepared.logTokens),
    logLoss: pick(prepared.logLoss),
    weights: pick(prepared.weights),
  };
}

/**
 * The grid starts of the best polished runs, best first, skipping any within 1 (in every
 * coordinate of [e, a, b, α, β]) of one already kept, so the bootstrap restarts from several
 * regions of the grid rather than from near-copies of one point.
 */
function distinctStarts(polished: ReadonlyArray<{ start: Float64Array }>, count: number): Float64Array[] {
  const kept: Float64Array[] = [];
  for (const { start } of polished) {
    if (kept.length >= count) break;
    if (kept.every((other) => maxDifference(other, start) > 1)) kept.push(start);
  }
  return kept;
}

function maxDifference(p: Float64Array, q: Float64Array): number {
  let max = 0;
  for (let i = 0; i < p.length; i++) max = Math.max(max, Math.abs((p[i] as number) - (q[i] as number)));
  return max;
}

/** [e, a, b, α, β] → { E, A, B, alpha, beta }. */
export function toParams(x: Float64Array): ChinchillaParams {
  if (x.length !== PARAM_COUNT) throw new Error(`expected ${PARAM_COUNT} parameters`);
  return {
    E: Math.exp(x[PARAM_E] as number),
    A: Math.exp(x[PARAM_A] as number),
    B: Math.exp(x[PARAM_B] as number),
    alpha: x[PARAM_ALPHA] as number,
    beta: x[PARAM_BETA] as number,
  };
}

function checkDelta(delta: number): number {
  if (!(delta > 0 && Number.isFinite(delta))) {
    throw badInput(`--delta must be a positive number, got ${delta}`, 'the Huber threshold on log loss; Chinchilla uses 1e-3');
  }
  return delta;
}
