import type { ChinchillaLoss } from '../../domain/presets.js';
import { badInput } from '../../domain/errors.js';
import { TRAINING_FLOPS_PER_PARAM_TOKEN as SIX } from '../../domain/units.js';
import { minimizeScalar } from './minimize.js';

/**
 * Data-constrained scaling (Muennighoff et al. 2023, "Scaling Data-Constrained Language Models",
 * arXiv:2305.16264, §3.1 Eq. 5): repeated tokens and excess parameters are worth less than fresh
 * ones, with decay constants fitted in the paper. The loss constants are the scoring model's.
 */

/** Muennighoff et al. 2023, §3.1 (fitted): repetitions beyond ~R_D* add little. */
export const R_D_STAR = 15.387756;
/** Muennighoff et al. 2023, §3.1 (fitted): excess parameters decay alike. */
export const R_N_STAR = 5.309743;

/** Up to ~4 epochs repeated data is almost as good as fresh (Muennighoff et al. 2023, §1 and Fig. 3). */
export const NEAR_FREE_EPOCHS = 4;
/** Beyond ~16 epochs more repetition adds almost no value (Muennighoff et al. 2023, §1). */
export const NEAR_WORTHLESS_EPOCHS = 16;

/**
 * Below this loss gain per 10× compute (nats/token) llm-plan says more compute no longer helps:
 * a tenth of what the Chinchilla law gains per decade near 1e23 FLOPs (≈ 0.08–0.1), i.e. within
 * the noise between two training runs.
 */
export const NO_LONGER_HELPS_NATS = 0.01;

/** Effective (N′, D′) and the loss for N parameters trained on D tokens drawn from U unique ones. */
export interface EffectiveRun {
  readonly params: number;
  readonly tokens: number;
  readonly epochs: number;
  readonly effectiveTokens: number;
  readonly effectiveParams: number;
  /** nats/token under the scoring model, with N′ and D′ in place of N and D. */
  readonly loss: number;
}

/** `plans[].dataConstrained`. */
export interface DataConstrainedPlan extends EffectiveRun {
  readonly uniqueTokens: number;
  readonly lossModel: string;
  /** The (N, D) with the lowest data-constrained loss at the same compute, 6·N·D = C. */
  readonly optimal: EffectiveRun;
  /** The loss no compute goes below with these unique tokens (N, D → ∞). */
  readonly lossFloor: number;
  /** Optimal loss at C minus optimal loss at 10·C. */
  readonly lossGainPer10xCompute: number;
  /** The same gain with unlimited unique data (Hoffmann Eq. 4 optimum at C and 10·C), for comparison. */
  readonly unconstrainedLossGainPer10xCompute: number;
  /** False when `lossGainPer10xCompute` is below NO_LONGER_HELPS_NATS. */
  readonly moreComputeHelps: boolean;
}

/**
 * `D′ = U + U·R_D*·(1 − exp(−R_D/R_D*))`, R_D = D/U − 1 repetitions (Muennighoff Eq. 5). D ≤ U is
 * all fresh: D′ = D.
 *
 * @example effectiveTokens(4e12, 1e12) → 1e12·(1 + 15.387756·(1 − e^(−3/15.387756))) = 3.7259e12
 */
export function effectiveTokens(tokens: number, uniqueTokens: number): number {
  if (tokens <= uniqueTokens) return tokens;
  const repetitions = tokens / uniqueTokens - 1;
  return uniqueTokens + uniqueTokens * R_D_STAR * (1 - Math.exp(-repetitions / R_D_STAR));
}

/**
 * The compute-optimal parameter count for D tokens under the chinchilla form: at the optimum
 * `α·A/N^α = β·B/D^β` (Hoffmann et al. 2022, Eq. 4), so `N = (α·A·D^β/(β·B))^(1/α)`.
 */
export function paramsOptimalForTokens(loss: ChinchillaLoss, tokens: number): number {
  return ((loss.alpha * loss.A * tokens ** loss.beta) / (loss.beta * loss.B)) ** (1 / loss.alpha);
}

/**
 * `N′ = U_N + U_N·R_N*·(1 − exp(−R_N/R_N*))` with `U_N = min(N_opt(U), N)`, `R_N = N/U_N − 1`
 * (Muennighoff Eq. 5): parameters beyond what U unique tokens can use are worth less.
 */
export function effectiveParams(loss: ChinchillaLoss, params: number, uniqueTokens: number): number {
  const uniqueParams = Math.min(paramsOptimalForTokens(loss, uniqueTokens), params);
  const excess = params / uniqueParams - 1;
  return uniqueParams + uniqueParams * R_N_STAR * (1 - Math.exp(-excess / R_N_STAR));
}

/**
 * N, D and the data-constrained loss for a run on U unique tokens. The unique tokens the run sees
 * are `U_D = min(U, D)`: a run shorter than one epoch is all fresh data.
 */
export function evaluateDataConstrained(loss: ChinchillaLoss, params: number, tokens: number, uniqueTokens: number): EffectiveRun {
  const seenUnique = Math.min(uniqueTokens, tokens);
  const dPrime = effectiveTokens(tokens, seenUnique);
  const nPrime = effectiveParams(loss, params, seenUnique);
  return {
    params,
    tokens,
    epochs: tokens / uniqueTokens,
    effectiveTokens: dPrime,
    effectiveParams: nPrime,
    loss: loss.E + loss.A / nPrime ** loss.alpha + loss.B / dPrime ** loss.beta,
  };
}

/**
 * The run with the lowest data-constrained loss at `flops` = 6·N·D: a 1-D search over ln N with
 * D = C/(6N) (grid, then golden section), ±12 in ln(tokens per parameter) around N = D.
 */
export function optimizeDataConstrained(loss: ChinchillaLoss, flops: number, uniqueTokens: number): EffectiveRun {
  const evaluate = (logParams: number): EffectiveRun => {
    const params = Math.exp(logParams);
    return evaluateDataConstrained(loss, params, flops / (SIX * params), uniqueTokens);
  };
  const centre = Math.log(flops / SIX) / 2;
  return evaluate(minimizeScalar((logParams) => evaluate(logParams).loss, centre - 12, centre + 12));
}

/** The limit of the data-constrained loss as N and D grow without bound. */
export function dataConstrainedLossFloor(loss: ChinchillaLoss, uniqueTokens: number): number {
  const maxParams = paramsOptimalForTokens(loss, uniqueTokens) * (1 + R_N_STAR);
  const maxTokens = uniqueTokens * (1 + R_D_STAR);
  return loss.E + loss.A / maxParams ** loss.alpha + loss.B / maxTokens ** loss.beta;
}

/**
 * The loss at the unconstrained compute-optimal allocation (Hoffmann et al. 2022, Eq. 4):
 * `N = G·(C/6)^(β/(α+β))`, `D = C/(6N)`, `G = (αA/(βB))^(1/(α+β))`.
 */
export function unconstrainedOptimalLoss(loss: ChinchillaLoss, flops: number): number {
  const { E, A, B, alpha, beta } = loss;
  const G = ((alpha * A) / (beta * B)) ** (1 / (alpha + beta));
  const params = G * (flops / SIX) ** (beta / (alpha + beta));
  return E + A / params ** alpha + B / (flops / (SIX * params)) ** beta;
}

/** The `dataConstrained` section for a plan (N, D) at `flops` with U unique tokens. */
export function planDataConstrained(loss: ChinchillaLoss, params: number, tokens: number, flops: number, uniqueTokens: number): DataConstrainedPlan {
  if (!(uniqueTokens > 0 && Number.isFinite(uniqueTokens))) throw badInput(`--unique-tokens must be positive, got ${uniqueTokens}`);
  const optimal = optimizeDataConstrained(loss, flops, uniqueTokens);
  const lossGainPer10xCompute = optimal.loss - optimizeDataConstrained(loss, 10 * flops, uniqueTokens).loss;
  return {
    uniqueTokens,
    lossModel: loss.id,
    ...evaluateDataConstrained(loss, params, tokens, uniqueTokens),
    optimal,
    lossFloor: dataConstrainedLossFloor(loss, uniqueTokens),
    lossGainPer10xCompute,
    unconstrainedLossGainPer10xCompute: unconstrainedOptimalLoss(loss, flops) - unconstrainedOptimalLoss(loss, 10 * flops),
    moreComputeHelps: lossGainPer10xCompute >= NO_LONGER_HELPS_NATS,
  };
}
