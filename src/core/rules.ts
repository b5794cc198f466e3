import type { LossModel, Rule } from '../domain/presets.js';
import { allocateFlopsPerToken } from './flops-per-token.js';
import { TRAINING_FLOPS_PER_PARAM_TOKEN as SIX } from '../domain/units.js';

/** How a budget splits: N parameters trained on D tokens, with `6·N·D = C`. */
export interface Allocation {
  readonly params: number;
  readonly tokens: number;
}

/**
 * The exponent a of `N_opt ∝ C^a` for a rule (with the loss model that scores it, which only the
 * loss-optimal rule depends on). Tokens then grow as `C^(1−a)`.
 *
 * - power law: the rule's published exponent
 * - loss-optimal, chinchilla form: `β/(α+β)` (Hoffmann et al. 2022, Eq. 4)
 * - loss-optimal, kaplan form: `1/(1+p)` with `p = αN/αD` (derived in `allocateLossOptimal`)
 */
export function paramsExponent(rule: Rule, loss: LossModel): number {
  if (rule.kind === 'power-law') return rule.exponent;
  if (rule.kind === 'fitted-law') return rule.law.beta / (rule.law.alpha + rule.law.beta);
  if (rule.kind === 'tokens-power-law') return 1 - rule.exponent;
  // M_opt ∝ C^a; N follows M through the shape, so a is N's exponent at large scale.
  if (rule.kind === 'flops-per-token-law') return rule.modelScale.exponent;
  if (loss.form === 'chinchilla') return loss.beta / (loss.alpha + loss.beta);
  return 1 / (1 + loss.alphaN / loss.alphaD);
}

/**
 * Splits C training FLOPs into (N, D) under a rule. D is always `C/(6N)`, so a plan spends
 * exactly its budget (to floating-point precision): a product rule, not an approximation.
 *
 * @example allocate(deepmind, 9e20, hoffmann2022) → { params: 2.7386e9, tokens: 5.477e10 }
 */
export function allocate(rule: Rule, flops: number, loss: LossModel): Allocation {
  return withTokens(allocateParams(rule, flops, loss), flops);
}

function withTokens(params: number, flops: number): Allocation {
  return { params, tokens: flops / (SIX * params) };
}

/** N at C under a rule; D is always C/(6N). */
function allocateParams(rule: Rule, flops: number, loss: LossModel): number {
  switch (rule.kind) {
    case 'power-law':
      return allocatePowerLaw(rule.exponent, rule.anchor, flops);
    case 'loss-optimal':
      return allocateLossOptimal(loss, flops);
    case 'fitted-law':
      return allocateLossOptimal({ ...rule.law, form: 'chinchilla' } as LossModel, flops);
    case 'tokens-power-law':
      // D = A·C^α tokens, N = C/(6·D), written as one power of C so N is monotone to the last bit.
      return flops ** (1 - rule.exponent) / (SIX * rule.coefficient);
    case 'flops-per-token-law':
      return allocateFlopsPerToken(rule, flops).params;
  }
}

/** `N(C) = N0 · (C/C0)^a`, anchored at a published (N0, C0). */
function allocatePowerLaw(exponent: number, anchor: { params: number; flops: number }, flops: number): number {
  return anchor.params * (flops / anchor.flops) ** exponent;
}

/**
 * The N that minimises the loss model on the curve `D = C/(6N)`.
 *
 * Chinchilla form: `N = G·(C/6)^(β/(α+β))`, `G = (αA/(βB))^(1/(α+β))` (Hoffmann et al. 2022, Eq. 4).
 * Kaplan form: L is monotone in `f(N) = (Nc/N)^p + 6·Dc·N/C` (p = αN/αD); `f'(N) = 0` gives
 * `N = (p·Nc^p·C/(6·Dc))^(1/(p+1))`.
 */
export function allocateLossOptimal(loss: LossModel, flops: number): number {
  if (loss.form === 'chinchilla') {
    const { A, B, alpha, beta } = loss;
    const G = ((alpha * A) / (beta * B)) ** (1 / (alpha + beta));
    return G * (flops / SIX) ** (beta / (alpha + beta));
  }
  const p = loss.alphaN / loss.alphaD;
  // As coefficient × C^(1/(p+1)), like the chinchilla form, so N is monotone in C to the last bit.
  const coefficient = ((p * loss.Nc ** p) / (SIX * loss.Dc)) ** (1 / (p + 1));
  return coefficient * flops ** (1 / (p + 1));
}
