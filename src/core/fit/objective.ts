import type { Run } from './runs.js';

/**
 * The fitting objective of Hoffmann et al. 2022 §3.3 / App. D.2, as Besiroglu et al. 2024
 * (arXiv:2404.10102) replicate it:
 *
 *   min over (a, b, e, α, β) of  Σᵢ Huber_δ( LSE(a − α·log Nᵢ, b − β·log Dᵢ, e) − log Lᵢ )
 *
 * with A = eᵃ, B = eᵇ, E = eᵉ, so LSE(…) = log(E + A/N^α + B/D^β) is the log of the predicted
 * loss. Working in logs keeps A, B, E positive without constraints and the residuals relative.
 * Huber_δ(r) = r²/2 for |r| ≤ δ, else δ·(|r| − δ/2) (scipy.special.huber, which Epoch uses).
 *
 * Parameter vector order used throughout the fit: [e, a, b, α, β].
 */
export const PARAM_E = 0;
export const PARAM_A = 1;
export const PARAM_B = 2;
export const PARAM_ALPHA = 3;
export const PARAM_BETA = 4;
export const PARAM_COUNT = 5;

/** Huber δ of Hoffmann et al. 2022 §3.3 (kept by Besiroglu et al. 2024). */
export const DEFAULT_HUBER_DELTA = 1e-3;

/** Runs prepared for repeated evaluation: logs computed once, in flat arrays. */
export interface PreparedRuns {
  readonly logParams: Float64Array;
  readonly logTokens: Float64Array;
  readonly logLoss: Float64Array;
  /** How many times each run counts (bootstrap resamples repeat runs; 1 for a plain fit). */
  readonly weights: Float64Array;
}

/** Logs of N, D and L for each run, with unit weights. */
export function prepareRuns(runs: readonly Run[]): PreparedRuns {
  const n = runs.length;
  const prepared = {
    logParams: new Float64Array(n),
    logTokens: new Float64Array(n),
    logLoss: new Float64Array(n),
    weights: new Float64Array(n).fill(1),
  };
  runs.forEach((run, i) => {
    prepared.logParams[i] = Math.log(run.params);
    prepared.logTokens[i] = Math.log(run.tokens);
    prepared.logLoss[i] = Math.log(run.loss);
  });
  return prepared;
}

/**
 * The objective with its analytic gradient, for `minimizeLbfgs`. Writes ∂/∂[e, a, b, α, β] into
 * `gradient` and returns the weighted sum of Huber losses.
 */
export function createHuberObjective(
  runs: PreparedRuns,
  delta: number,
): (x: Float64Array, gradient: Float64Array) => number {
  const { logParams, logTokens, logLoss, weights } = runs;
  const n = logLoss.length;
  return (x, gradient) => {
    const e = x[PARAM_E] as number;
    const a = x[PARAM_A] as number;
    const b = x[PARAM_B] as number;
    const alpha = x[PARAM_ALPHA] as number;
    const beta = x[PARAM_BETA] as number;
    let total = 0;
    let gE = 0;
    let gA = 0;
    let gB = 0;
    let gAlpha = 0;
    let gBeta = 0;
    for (let i = 0; i < n; i++) {
      const weight = weights[i] as number;
      if (weight === 0) continue;
      const logN = logParams[i] as number;
      const logD = logTokens[i] as number;
      const t1 = a - alpha * logN;
      const t2 = b - beta * logD;
      // Log-sum-exp shifted by the largest term, so no exp overflows; that term's exp is 1, which
      // saves one of four transcendental calls in the innermost loop of the fit.
      let max: number;
      let x1: number;
      let x2: number;
      let x3: number;
      if (t1 >= t2 && t1 >= e) {
        max = t1;
        x1 = 1;
        x2 = Math.exp(t2 - t1);
        x3 = Math.exp(e - t1);
      } else if (t2 >= e) {
        max = t2;
        x1 = Math.exp(t1 - t2);
        x2 = 1;
        x3 = Math.exp(e - t2);
      } else {
        max = e;
        x1 = Math.exp(t1 - e);
        x2 = Math.exp(t2 - e);
        x3 = 1;
      }
      const sum = x1 + x2 + x3;
      const residual = max + Math.log(sum) - (logLoss[i] as number);
      const magnitude = Math.abs(residual);
      let slope: number;
      if (magnitude <= delta) {
        total += weight * 0.5 * residual * residual;
        slope = weight * residual;
      } else {
        total += weight * delta * (magnitude - 0.5 * delta);
        slope = weight * (residual > 0 ? delta : -delta);
      }
      // ∂LSE/∂tₖ is the softmax weight of term k.
      const w1 = (slope * x1) / sum;
      const w2 = (slope * x2) / sum;
      gA += w1;
      gB += w2;
      gE += (slope * x3) / sum;
      gAlpha -= w1 * logN;
      gBeta -= w2 * logD;
    }
    gradient[PARAM_E] = gE;
    gradient[PARAM_A] = gA;
    gradient[PARAM_B] = gB;
    gradient[PARAM_ALPHA] = gAlpha;
    gradient[PARAM_BETA] = gBeta;
    return total;
  };
}
