import { z } from 'zod';
import { PrecisionSchema } from '../presets/schemas.js';

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
  budget: z.string().describe('the --budget text as given'),
  gpu: z.string().nullable(),
  precision: z.string().nullable(),
  mfu: finite.nullable(),
  rule: z.string().describe("the rule that ran: the user's ('all' included) or the default"),
  loss: z.string().nullable(),
  price: finite.nullable().describe('USD per GPU-hour'),
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

export const RulePlanSchema = z.object({
  rule: z.string(),
  params: finite,
  tokens: finite,
  tokensPerParam: finite,
  flops: finite.describe('6·N·D: equals compute.flops'),
  paramsExponent: finite.describe('a of N_opt ∝ C^a'),
  loss: z.object({ model: z.string(), value: finite.describe('nats/token on the model’s reference data') }),
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
