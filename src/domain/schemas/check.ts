import * as z from 'zod';
import { ArchitectureSectionSchema, LayoutRowSchema, LayoutSchema } from './plan-sections.js';

/**
 * The `llm-plan/check@1` document printed by `llm-plan check --json`: one result per config, each
 * with its violations. Every violation reads "`value` crossed `limit`" (above a maximum, or below
 * a minimum for `tokens-per-param-low`), and carries a one-line `reason` for people.
 */
const finite = z.number().finite();

export const VIOLATION_CODES = [
  'over-budget',
  'off-optimum',
  'tokens-per-param-low',
  'tokens-per-param-high',
  'loss-above-max',
  'flops-above-max',
  'days-above-max',
  'cost-above-max',
  'does-not-fit',
] as const;

export const WARNING_CODES = ['near-limit', 'extrapolation'] as const;

export const ViolationSchema = z.object({
  code: z.enum(VIOLATION_CODES),
  reason: z.string().describe('one line for a person'),
  value: finite.describe(
    'over-budget, flops-above-max: 6·N·D in FLOPs; off-optimum: |N/N_opt − 1|; tokens-per-param-*: D/N; loss-above-max: predicted loss; days-above-max: wall-clock days; cost-above-max: USD; does-not-fit: bytes per GPU the leanest layout needs (weights, gradients, optimizer states, activations)',
  ),
  limit: finite.describe('the threshold value crossed (budget FLOPs × (1 + budgetTolerance), tolerance, a min/max limit; does-not-fit: GPU memory less the 10% buffer allowance, in bytes)'),
});

export const WarningSchema = z.object({
  code: z.enum(WARNING_CODES).describe('near-limit: a passing value within 10% of its limit; extrapolation: 6·N·D outside the range the laws were fitted on'),
  limit: z.enum(VIOLATION_CODES).optional().describe('for near-limit: the violation the config is close to'),
  reason: z.string().describe('one line for a person'),
});

/** Where a config (or a problem) is in its file: 1-based lines and columns, the end inclusive of the last line. */
export const SourceLocationSchema = z.object({
  line: z.number().int().positive(),
  column: z.number().int().positive(),
  endLine: z.number().int().positive(),
  endColumn: z.number().int().positive(),
});

/**
 * The layout search on a config's cluster (gpu and gpus given): the plan's `plans[].layout` without
 * the ranked alternatives, plus the leanest layout, the memory limit and the architecture searched.
 */
export const CheckLayoutSchema = LayoutSchema.omit({ alternatives: true, startDate: true, finishDate: true })
  .extend({
    leanest: LayoutRowSchema.describe('the layout needing the least memory per GPU: what does-not-fit and its near-limit warning measure'),
    gpuMemoryBytes: finite.describe('bytes of memory per GPU (the datasheet)'),
    usableBytesPerGpu: finite.describe('gpuMemoryBytes less the 10% buffer allowance: the does-not-fit limit'),
    seqLen: z.number().int().positive().describe('tokens per sequence'),
    optimizer: z.enum(['adamw', 'adafactor', 'sgd']),
    gradDtype: z.enum(['bf16', 'fp32']),
    flashAttention: z.boolean(),
    architecture: ArchitectureSectionSchema.describe('the architecture searched: arch, or proposed from params (origin proposed); an inline shape is origin flags'),
  })
  .describe("the plan's layout search for this config's N and D on gpus × gpu; days here follow the layout's step time, not 6·N·D at MFU");

export const CheckResultSchema = z.object({
  index: z.number().int().nonnegative().describe('position of the config in the file'),
  name: z.string(),
  file: z.string().optional().describe('the file the config came from (- for stdin)'),
  location: SourceLocationSchema.nullable().describe('where the config is in its file, when known'),
  passed: z.boolean(),
  params: finite,
  tokens: finite,
  tokensPerParam: finite,
  flops: finite.describe('6·N·D'),
  rule: z.string().describe('the rule whose optimum the config is compared with'),
  optimalParams: finite.describe("N_opt: the rule's parameter count for the same FLOPs"),
  optimalTokens: finite,
  loss: z.object({ model: z.string(), value: finite }),
  budgetFlops: finite.nullable().describe('the budget in FLOPs, when the config has one'),
  gpuHours: finite.nullable().describe('6·N·D at the effective FLOP/s of the config\'s gpu, when it names one'),
  days: finite.nullable().describe('wall-clock days on the config\'s gpus, when it gives gpu and gpus'),
  costUsd: finite.nullable().describe('gpuHours × price, when the config gives gpu and price'),
  layout: CheckLayoutSchema.nullable().describe('the layout search, when the config gives gpu and gpus; else null'),
  violations: z.array(ViolationSchema),
  warnings: z.array(WarningSchema).describe('things to know that do not fail the check'),
});

export const InvalidFileSchema = z.object({
  file: z.string(),
  message: z.string().describe('the error, as printed after llm-plan: error:'),
  hint: z.string().nullable(),
  location: SourceLocationSchema.nullable().describe('the offending field or syntax error, when known'),
});

export const CheckDocumentSchema = z
  .object({
    schema: z.literal('llm-plan/check@1'),
    file: z.string().describe("the checked file (- for stdin); with several files, their names joined by ', '"),
    files: z.array(z.string()).describe('every file checked, directories expanded'),
    passed: z.boolean().describe('every config passed and every file was valid'),
    summary: z.object({
      configs: z.number().int(),
      passed: z.number().int(),
      failed: z.number().int(),
      warnings: z.number().int(),
      invalidFiles: z.number().int(),
    }),
    results: z.array(CheckResultSchema),
    invalid: z.array(InvalidFileSchema).describe('files that could not be checked (exit 2)'),
  })
  .meta({ title: 'llm-plan/check@1', description: 'The result of llm-plan check: every config, pass or fail, with its violations.' });

/** One line of `llm-plan check --format ndjson`: a config's result, with the file it came from. */
export const CheckResultLineSchema = CheckResultSchema.extend({
  schema: z.literal('llm-plan/check-result@1'),
  file: z.string().describe('the checked file (- for stdin)'),
}).meta({ title: 'llm-plan/check-result@1', description: 'One config of llm-plan check, as one NDJSON line.' });

export type CheckDocument = z.infer<typeof CheckDocumentSchema>;
export type CheckResult = z.infer<typeof CheckResultSchema>;
export type Violation = z.infer<typeof ViolationSchema>;
export type CheckWarning = z.infer<typeof WarningSchema>;
export type SourceLocation = z.infer<typeof SourceLocationSchema>;
export type ViolationCode = (typeof VIOLATION_CODES)[number];
