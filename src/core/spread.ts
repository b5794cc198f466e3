import type { ChinchillaLoss, LossModel } from '../domain/presets.js';
import type { Anchor } from './baseline.js';
import { badInput, PlanError } from '../domain/errors.js';
import { predictLoss } from './loss.js';
import { chinchillaOptimalLaw, paramsAt, paramsLawOf, powerLawThrough, type ParamsLaw } from './params-law.js';
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
}

/**
 * `plans[].range`, the `--range` spread (not a budget range `LO..HI`, which is budget-range.ts): the interval of N, D and loss that spans the plan itself and the published
 * variants of its law, or, for a fitted law with a bootstrap, the bootstrap percentile interval.
 */
export interface PlanSpread {
  readonly params: readonly [number, number];
  readonly tokens: readonly [number, number];
  readonly loss: readonly [number, number];
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
): PlanSpread {
  const bootstrap = rule.kind === 'loss-optimal' && loss.form === 'chinchilla' ? loss.fit?.bootstrap : undefined;
  if (bootstrap && bootstrap.draws.length > 0) return bootstrapRange(loss as ChinchillaLoss, bootstrap, flops, point);

  const family = rule.kind === 'power-law' ? FAMILY_BY_RULE[rule.id] : FAMILY_BY_OPTIMAL_LOSS[loss.id];
  if (family === undefined) {
    throw badInput(
      rule.kind === 'power-law'
        ? `--range has no published variants of the rule '${rule.id}'`
        : `--range has no published variants or bootstrap for optimal under '${loss.id}'`,
      'ranges exist for openai, deepmind, and optimal under a built-in loss model or a law fitted with --bootstrap',
    );
  }
  const variants = VARIANT_FAMILIES[family].map((variant) => {
    const params = paramsAt(variantLaw(variant, lossModels, baseline), flops);
    const tokens = flops / (SIX * params);
    return { id: variant.id, name: variant.name, source: variant.source, params, tokens, loss: predictLoss(loss, params, tokens) };
  });
  const all = [point, ...variants];
  return {
    params: spanOf(all.map((entry) => entry.params)),
    tokens: spanOf(all.map((entry) => entry.tokens)),
    loss: spanOf(all.map((entry) => entry.loss)),
    basis: 'published',
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
 * loss-optimal N at this compute (Hoffmann Eq. 4), its D = C/(6N), and the loss that draw predicts
 * there, so the loss interval carries the uncertainty of the fit itself.
 */
function bootstrapRange(
  loss: ChinchillaLoss,
  bootstrap: NonNullable<NonNullable<ChinchillaLoss['fit']>['bootstrap']>,
  flops: number,
  point: SpreadPoint,
): PlanSpread {
  const params: number[] = [];
  const tokens: number[] = [];
  const losses: number[] = [];
  for (const draw of bootstrap.draws) {
    const drawParams = paramsAt(chinchillaOptimalLaw(draw), flops);
    const drawTokens = flops / (SIX * drawParams);
    params.push(drawParams);
    tokens.push(drawTokens);
    losses.push(predictLoss({ ...loss, ...draw }, drawParams, drawTokens));
  }
  const tail = (1 - bootstrap.confidence) / 2;
  const interval = (values: number[], pointValue: number): [number, number] => {
    values.sort((a, b) => a - b);
    return spanOf([percentile(values, tail), percentile(values, 1 - tail), pointValue]);
  };
  return {
    params: interval(params, point.params),
    tokens: interval(tokens, point.tokens),
    loss: interval(losses, point.loss),
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
