import { badInput } from '../domain/errors.js';
import { TRAINING_FLOPS_PER_PARAM_TOKEN as SIX } from '../domain/units.js';
import type { Compute } from './compute.js';
import type { Hardware } from './hardware.js';
import type { Rule } from '../domain/presets.js';
import { extrapolationOf } from './extrapolation.js';
import { allocateFlopsPerToken } from './flops-per-token.js';
import { predictLoss } from './loss.js';
import type { ScoredRule } from './pair-rules.js';
import { PLAN_SCHEMA_ID, type ModelScale, type PlanDocument, type PlanInput, type RulePlan } from './plan-document.js';
import { extrapolationNotes, planNotes } from './plan-notes.js';
import { allocate, paramsExponent } from './rules.js';

/**
 * What the user fixed in an inverse query (`--params`, `--tokens`): that value is kept exactly as
 * typed and the other one is derived from it and the budget (D = C/(6N)), rather than both being
 * recomputed from C, which would print `--params 7B` back as 7000000000.00003.
 */
export interface FixedSize {
  readonly params?: number;
  readonly tokens?: number;
}

/** One row: allocate the budget under the rule, score it with the loss model. */
export function planRule({ rule, loss }: ScoredRule, flops: number, fixed: FixedSize = {}): RulePlan {
  const allocated = allocate(rule, flops, loss);
  const params = fixed.params ?? (fixed.tokens !== undefined ? flops / (SIX * fixed.tokens) : allocated.params);
  const tokens = fixed.tokens ?? (fixed.params !== undefined ? flops / (SIX * fixed.params) : allocated.tokens);
  // A plan needs at least one parameter and one token; past the float range there is no plan either.
  if (!(params >= 1 && tokens >= 1 && Number.isFinite(params) && Number.isFinite(tokens))) {
    const finite = Number.isFinite(params) && Number.isFinite(tokens) && params > 0;
    // Below one FLOP the law underflows (N = 0, D = C/0 = ∞): that budget is tiny, not huge.
    const size = finite || flops < 1 ? 'too small' : 'too large';
    throw badInput(
      `a budget of ${flops.toExponential(2).replace('e+', 'e')} FLOPs is ${size} to plan under ${rule.id}`,
      size === 'too large'
        ? 'give a budget below about 1e200 FLOPs'
        : finite
          ? `it buys ${params.toPrecision(2)} parameters on ${tokens.toPrecision(2)} tokens; plan at least one of each`
          : 'it buys less than one parameter and one token',
    );
  }
  const value = predictLoss(loss, params, tokens);
  if (!Number.isFinite(value)) throw badInput(`${loss.id} cannot score a plan of ${params.toPrecision(3)} parameters on ${tokens.toPrecision(3)} tokens`);
  const planned = SIX * params * tokens;
  const plan: RulePlan = {
    rule: rule.id,
    params,
    tokens,
    tokensPerParam: tokens / params,
    flops: planned,
    paramsExponent: paramsExponent(rule, loss),
    loss: { model: loss.id, value },
    extrapolation: extrapolationOf(rule, loss, { params, tokens, flops: planned }),
  };
  // No conditional spread: object spreads are slow (Node 20), and a sweep plans every row.
  return rule.kind === 'flops-per-token-law' ? Object.assign(plan, { modelScale: modelScaleOf(rule, flops) }) : plan;
}

function modelScaleOf(rule: Extract<Rule, { kind: 'flops-per-token-law' }>, flops: number): ModelScale {
  const at = allocateFlopsPerToken(rule, flops);
  return {
    flopsPerToken: at.modelScale,
    lawTokens: at.dataScale,
    nLayers: at.nLayers,
    dModel: at.dModel,
    sequenceLength: rule.sequenceLength,
    vocabSize: rule.vocabSize,
    nonEmbeddingParams: at.nonEmbeddingParams,
    embeddingParams: at.embeddingParams,
  };
}


/** Builds the plan document for one budget and one or more rules. */
export function createPlan(input: PlanInput, hardware: Hardware | undefined, compute: Compute, scored: readonly ScoredRule[], fixed: FixedSize = {}): PlanDocument {
  const plans = scored.map((row) => planRule(row, compute.flops, fixed));
  return {
    schema: PLAN_SCHEMA_ID,
    input,
    hardware: hardware ?? null,
    compute,
    plans,
    notes: planNotes(input, hardware, compute, scored).concat(extrapolationNotes(plans)),
  };
}
