import type { ChinchillaParams, LossModel, Rule } from '../domain/presets.js';
import { PlanError } from '../domain/errors.js';
import { TRAINING_FLOPS_PER_PARAM_TOKEN as SIX } from '../domain/units.js';

/**
 * `N(C) = exp(logCoefficient) · C^exponent`. Every built-in rule allocates parameters as a pure power
 * law in compute, which is what makes each inverse query a closed form:
 *
 * - power law: `N0·(C/C0)^a`, so `log k = log N0 − a·log C0`
 * - loss-optimal, chinchilla form: `G·(C/6)^a` with `a = β/(α+β)` (Hoffmann et al. 2022, Eq. 4)
 * - loss-optimal, kaplan form: `(p·Nc^p·C/(6·Dc))^(1/(p+1))`, `p = αN/αD` (see rules.ts)
 *
 * Logs keep `Nc^p` and `C0^a` from overflowing for any exponent.
 */
export interface ParamsLaw {
  readonly logCoefficient: number;
  readonly exponent: number;
}

/** The power law through a published or user-given (N0, C0) with exponent a. */
export function powerLawThrough(anchor: { readonly params: number; readonly flops: number }, exponent: number): ParamsLaw {
  return { logCoefficient: Math.log(anchor.params) - exponent * Math.log(anchor.flops), exponent };
}

/**
 * The loss-optimal frontier of `E + A/N^α + B/D^β`: `N = G·(C/6)^(β/(α+β))`,
 * `G = (αA/(βB))^(1/(α+β))` (Hoffmann et al. 2022, Eq. 4).
 */
export function chinchillaOptimalLaw({ A, B, alpha, beta }: ChinchillaParams): ParamsLaw {
  const exponent = beta / (alpha + beta);
  const logG = (Math.log(alpha * A) - Math.log(beta * B)) / (alpha + beta);
  return { logCoefficient: logG - exponent * Math.log(SIX), exponent };
}

/**
 * The law by which a rule (scored by a loss model, which only `optimal` depends on) allocates N, when
 * it is a pure power of C (every kind but `flops-per-token-law`).
 *
 * @example paramsLawOf(deepmind, hoffmann2022) → N = 70e9 · (C / 5.88e23)^0.5
 */
export function paramsLawOf(rule: Rule, loss: LossModel): ParamsLaw {
  const law = powerLawOf(rule, loss);
  if (!law) throw new PlanError('internal', `rule '${rule.id}' does not allocate N as a power of C`);
  return law;
}

/** The power law of a rule, or undefined for a rule whose N is not a pure power of C. */
export function powerLawOf(rule: Rule, loss: LossModel): ParamsLaw | undefined {
  if (rule.kind === 'power-law') return powerLawThrough(rule.anchor, rule.exponent);
  if (rule.kind === 'fitted-law') return chinchillaOptimalLaw(rule.law);
  // N = C^(1−α) / (6·A).
  if (rule.kind === 'tokens-power-law') return { logCoefficient: -Math.log(SIX * rule.coefficient), exponent: 1 - rule.exponent };
  // N follows M_opt through a shape, not a pure power of C: inverse queries solve numerically.
  if (rule.kind === 'flops-per-token-law') return undefined;
  if (loss.form === 'chinchilla') return chinchillaOptimalLaw(loss);
  // Kaplan form: log N = (log p + p·log Nc + log C − log(6·Dc)) / (p + 1).
  const p = loss.alphaN / loss.alphaD;
  return { logCoefficient: (Math.log(p) + p * Math.log(loss.Nc) - Math.log(SIX * loss.Dc)) / (p + 1), exponent: 1 / (p + 1) };
}

/** N at C FLOPs under the law. */
export function paramsAt(law: ParamsLaw, flops: number): number {
  return Math.exp(law.logCoefficient + law.exponent * Math.log(flops));
}

/**
 * The C at which the law allocates `params` parameters: `log C = (log N − log k) / a`.
 *
 * @example flopsForParams(deepmindLaw, 70e9) → 5.88e23
 */
export function flopsForParams(law: ParamsLaw, params: number): number {
  return Math.exp((Math.log(params) - law.logCoefficient) / law.exponent);
}

/**
 * The C at which the law trains on `tokens` tokens. `D = C/(6N) = C^(1−a) / (6k)`, so
 * `log C = (log D + log 6 + log k) / (1 − a)`.
 *
 * @example flopsForTokens(deepmindLaw, 1.4e12) → 5.88e23
 */
export function flopsForTokens(law: ParamsLaw, tokens: number): number {
  return Math.exp((Math.log(tokens) + Math.log(SIX) + law.logCoefficient) / (1 - law.exponent));
}
