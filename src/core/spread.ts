import type { ChinchillaLoss, LossModel } from '../domain/presets.js';
import type { Anchor } from './baseline.js';
import { badInput, PlanError } from '../domain/errors.js';
import { predictLoss } from './loss.js';
import { chinchillaOptimalLaw, flopsForParams, flopsForTokens, paramsAt, paramsLawOf, powerLawThrough, type ParamsLaw } from './params-law.js';
import type { ScoredRule } from './pair-rules.js';
import { FAMILY_BY_OPTIMAL_LOSS, FAMILY_BY_RULE, VARIANT_FAMILIES, type PublishedVariant } from './spread-variants.js';
import { TRAINING_FLOPS_PER_PARAM_TOKEN as SIX } from '../domain/units.js';

/** One published variant's plan at the same compute, scored by the plan's loss model. */
export interface SpreadVariant {
  readonly id: string;
  readonly name: string;
  readonly source: string;
  readonly params: number;
  readonly tokens: number;
  readonly loss: number;
  /** 6·N·D of the variant's answer (equal to the plan's compute unless the user fixed N, D or the loss). */
  readonly flops?: number;
}

/** A quantity the user fixed (`--params`, `--tokens`, `--target-loss`): the range does not vary it. */
export type FixedQuantity = { readonly kind: 'params'; readonly value: number } | { readonly kind: 'tokens'; readonly value: number } | { readonly kind: 'loss'; readonly value: number };

/**
 * `plans[].range`, the `--range` spread (not a budget range `LO..HI`, which is budget-range.ts): the interval of N, D and loss that spans the plan itself and the published
 * variants of its law, or, for a fitted law with a bootstrap, the bootstrap percentile interval.
 */
export interface PlanSpread {
  readonly params: readonly [number, number];
  readonly tokens: readonly [number, number];
  readonly loss: readonly [number, number];
  /** The compute each answer needs: varies only when the user fixed N, D or the loss. */
  readonly flops?: readonly [number, number];
  /** The quantity the user fixed, whose interval is then that one value. */
  readonly fixed?: 'params' | 'tokens' | 'loss';
  readonly basis: 'published' | 'bootstrap';
  /** Present when basis is `bootstrap`: how many draws and the central mass of the interval. */
  readonly bootstrap?: { readonly draws: number; readonly confidence: number };
  /** Empty when basis is `bootstrap`. */
  readonly variants: readonly SpreadVariant[];
}

/** The point estimate the range surrounds. */
export interface SpreadPoint {
  readonly params: number;
  readonly tokens: number;
  readonly loss: number;
  readonly flops?: number;
}

/**
 * The range of a plan at `flops`. Power-law variants pivot on `baseline` when the user gave one.
 * The interval always contains the plan's own point.
 *
 * @param lossModels where the loss-optimal variants find their models (the built-in ones)
 */
export function spreadOf(
  { rule, loss }: ScoredRule,
  flops: number,
  point: SpreadPoint,
  lossModels: readonly LossModel[],
  baseline?: Anchor,
  fixed?: FixedQuantity,
): PlanSpread {
  const bootstrap = rule.kind === 'loss-optimal' && loss.form === 'chinchilla' ? loss.fit?.bootstrap : undefined;
  if (bootstrap && bootstrap.draws.length > 0) return bootstrapRange(loss as ChinchillaLoss, bootstrap, flops, { ...point, flops }, fixed);

  const family = rule.kind === 'loss-optimal' ? FAMILY_BY_OPTIMAL_LOSS[loss.id] : FAMILY_BY_RULE[rule.id];
  if (family === undefined) {
    throw badInput(
      rule.kind === 'loss-optimal'
        ? `--range has no published variants or bootstrap for optimal under '${loss.id}'`
        : `--range has no published variants of the rule '${rule.id}'`,
      `ranges exist for ${Object.keys(FAMILY_BY_RULE).join(', ')}, and optimal under a built-in chinchilla-form loss model or a law fitted with --bootstrap`,
    );
  }
  const variants = VARIANT_FAMILIES[family].map((variant) => {
    const answer = answerUnder(variantLaw(variant, lossModels, baseline), flops, loss, fixed);
    return { id: variant.id, name: variant.name, source: variant.source, ...answer };
  });
  return spanOver({ ...point, flops }, variants, 'published', fixed, variants);
}

/** Whether `--range` has something to spread for a scored rule (a published family or a bootstrap). */
export function hasRange({ rule, loss }: ScoredRule): boolean {
  if (rule.kind === 'loss-optimal' && loss.form === 'chinchilla' && (loss.fit?.bootstrap?.draws.length ?? 0) > 0) return true;
  return (rule.kind === 'loss-optimal' ? FAMILY_BY_OPTIMAL_LOSS[loss.id] : FAMILY_BY_RULE[rule.id]) !== undefined;
}

/**
 * One law's answer to the plan's question: the allocation of the same compute, or, when the user
 * fixed N, D or the loss, the compute that law needs for it (and the rest at that compute).
 */
function answerUnder(law: ParamsLaw, flops: number, loss: LossModel, fixed: FixedQuantity | undefined): SpreadPoint & { flops: number } {
  let compute = flops;
  if (fixed?.kind === 'params') compute = flopsForParams(law, fixed.value);
  else if (fixed?.kind === 'tokens') compute = flopsForTokens(law, fixed.value);
  else if (fixed?.kind === 'loss') compute = flopsForLossUnder(law, loss, fixed.value);
  const params = fixed?.kind === 'params' ? fixed.value : paramsAt(law, compute);
  const tokens = fixed?.kind === 'tokens' ? fixed.value : compute / (SIX * params);
  return { params, tokens, loss: predictLoss(loss, params, tokens), flops: compute };
}

/** The compute at which a law's allocation reaches `target` under the loss model: bisection in log C. */
function flopsForLossUnder(law: ParamsLaw, loss: LossModel, target: number): number {
  const excess = (logFlops: number): number => {
    const flops = Math.exp(logFlops);
    const params = paramsAt(law, flops);
    return predictLoss(loss, params, flops / (SIX * params)) - target;
  };
  let low = 0;
  let high = Math.log(1e60);
  if (excess(high) > 0) return Number.POSITIVE_INFINITY;
  for (let step = 0; step < 200 && high - low > 1e-13; step++) {
    const middle = (low + high) / 2;
    if (excess(middle) > 0) low = middle;
    else high = middle;
  }
  return Math.exp(high);
}

function spanOver(
  point: SpreadPoint & { flops: number },
  answers: ReadonlyArray<SpreadPoint & { flops: number }>,
  basis: 'published' | 'bootstrap',
  fixed: FixedQuantity | undefined,
  variants: readonly SpreadVariant[],
): PlanSpread {
  const all = [point, ...answers].filter((entry) => Number.isFinite(entry.flops));
  // The fixed quantity's interval is the user's value itself (the plan's own N may differ by an ulp).
  const span = (quantity: 'params' | 'tokens' | 'loss'): [number, number] =>
    fixed?.kind === quantity ? [fixed.value, fixed.value] : spanOf(all.map((entry) => entry[quantity]));
  return {
    params: span('params'),
    tokens: span('tokens'),
    loss: span('loss'),
    ...(fixed ? { flops: spanOf(all.map((entry) => entry.flops)), fixed: fixed.kind } : {}),
    basis,
    variants,
  };
}

function variantLaw(variant: PublishedVariant, lossModels: readonly LossModel[], baseline: Anchor | undefined): ParamsLaw {
  if (variant.kind === 'power-law') return powerLawThrough(baseline ?? variant.anchor, variant.exponent);
  const model = lossModels.find((candidate) => candidate.id === variant.lossId);
  if (!model) throw new PlanError('internal', `range variant '${variant.id}' needs the loss model '${variant.lossId}'`);
  return paramsLawOf({ id: 'optimal', name: variant.name, kind: 'loss-optimal', defaultLoss: model.id, source: variant.source }, model);
}

/**
 * Percentile interval over the bootstrap draws of a fitted law (central mass `confidence`): each draw's
 * answer (loss-optimal N at this compute, Hoffmann Eq. 4, or the compute it needs for a fixed N, D or
 * loss), and the loss that draw predicts there, so the loss interval carries the uncertainty of the fit.
 */
function bootstrapRange(
  loss: ChinchillaLoss,
  bootstrap: NonNullable<NonNullable<ChinchillaLoss['fit']>['bootstrap']>,
  flops: number,
  point: SpreadPoint & { flops: number },
  fixed: FixedQuantity | undefined,
): PlanSpread {
  const answers = bootstrap.draws.map((draw) => answerUnder(chinchillaOptimalLaw(draw), flops, { ...loss, ...draw }, fixed));
  const tail = (1 - bootstrap.confidence) / 2;
  const interval = (values: number[], pointValue: number): [number, number] => {
    values.sort((a, b) => a - b);
    return spanOf([percentile(values, tail), percentile(values, 1 - tail), pointValue]);
  };
  const finite = answers.filter((answer) => Number.isFinite(answer.flops));
  return {
    params: interval(finite.map((answer) => answer.params), point.params),
    tokens: interval(finite.map((answer) => answer.tokens), point.tokens),
    loss: interval(finite.map((answer) => answer.loss), point.loss),
    ...(fixed ? { flops: interval(finite.map((answer) => answer.flops), point.flops), fixed: fixed.kind } : {}),
    basis: 'bootstrap',
    bootstrap: { draws: bootstrap.draws.length, confidence: bootstrap.confidence },
    variants: [],
  };
}

/**
 * The q-quantile of sorted values, interpolating linearly between order statistics (Hyndman & Fan
 * 1996 type 7, the default of R and NumPy).
 *
 * @example percentile([1, 2, 3, 4], 0.5) → 2.5
 */
export function percentile(sorted: readonly number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const low = sorted[below] ?? Number.NaN;
  const high = sorted[Math.min(below + 1, sorted.length - 1)] ?? low;
  return low + (position - below) * (high - low);
}

function spanOf(values: readonly number[]): [number, number] {
  return [Math.min(...values), Math.max(...values)];
}
