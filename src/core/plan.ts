import type { LossModel, Rule } from '../presets/schemas.js';
import type { Anchor } from './baseline.js';
import type { Compute } from './compute.js';
import type { PlanSections } from './constraints/sections.js';
import type { Hardware } from './hardware.js';
import { badInput } from './errors.js';
import { proposeShape } from './constraints/shape.js';
import { describeExtrapolation, extrapolationOf, FAR_DECADES, formatDecades, lossDecades, summariseExtrapolation, type Extrapolation } from './extrapolation.js';
import { formatNumber } from './format.js';
import { allocateFlopsPerToken } from './flops-per-token.js';
import { predictLoss } from './loss.js';
import type { PlanRange } from './range.js';
import { allocate, paramsExponent } from './rules.js';
import { TRAINING_FLOPS_PER_PARAM_TOKEN as SIX } from './units.js';

export const PLAN_SCHEMA_ID = 'llm-plan/plan@1';

/**
 * The loss model that scores every row when several rules are compared and `--loss` is not given:
 * the Epoch AI refit (issue 2), fitted on the most runs with published standard errors.
 */
export const COMPARISON_LOSS_ID = 'besiroglu2024';

/** What the user asked for, echoed in the JSON (`null` where a flag was not given). */
export interface PlanInput {
  /** The budget as typed; `null` when the plan answers `--params`, `--tokens` or `--target-loss` instead. */
  readonly budget: string | null;
  readonly gpu: string | null;
  readonly precision: string | null;
  readonly mfu: number | null;
  /** The rule that ran: the user's (`all` included) or the default. */
  readonly rule: string;
  readonly loss: string | null;
  readonly price: number | null;
  /** `--params`: plan the compute-optimal run for this many parameters. */
  readonly params?: number | null;
  /** `--tokens`: plan the compute-optimal model for this many training tokens. */
  readonly tokens?: number | null;
  /** `--target-loss`: plan the cheapest run that reaches this loss under the scoring model. */
  readonly targetLoss?: number | null;
  /** `--baseline N:D` as typed: the user's run that re-anchors power-law rules. */
  readonly baseline?: string | null;
}

/** One rule's plan for the budget; the optional sections come from the constraint flags. */
export interface RulePlan extends PlanSections {
  readonly rule: string;
  readonly params: number;
  readonly tokens: number;
  readonly tokensPerParam: number;
  /** `6·N·D`: equals `compute.flops` to floating-point precision. */
  readonly flops: number;
  /** Exponent a of `N_opt ∝ C^a` under this rule (and loss model, for `optimal`). */
  readonly paramsExponent: number;
  readonly loss: { readonly model: string; readonly value: number };
  /** Power-law rules: the point the rule passes through (published, or the user's `--baseline`). */
  readonly anchor?: Anchor;
  /** With `--range`: the spread across the law's published variants or its fit's bootstrap. */
  readonly range?: PlanRange;
  /** With `--loss all`: the allocation scored under every loss model (`loss` stays the primary one). */
  readonly losses?: ReadonlyArray<{ readonly model: string; readonly value: number }>;
  /** Whether N, D and C lie inside the runs behind the rule and the loss model, and how far outside if not. */
  readonly extrapolation?: Extrapolation;
  /** Flops-per-token rules (deepseek): the law's M_opt and D_opt and the shape M became parameters through. */
  readonly modelScale?: ModelScale;
}

/** `plans[].modelScale`: DeepSeek's M_opt (non-embedding FLOPs per token) and the shape assumed for it. */
export interface ModelScale {
  readonly flopsPerToken: number;
  /** The law's own D_opt (its C = M·D accounting); the plan's tokens are C/(6N). */
  readonly lawTokens: number;
  readonly nLayers: number;
  readonly dModel: number;
  readonly sequenceLength: number;
  readonly vocabSize: number;
  readonly nonEmbeddingParams: number;
  readonly embeddingParams: number;
}

/** The `llm-plan/plan@1` document of DESIGN §4. Only grows; fields never change meaning. */
export interface PlanDocument {
  readonly schema: typeof PLAN_SCHEMA_ID;
  readonly input: PlanInput;
  readonly hardware: Hardware | null;
  readonly compute: Compute;
  readonly plans: readonly RulePlan[];
  readonly notes: readonly string[];
}

export interface ScoredRule {
  readonly rule: Rule;
  readonly loss: LossModel;
}

/**
 * Pairs each rule with the loss model that scores it: `--loss` when given; otherwise, when several
 * rules are compared, one shared model (so the column is comparable); otherwise the rule's default.
 */
export function pairRulesWithLoss(
  rules: readonly Rule[],
  lossModels: readonly LossModel[],
  lossOverride: LossModel | undefined,
): ScoredRule[] {
  const byId = (id: string): LossModel => {
    const found = lossModels.find((model) => model.id === id);
    if (!found) throw new Error(`preset error: loss model '${id}' is referenced but not defined`);
    return found;
  };
  const shared = lossOverride ?? (rules.length > 1 ? byId(COMPARISON_LOSS_ID) : undefined);
  return rules.map((rule) => ({ rule, loss: shared ?? byId(rule.defaultLoss) }));
}

/** One row: allocate the budget under the rule, score it with the loss model. */
export function planRule({ rule, loss }: ScoredRule, flops: number): RulePlan {
  const { params, tokens } = allocate(rule, flops, loss);
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
  return {
    rule: rule.id,
    params,
    tokens,
    tokensPerParam: tokens / params,
    flops: planned,
    paramsExponent: paramsExponent(rule, loss),
    loss: { model: loss.id, value },
    extrapolation: extrapolationOf(rule, loss, { params, tokens, flops: planned }),
    ...(rule.kind === 'flops-per-token-law' ? { modelScale: modelScaleOf(rule, flops) } : {}),
  };
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
export function createPlan(input: PlanInput, hardware: Hardware | undefined, compute: Compute, scored: readonly ScoredRule[]): PlanDocument {
  const plans = scored.map((row) => planRule(row, compute.flops));
  return {
    schema: PLAN_SCHEMA_ID,
    input,
    hardware: hardware ?? null,
    compute,
    plans,
    notes: [...planNotes(input, hardware, compute, scored), ...extrapolationNotes(plans)],
  };
}

function planNotes(input: PlanInput, hardware: Hardware | undefined, compute: Compute, scored: readonly ScoredRule[]): string[] {
  const notes: string[] = [];
  const models = [...new Map(scored.map(({ loss }) => [loss.id, loss])).values()];
  for (const model of models) {
    notes.push(
      `Loss is ${model.id}'s prediction in nats/token on ${model.dataset}; it does not transfer to other data or tokenizers.`,
    );
    if (model.parameterCount === 'non-embedding') {
      notes.push(`${model.id} was fitted on non-embedding parameters; the plan's N is used as is.`);
    }
  }
  if (scored.length > 1) {
    const shared = models.length === 1 && models[0] ? models[0].id : 'the chosen model';
    notes.push(`Every row is scored by ${shared} so the loss column is comparable.`);
  }
  if (hardware && input.mfu === null) {
    notes.push(`MFU ${hardware.mfu.toFixed(2)} assumed (well-tuned training reaches 0.40–0.50); set it with --mfu.`);
  }
  return notes;
}

/**
 * Where the rows lie against the runs behind their rule and loss model (one sentence for one row, a
 * summary for several), a warning for a loss predicted far outside its model's runs, and the shape
 * note of flops-per-token rules.
 */
export function extrapolationNotes(plans: readonly RulePlan[]): string[] {
  const notes: string[] = [];
  const rows = plans.flatMap((row) => (row.extrapolation ? [{ rule: row.rule, extrapolation: row.extrapolation, row }] : []));
  const [single] = rows;
  if (rows.length === 1 && single) notes.push(describeExtrapolation(single.rule, single.extrapolation));
  else if (rows.length > 1) notes.push(summariseExtrapolation(rows));
  const far = rows.filter(({ extrapolation }) => extrapolation.lossFarOutside);
  if (far.length > 0) {
    const which = far.map(({ row, extrapolation }) => `${row.rule} (${row.loss.value.toPrecision(4)}, ${formatDecades(lossDecades(extrapolation))} decades out)`);
    const models = [...new Set(far.map(({ row }) => row.loss.model))].join(' and ');
    notes.push(
      `Warning (!): the loss of ${which.join(', ')} lies more than ${FAR_DECADES} decade outside the runs ${models} was fitted on;` +
        ' it is outside the model\'s validity, not a prediction to rely on.',
    );
  }
  for (const row of plans) {
    if (!row.modelScale) continue;
    const scale = row.modelScale;
    const shape = proposeShape(row.params, scale.vocabSize);
    notes.push(
      `${row.rule}: M_opt = ${formatParams(scale.flopsPerToken)} non-embedding FLOPs/token becomes N through a shape with d_model/n_layer = ${formatNumber(scale.dModel / scale.nLayers)}` +
        ` (l_seq ${scale.sequenceLength}, vocabulary ${scale.vocabSize}, untied): ${formatParams(scale.nonEmbeddingParams)} + ${formatParams(scale.embeddingParams)} embedding parameters,` +
        ` a model like ${shape.nLayers} layers × d_model ${shape.dModel} (${shape.nHeads} heads). The law's own D_opt is ${formatParams(scale.lawTokens)} tokens (C = M·D); here D = C/(6N).`,
    );
  }
  return notes;
}

function formatParams(value: number): string {
  return value.toExponential(2).replace('e+', 'e');
}
