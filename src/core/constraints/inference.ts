import type { ChinchillaLoss } from '../../domain/presets.js';
import { badInput } from '../../domain/errors.js';
import { TRAINING_FLOPS_PER_PARAM_TOKEN as SIX } from '../../domain/units.js';
import { bisectRoot } from './minimize.js';

/**
 * Inference-aware sizing (Sardana et al. 2023, "Beyond Chinchilla-Optimal: Accounting for Inference
 * in Language Model Scaling Laws", arXiv:2401.00448, §2): keep the plan's loss ℓ and minimise
 * lifetime compute `6·N·D_train + 2·N·D_inference` on the curve `L(N, D_train) = ℓ`.
 */

/** Inference FLOPs per parameter per token: one forward pass (Kaplan et al. 2020, Table 1). */
export const INFERENCE_FLOPS_PER_PARAM_TOKEN = 2;

/** One model's training and lifetime compute. */
export interface LifetimeRun {
  readonly params: number;
  readonly trainingTokens: number;
  readonly trainingFlops: number;
  readonly inferenceFlops: number;
  readonly lifetimeFlops: number;
}

/** `plans[].inference`. */
export interface InferencePlan extends LifetimeRun {
  readonly inferenceTokens: number;
  readonly lossModel: string;
  /** The loss both models reach, nats/token: the plan's own. */
  readonly loss: number;
  /** The plan as it stands, serving the same inference tokens. */
  readonly baseline: LifetimeRun;
  readonly lifetimeFlopsSaved: number;
  /** `lifetimeFlopsSaved / baseline.lifetimeFlops`. */
  readonly lifetimeSavingFraction: number;
  /**
   * The training compute saved at the same loss with no inference at all: how far the plan is from
   * loss-optimal under the scoring model (0 for `--rule optimal`). Part of `lifetimeSavingFraction`
   * comes from this, not from the inference demand.
   */
  readonly trainingOnlySavingFraction: number;
}

/**
 * Training tokens that bring N parameters to loss ℓ: `D = (B / (ℓ − E − A/N^α))^(1/β)`, or
 * Infinity when N alone cannot reach ℓ.
 */
export function tokensForLoss(loss: ChinchillaLoss, params: number, target: number): number {
  const remaining = target - loss.E - loss.A / params ** loss.alpha;
  return remaining > 0 ? (loss.B / remaining) ** (1 / loss.beta) : Number.POSITIVE_INFINITY;
}

function lifetime(params: number, trainingTokens: number, inferenceTokens: number): LifetimeRun {
  const trainingFlops = SIX * params * trainingTokens;
  const inferenceFlops = INFERENCE_FLOPS_PER_PARAM_TOKEN * params * inferenceTokens;
  return { params, trainingTokens, trainingFlops, inferenceFlops, lifetimeFlops: trainingFlops + inferenceFlops };
}

/**
 * The N minimising lifetime compute at loss ℓ. With x = A/N^α and r = ℓ − E − x = B/D^β, the
 * derivative of `6·N·D(N) + 2·N·D_inf` is `6·D·(1 − α·x/(β·r)) + 2·D_inf`; it runs from −∞ (N just
 * large enough to reach ℓ) to positive, and its root is found by bisection in ln N. With D_inf = 0
 * the root is the Chinchilla optimum `α·A/N^α = β·B/D^β`.
 */
export function paramsMinimizingLifetime(loss: ChinchillaLoss, target: number, inferenceTokens: number, start: number): number {
  const slope = (logParams: number): number => {
    const params = Math.exp(logParams);
    const x = loss.A / params ** loss.alpha;
    const r = target - loss.E - x;
    if (r <= 0) return Number.NEGATIVE_INFINITY;
    const tokens = (loss.B / r) ** (1 / loss.beta);
    return SIX * tokens * (1 - (loss.alpha * x) / (loss.beta * r)) + INFERENCE_FLOPS_PER_PARAM_TOKEN * inferenceTokens;
  };
  const lowest = Math.log(loss.A / (target - loss.E)) / loss.alpha;
  let high = Math.max(Math.log(start), lowest + 1e-6);
  while (!(slope(high) > 0)) high += 1;
  return Math.exp(bisectRoot(slope, lowest, high));
}

/** The `inference` section: the plan (N, D) against the smaller model that reaches its loss cheaper over its lifetime. */
export function planForInference(loss: ChinchillaLoss, params: number, tokens: number, inferenceTokens: number): InferencePlan {
  if (!(inferenceTokens >= 0 && Number.isFinite(inferenceTokens))) throw badInput(`--inference-tokens must be a non-negative number, got ${inferenceTokens}`);
  const target = loss.E + loss.A / params ** loss.alpha + loss.B / tokens ** loss.beta;
  const bestParams = paramsMinimizingLifetime(loss, target, inferenceTokens, params);
  const best = lifetime(bestParams, tokensForLoss(loss, bestParams, target), inferenceTokens);
  const baseline = lifetime(params, tokens, inferenceTokens);
  // A non-optimal baseline (a power-law rule scored by another model) can be beaten even with no
  // inference; the optimum is never worse than the baseline, which lies on the same curve.
  const chosen = best.lifetimeFlops <= baseline.lifetimeFlops ? best : baseline;
  const lifetimeFlopsSaved = baseline.lifetimeFlops - chosen.lifetimeFlops;
  const optimalParams = paramsMinimizingLifetime(loss, target, 0, params);
  const optimalTrainingFlops = Math.min(SIX * optimalParams * tokensForLoss(loss, optimalParams, target), baseline.trainingFlops);
  return {
    inferenceTokens,
    lossModel: loss.id,
    loss: target,
    ...chosen,
    baseline,
    lifetimeFlopsSaved,
    lifetimeSavingFraction: lifetimeFlopsSaved / baseline.lifetimeFlops,
    trainingOnlySavingFraction: 1 - optimalTrainingFlops / baseline.trainingFlops,
  };
}
