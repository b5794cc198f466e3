import type { Anchor } from './baseline.js';
import type { Compute } from './compute.js';
import type { PlanSections } from './constraints/sections.js';
import type { Extrapolation } from './extrapolation.js';
import type { Hardware } from './hardware.js';
import type { PlanSpread } from './spread.js';

/** The wire types of the `llm-plan/plan@1` document; src/domain/schemas/plan.ts is its zod schema. */

export const PLAN_SCHEMA_ID = 'llm-plan/plan@1';

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
  /** `--gpus` with `--days`/`--hours` and no budget: the booking that is the budget (GPUs × hours). */
  readonly booking?: { readonly gpus: number; readonly hours: number; readonly gpuHours: number } | null;
  /** `--model`: the real training run whose N and D the plan evaluates. */
  readonly model?: string | null;
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
  readonly range?: PlanSpread;
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
