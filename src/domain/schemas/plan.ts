import * as z from 'zod';
import { PrecisionSchema } from '../presets.js';
import { InputEchoShape } from './input-echo.js';
import { PlanSectionsShape } from './plan-sections.js';

/**
 * The `llm-plan/plan@1` document (DESIGN §4) as a zod schema, for `llm-plan schema plan` and for
 * validating real outputs in tests. The hand-written `PlanDocument` in src/core/plan.ts is the type
 * the code builds; tests/schemas/plan-type.test.ts keeps the two from drifting apart.
 *
 * Objects are not strict: `@1` only grows, so a consumer's validator must accept fields added
 * later. Numbers are base units (FLOPs, parameters, tokens, hours, bytes, USD).
 */
const finite = z.number().finite();

export const PlanInputSchema = z.object({
  ...InputEchoShape,
  budget: z.string().nullable().describe('the --budget text as given; null when the plan answers --params, --tokens or --target-loss'),
  rule: z.string().describe("the rule that ran: the user's ('all' included) or the default"),
  params: finite.nullable().optional().describe('--params: the compute-optimal run for this many parameters (with --tokens too: the chosen run, compared in plans[].comparison)'),
  tokens: finite.nullable().optional().describe('--tokens: the compute-optimal model for this many tokens (with --params too: the chosen run)'),
  targetLoss: finite.nullable().optional().describe('--target-loss: the cheapest run reaching this loss'),
  booking: z
    .object({ gpus: finite, hours: finite, gpuHours: finite.describe('gpus × hours: the budget') })
    .nullable()
    .optional()
    .describe('--gpus with --days or --hours and no --budget: the booking is the budget'),
  model: z.string().nullable().optional().describe('--model: the real training run (presets/models.json) the plan evaluates; with params and tokens set, rows are that run'),
});

export const HardwareSchema = z.object({
  id: z.string(),
  name: z.string(),
  precision: PrecisionSchema,
  peakFlops: finite.describe("vendor's dense peak at the precision, FLOP/s"),
  mfu: finite,
  effectiveFlops: finite.describe('peakFlops × mfu, FLOP/s'),
  memoryBytes: finite,
  bandwidthBytesPerSecond: finite,
});

export const ComputeSchema = z.object({
  flops: finite.describe('training FLOPs of the budget'),
  pfDays: finite,
  gpuHours: finite.optional().describe('present whenever a GPU is known'),
  costUsd: finite.optional().describe('present whenever a price and a GPU are known'),
});

export const AnchorSchema = z.object({
  params: finite,
  tokens: finite,
  flops: finite,
  source: z.enum(['published', 'baseline']),
});

const interval = z.tuple([finite, finite]);

export const PlanRangeSchema = z.object({
  params: interval,
  tokens: interval,
  loss: interval,
  flops: interval.optional().describe('the compute each answer needs: present when the user fixed N (--params), D (--tokens) or the loss (--target-loss)'),
  fixed: z.enum(['params', 'tokens', 'loss']).optional().describe('the quantity the user fixed; its interval is that one value'),
  basis: z.enum(['published', 'bootstrap']),
  bootstrap: z.object({ draws: finite, confidence: finite }).optional(),
  variants: z.array(z.object({ id: z.string(), name: z.string(), source: z.string(), params: finite, tokens: finite, loss: finite, flops: finite.optional() })),
});

export const ExtrapolationSchema = z.object({
  inside: z.boolean().describe('every checked quantity lies inside the runs behind its law'),
  decades: finite.describe('the largest distance outside those runs, in decades (log10); 0 when inside'),
  lossFarOutside: z.boolean().describe('the loss prediction lies at least one decade outside its model’s runs: outside its validity'),
  checks: z.array(
    z.object({
      law: z.enum(['rule', 'loss']).describe('whose runs: the rule’s or the scoring loss model’s'),
      id: z.string(),
      quantity: z.enum(['params', 'tokens', 'flops']),
      value: finite,
      range: z.tuple([finite, finite]).describe('the span of the quantity over the law’s runs'),
      decades: finite.describe('decades outside the span; 0 inside'),
      side: z.enum(['inside', 'below', 'above']),
      of: z
        .enum(['run', 'optimum'])
        .optional()
        .describe(
          'a chosen run (--params with --tokens, or --model): run = the check is on the run’s own N, D, C (the loss model’s checks: the loss is predicted for the run); optimum = on the rule’s optimum at the same compute (the rule’s checks). Absent for a plan',
        ),
    }),
  ),
  unknown: z.array(z.string()).describe('laws that do not say which runs they were fitted on'),
});

export const ModelScaleSchema = z.object({
  flopsPerToken: finite.describe('M_opt: non-embedding FLOPs per token (DeepSeek LLM §3.2)'),
  lawTokens: finite.describe('the law’s own D_opt, with C = M·D; the plan’s tokens are C/(6N)'),
  nLayers: finite,
  dModel: finite,
  sequenceLength: finite,
  vocabSize: finite,
  nonEmbeddingParams: finite.describe('12·n_layer·d_model²'),
  embeddingParams: finite.describe('2·vocabulary·d_model (untied)'),
});

const LossValueSchema = z.object({ model: z.string(), value: finite.describe('nats/token on the model’s reference data') });

export const RulePlanSchema = z.object({
  rule: z.string(),
  params: finite,
  tokens: finite,
  tokensPerParam: finite,
  flops: finite.describe('6·N·D: equals compute.flops'),
  paramsExponent: finite.describe('a of N_opt ∝ C^a'),
  loss: LossValueSchema,
  anchor: AnchorSchema.optional().describe('power-law rules: the point the rule passes through'),
  range: PlanRangeSchema.optional().describe('with --range: the spread across published variants or a bootstrap'),
  losses: z.array(LossValueSchema).optional().describe('with --loss all: the plan scored under every loss model'),
  extrapolation: ExtrapolationSchema.optional().describe('whether N, D and C lie inside the runs behind the rule and the loss model'),
  modelScale: ModelScaleSchema.optional().describe('flops-per-token rules (deepseek): M_opt and the shape it became parameters through'),
  ...PlanSectionsShape,
});

export const PlanDocumentSchema = z
  .object({
    schema: z.literal('llm-plan/plan@1'),
    input: PlanInputSchema,
    hardware: HardwareSchema.nullable(),
    compute: ComputeSchema,
    plans: z.array(RulePlanSchema),
    notes: z.array(z.string()),
  })
  .meta({ title: 'llm-plan/plan@1', description: 'A compute plan: parameters, tokens and loss for a budget, one row per rule.' });
