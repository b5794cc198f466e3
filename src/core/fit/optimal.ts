import type { ChinchillaParams } from '../../domain/presets.js';
import { TRAINING_FLOPS_PER_PARAM_TOKEN as SIX } from '../../domain/units.js';
import type { Run } from './runs.js';

/**
 * The compute-optimal allocation of C FLOPs under a fitted law, on the curve `6·N·D = C`:
 * `N = G·(C/6)^(β/(α+β))`, `G = (αA/(βB))^(1/(α+β))` (Hoffmann et al. 2022, Eq. 4).
 *
 * @example computeOptimal(besiroglu2024, 1e24) → { params: 9.59e10, tokens: 1.74e12 }
 */
export function computeOptimal(law: ChinchillaParams, flops: number): { params: number; tokens: number } {
  const { A, B, alpha, beta } = law;
  const G = ((alpha * A) / (beta * B)) ** (1 / (alpha + beta));
  const params = G * (flops / SIX) ** (beta / (alpha + beta));
  return { params, tokens: flops / (SIX * params) };
}

/** Exponent a of `N_opt ∝ C^a`: β/(α+β) (Hoffmann et al. 2022, Eq. 4). */
export function optimalParamsExponent(law: ChinchillaParams): number {
  return law.beta / (law.alpha + law.beta);
}

/** A run next to the law's prediction for it: what a residual plot needs. */
export interface RunComparison extends Run {
  readonly flops: number;
  readonly predictedLoss: number;
  /** log(observed) − log(predicted): the residual the fit's Huber loss sees (with the sign flipped). */
  readonly logResidual: number;
}

/**
 * Each run with the law's predicted loss and the log residual, in input order. Pure data for
 * plots and reports.
 */
export function compareRuns(law: ChinchillaParams, runs: readonly Run[]): RunComparison[] {
  return runs.map((run) => {
    const predictedLoss = law.E + law.A / run.params ** law.alpha + law.B / run.tokens ** law.beta;
    return { ...run, flops: SIX * run.params * run.tokens, predictedLoss, logResidual: Math.log(run.loss / predictedLoss) };
  });
}
