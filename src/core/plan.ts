import type { LossModel, Rule } from '../presets/schemas.js';
import type { Anchor } from './baseline.js';
import type { Compute } from './compute.js';
import type { PlanSections } from './constraints/sections.js';
import type { Hardware } from './hardware.js';
import { badInput } from './errors.js';
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
  return {
    rule: rule.id,
    params,
    tokens,
    tokensPerParam: tokens / params,
    flops: SIX * params * tokens,
    paramsExponent: paramsExponent(rule, loss),
    loss: { model: loss.id, value },
  };
}

// Chinchilla's runs span about 6e18–3e21 FLOPs (shared/data), its largest model 5.76e23; Kaplan's
// fits reach about 1e21. Far outside this band every law here is an extrapolation.
export const FITTED_FLOPS_LOW = 1e18;
export const FITTED_FLOPS_HIGH = 1e25;

/** Builds the plan document for one budget and one or more rules. */
export function createPlan(input: PlanInput, hardware: Hardware | undefined, compute: Compute, scored: readonly ScoredRule[]): PlanDocument {
  const plans = scored.map((row) => planRule(row, compute.flops));
  return {
    schema: PLAN_SCHEMA_ID,
    input,
    hardware: hardware ?? null,
    compute,
    plans,
    notes: planNotes(input, hardware, compute, scored),
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
  if (compute.flops < FITTED_FLOPS_LOW || compute.flops > FITTED_FLOPS_HIGH) {
    notes.push('This budget is far outside the range the published laws were fitted on; treat the plan as an extrapolation.');
  }
  return notes;
}
